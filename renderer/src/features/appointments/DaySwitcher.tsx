import { Button, DatePicker, Space } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { addDays } from '../../../../shared/rules/workdays';
import { t } from '../../i18n';
import { weekRange, weekdayName } from './appointmentFormat';

/** A day with 前一天 / 今天 / 后一天 around it (step 7 for weeks); `onToday` replaces the jump to `today`. */
export function DaySwitcher({ day, today, onChange, onToday, step = 1, todayLabel }: {
  day: string;
  today?: string;
  onChange(day: string): void;
  onToday?(): void;
  step?: 1 | 7;
  todayLabel?: string;
}) {
  const week = step === 7;
  return (
    <Space.Compact>
      <Button size="large" icon={<LeftOutlined />} onClick={() => onChange(addDays(day, -step))}>
        {t(week ? 'apptPage.prevWeek' : 'apptPage.prevDay')}
      </Button>
      <DatePicker
        size="large"
        allowClear={false}
        picker={week ? 'week' : 'date'}
        value={dayjs(day)}
        format={(d) => (week ? weekRange(d.format('YYYY-MM-DD')) : `${d.format('YYYY年M月D日')} ${weekdayName(d.format('YYYY-MM-DD'))}`)}
        onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
        style={{ width: week ? 290 : 230 }}
        aria-label={t('apptCalls.day')}
      />
      <Button size="large" onClick={() => (onToday ? onToday() : today && onChange(today))}>
        {todayLabel ?? t(week ? 'apptPage.thisWeek' : 'apptPage.today')}
      </Button>
      <Button size="large" icon={<RightOutlined />} iconPlacement="end" onClick={() => onChange(addDays(day, step))}>
        {t(week ? 'apptPage.nextWeek' : 'apptPage.nextDay')}
      </Button>
    </Space.Compact>
  );
}
