import { memo, useCallback } from 'react';
import { Button, Calendar } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';

export interface DayMark {
  /** Free places left that day; 0 with a reason when none can be booked. */
  free: number;
  /** Why the day cannot be booked (节假日, 休息日, 闭站, 已约满…), in words; null when it can. */
  reason: string | null;
}

interface Props {
  value: string | null;
  onChange(day: string): void;
  /** What each day of the shown range offers; a day not in it is not bookable. */
  marks: ReadonlyMap<string, DayMark>;
  /** Named public holidays and 调休 days (国庆节, 调休上班), shown under the date. */
  holidayNames: ReadonlyMap<string, string>;
  today: string;
  lastDay: string;
  onMonth(month: string): void;
  month: string;
}

/** A month of days: the ones without a free place greyed out and saying why; holidays named. */
export const DayCalendar = memo(function DayCalendar({ value, onChange, marks, holidayNames, today, lastDay, onMonth, month }: Props) {
  const disabledDate = useCallback((d: Dayjs) => {
    const mark = marks.get(d.format('YYYY-MM-DD'));
    return !mark || mark.free <= 0;
  }, [marks]);

  const fullCellRender = useCallback(
    (d: Dayjs, info: { type: string; originNode: React.ReactNode }) => {
      if (info.type !== 'date') return info.originNode;
      const iso = d.format('YYYY-MM-DD');
      const mark = marks.get(iso);
      const holiday = holidayNames.get(iso);
      const sub = mark && mark.free > 0 ? `余${mark.free}` : (holiday ?? mark?.reason ?? '');
      const cls = mark && mark.free > 0 ? 'is-free' : holiday ? 'is-holiday' : '';
      const state = `${iso === value ? ' is-chosen' : ''}${iso === today ? ' is-today' : ''}`;
      return (
        <div className={`appt-day-cell${state}`} data-day={iso} title={[holiday, mark?.reason].filter(Boolean).join(' · ')}>
          <span className="appt-day-num">{d.date()}</span>
          <span className={`appt-day-mark ${cls}`}>{sub || '\u00a0'}</span>
        </div>
      );
    },
    [marks, holidayNames, value, today],
  );

  return (
    <Calendar
      className="appt-calendar"
      fullscreen={false}
      value={dayjs(value && value.startsWith(month) ? value : `${month}-01`)}
      validRange={[dayjs(today).startOf('month'), dayjs(lastDay).endOf('month')]}
      disabledDate={disabledDate}
      fullCellRender={fullCellRender}
      headerRender={() => {
        const shown = dayjs(`${month}-01`);
        const canBack = shown.isAfter(dayjs(today), 'month');
        const canOn = shown.isBefore(dayjs(lastDay), 'month');
        return (
          <div className="appt-calendar-head">
            <Button aria-label="上个月" icon={<LeftOutlined />} disabled={!canBack} onClick={() => onMonth(shown.subtract(1, 'month').format('YYYY-MM'))} />
            <span className="appt-calendar-month">{shown.format('YYYY年M月')}</span>
            <Button aria-label="下个月" icon={<RightOutlined />} disabled={!canOn} onClick={() => onMonth(shown.add(1, 'month').format('YYYY-MM'))} />
          </div>
        );
      }}
      onPanelChange={(d) => onMonth(d.format('YYYY-MM'))}
      onSelect={(d, info) => {
        if (info.source === 'date') onChange(d.format('YYYY-MM-DD'));
        else onMonth(d.format('YYYY-MM'));
      }}
    />
  );
});
