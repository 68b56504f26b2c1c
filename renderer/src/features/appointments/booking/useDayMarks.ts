import { useMemo } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useApiQuery } from '../../../api/hooks';
import { closedLabel } from '../labels';
import type { DayMark } from './DayCalendar';

/** The month shown in the calendar: each day's free places (or why none), and the named holidays. */
export function useDayMarks(stationServiceId: string | null, month: string, today: string, lastDay: string) {
  const first = `${month}-01`;
  const from = first < today ? today : first;
  const monthEnd = dayjs(first).endOf('month').format('YYYY-MM-DD');
  const to = monthEnd > lastDay ? lastDay : monthEnd;
  const days = useApiQuery(
    'appointments.days',
    { stationServiceId: stationServiceId ?? '', from, to },
    { enabled: stationServiceId !== null && from <= to, placeholderData: keepPreviousData },
  );
  const calendar = useApiQuery('calendar.list', { year: Number(month.slice(0, 4)) }, { staleTime: 600_000 });

  const marks = useMemo(() => {
    const m = new Map<string, DayMark>();
    for (const d of days.data ?? []) m.set(d.day, { free: d.free, reason: d.free > 0 ? null : closedLabel(d.closedReason ?? 'full') });
    return m;
  }, [days.data]);
  const holidayNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const d of calendar.data?.days ?? []) m.set(d.date, d.kind === 'holiday' ? d.name : `${d.name}调休`);
    return m;
  }, [calendar.data]);
  return { marks, holidayNames, loading: days.isFetching };
}
