import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Output } from '../../../../../shared/contract';
import { mondayOf } from '../../../../../shared/rules/rota';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiQuery } from '../../../api/hooks';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { weekdayName } from '../rotaWords';
import { ShiftDialog } from './ShiftDialog';
import { TemplateDialog } from './TemplateDialog';

type Shift = Output<'rota.shifts.list'>['shifts'][number];
type Template = Output<'rota.templates.list'>['templates'][number];

const weekdaysText = (days: number[]) => (days.length === 7 ? t('rota.shift.everyDay') : days.map(weekdayName).join('、'));

/** 班次与模板 (admin): a station's shifts and its rota templates. */
export function SetupTab() {
  const stations = useApiQuery('stations.list', {});
  const active = (stations.data ?? []).filter((s) => s.active);
  const [picked, setPicked] = useState<string | null>(null);
  const stationId = picked ?? active[0]?.id ?? null;
  const shifts = useApiQuery('rota.shifts.list', { stationId: stationId ?? undefined }, { enabled: !!stationId });
  const templates = useApiQuery('rota.templates.list', { stationId: stationId ?? undefined }, { enabled: !!stationId });
  const [shift, setShift] = useState<Shift | 'new' | null>(null);
  const [template, setTemplate] = useState<Template | 'new' | null>(null);
  const thisWeek = mondayOf(shanghaiDate(useNow(60_000)));
  return (
    <div>
      <Space style={{ marginBottom: 16 }}>
        <span style={{ fontSize: 16 }}>{t('rota.setup.station')}</span>
        <Select size="large" style={{ width: 220 }} value={stationId} onChange={setPicked} options={active.map((s) => ({ value: s.id, label: s.name }))} data-testid="rota-setup-station" />
      </Space>
      <Card
        title={t('rota.setup.shifts')}
        className="rota-card"
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setShift('new')} disabled={!stationId}>
            {t('rota.shift.new')}
          </Button>
        }
      >
        <Table<Shift>
          rowKey="id"
          pagination={false}
          dataSource={shifts.data?.shifts ?? []}
          loading={shifts.isLoading}
          columns={[
            { title: t('rota.shift.name'), dataIndex: 'name' },
            { title: t('rota.shift.time'), render: (_, s) => `${s.start}–${s.end}` },
            { title: t('rota.shift.minStaff'), dataIndex: 'minStaff', width: 100 },
            { title: t('rota.shift.weekdays'), render: (_, s) => weekdaysText(s.weekdays) },
            { title: t('rota.shift.active'), width: 90, render: (_, s) => (s.active ? <Tag color="green">{t('rota.inUse')}</Tag> : <Tag>{t('rota.notInUse')}</Tag>) },
            { title: '', width: 90, render: (_, s) => <Button onClick={() => setShift(s)}>{t('rota.edit')}</Button> },
          ]}
        />
      </Card>
      <Card
        title={t('rota.setup.templates')}
        className="rota-card"
        style={{ marginTop: 16 }}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setTemplate('new')} disabled={!stationId}>
            {t('rota.template.new')}
          </Button>
        }
      >
        <Table<Template>
          rowKey="id"
          pagination={false}
          dataSource={templates.data?.templates ?? []}
          loading={templates.isLoading}
          columns={[
            { title: t('rota.template.name'), dataIndex: 'name' },
            { title: t('rota.template.kind'), width: 120, render: (_, x) => t(`rota.kind.${x.kind}`) },
            { title: t('rota.template.anchor'), width: 130, dataIndex: 'anchorWeek' },
            { title: t('rota.template.members'), render: (_, x) => x.members.map((m) => m.name).join('、') },
            { title: t('rota.shift.active'), width: 90, render: (_, x) => (x.active ? <Tag color="green">{t('rota.inUse')}</Tag> : <Tag>{t('rota.notInUse')}</Tag>) },
            { title: '', width: 90, render: (_, x) => <Button onClick={() => setTemplate(x)}>{t('rota.edit')}</Button> },
          ]}
        />
      </Card>
      {stationId && <ShiftDialog stationId={stationId} shift={shift} onClose={() => setShift(null)} />}
      {stationId && <TemplateDialog stationId={stationId} shifts={shifts.data?.shifts ?? []} template={template} thisWeek={thisWeek} onClose={() => setTemplate(null)} />}
    </div>
  );
}
