import { Button, DatePicker, Select, Space, Tag } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Output } from '../../../../../shared/contract';
import { mondayOf } from '../../../../../shared/rules/rota';
import { addDays } from '../../../../../shared/rules/workdays';
import { t } from '../../../i18n';
import { weekRange } from '../rotaWords';

type Station = Output<'stations.list'>[number];

/** Week navigation and the station filter; the week is named by its Monday. */
export function WeekToolbar(props: {
  week: string;
  thisWeek: string;
  stationId: string | null;
  stations: Station[];
  onWeek(week: string): void;
  onStation(id: string | null): void;
}) {
  const { week, thisWeek } = props;
  return (
    <Space wrap size="middle" className="rota-toolbar">
      <Space.Compact>
        <Button size="large" icon={<LeftOutlined />} onClick={() => props.onWeek(addDays(week, -7))} data-testid="rota-prev-week">
          {t('rota.week.prev')}
        </Button>
        <DatePicker
          size="large"
          allowClear={false}
          value={dayjs(week)}
          format={() => weekRange(week, addDays(week, 6))}
          style={{ width: 290 }}
          onChange={(d) => d && props.onWeek(mondayOf(d.format('YYYY-MM-DD')))}
        />
        <Button size="large" onClick={() => props.onWeek(addDays(week, 7))} data-testid="rota-next-week">
          {t('rota.week.next')}
          <RightOutlined />
        </Button>
      </Space.Compact>
      {week !== thisWeek ? (
        <Button size="large" onClick={() => props.onWeek(thisWeek)}>
          {t('rota.week.this')}
        </Button>
      ) : (
        <Tag color="blue" style={{ fontSize: 15, padding: '4px 10px' }}>
          {t('rota.week.isThis')}
        </Tag>
      )}
      <Select
        size="large"
        style={{ width: 200 }}
        value={props.stationId ?? ''}
        onChange={(v) => props.onStation(v === '' ? null : v)}
        options={[{ value: '', label: t('rota.station.all') }, ...props.stations.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))]}
        data-testid="rota-station"
      />
    </Space>
  );
}
