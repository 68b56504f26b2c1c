import { Button, DatePicker, Select, Space, Tag } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { addDays } from '../../../../shared/rules/workdays';
import { t } from '../../i18n';
import { dayWithWeekday } from './visitWords';

/** The day (with 前一天 / 后一天) and whose plan: one staff member or everyone. */
export function DayToolbar(props: {
  day: string;
  today: string;
  staffId: string | null;
  staff: { id: string; name: string }[];
  onDay(day: string): void;
  onStaff(id: string | null): void;
}) {
  const { day, today } = props;
  return (
    <Space wrap size="middle" className="home-visit-toolbar">
      <Space.Compact>
        <Button size="large" icon={<LeftOutlined />} onClick={() => props.onDay(addDays(day, -1))} data-testid="visit-prev-day">
          {t('homeVisits.prevDay')}
        </Button>
        <DatePicker
          size="large"
          allowClear={false}
          value={dayjs(day)}
          format={() => dayWithWeekday(day)}
          style={{ width: 230 }}
          onChange={(d) => d && props.onDay(d.format('YYYY-MM-DD'))}
          data-testid="visit-plan-day"
        />
        <Button size="large" onClick={() => props.onDay(addDays(day, 1))} data-testid="visit-next-day">
          {t('homeVisits.nextDay')}
          <RightOutlined />
        </Button>
      </Space.Compact>
      {day !== today ? (
        <Button size="large" onClick={() => props.onDay(today)}>
          {t('homeVisits.today')}
        </Button>
      ) : (
        <Tag color="blue" style={{ fontSize: 15, padding: '4px 10px' }}>
          {t('homeVisits.isToday')}
        </Tag>
      )}
      <Select
        size="large"
        style={{ width: 200 }}
        value={props.staffId ?? ''}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(v) => props.onStaff(v === '' ? null : v)}
        options={[{ value: '', label: t('homeVisits.allStaff') }, ...props.staff.map((s) => ({ value: s.id, label: s.name }))]}
        data-testid="visit-plan-staff"
      />
    </Space>
  );
}
