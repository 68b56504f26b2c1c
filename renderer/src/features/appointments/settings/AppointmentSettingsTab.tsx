import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Output } from '../../../../../shared/contract';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { t } from '../../../i18n';
import { summariseHours } from '../../settings/stationHours';
import { AppointmentRulesCard } from './AppointmentRulesCard';
import { StationServiceFormModal } from './StationServiceFormModal';

export type StationService = Output<'stationServices.list'>[number];

/** 设置 → 驿站预约: which station offers which service by appointment, its slots, and the booking rules. */
export default function AppointmentSettingsTab() {
  const offers = useApiQuery('stationServices.list', {});
  const [editing, setEditing] = useState<StationService | 'new' | null>(null);

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('apptSettings.intro')}</Typography.Text>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('apptSettings.add')}
        </Button>
      </Flex>
      {offers.isError && <Alert type="error" showIcon title={failureText(offers.error)} style={{ marginBottom: 16 }} />}
      <Table<StationService>
        rowKey="id"
        className="appt-settings-table"
        loading={offers.isPending}
        dataSource={offers.data ?? []}
        pagination={false}
        locale={{ emptyText: t('apptSettings.empty') }}
        onRow={(s) => (s.active ? {} : { style: { color: 'rgba(0,0,0,0.45)' } })}
        columns={[
          { title: t('apptSettings.station'), dataIndex: 'stationName', key: 'station' },
          { title: t('apptSettings.service'), dataIndex: 'serviceName', key: 'service' },
          { title: t('apptSettings.slotMinutes'), dataIndex: 'slotMinutes', key: 'slot', render: (m: number) => `${m} ${t('apptSettings.minutesUnit')}` },
          { title: t('apptSettings.capacity'), dataIndex: 'capacity', key: 'capacity', render: (c: number) => `${c} ${t('apptSettings.peopleUnit')}` },
          {
            title: t('apptSettings.hours'),
            dataIndex: 'hours',
            key: 'hours',
            render: (h: StationService['hours']) => (h ? summariseHours(h) : <Typography.Text type="secondary">{t('apptSettings.stationHours')}</Typography.Text>),
          },
          {
            title: t('apptSettings.active'),
            dataIndex: 'active',
            key: 'active',
            render: (a: boolean) => (a ? <Tag color="green">{t('apptSettings.activeOn')}</Tag> : <Tag>{t('apptSettings.activeOff')}</Tag>),
          },
          { title: t('apptSettings.actions'), key: 'actions', render: (_, s) => <Button onClick={() => setEditing(s)}>{t('apptSettings.edit')}</Button> },
        ]}
      />
      <AppointmentRulesCard />
      <StationServiceFormModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
