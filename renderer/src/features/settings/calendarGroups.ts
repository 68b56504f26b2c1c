import type { CalendarDay } from '../../../../shared/contract';
import { formatMonthDay, weekdayOf } from './format';

export interface HolidayGroup {
  name: string;
  /** Days off, as runs of consecutive dates. */
  off: { from: string; to: string }[];
  offCount: number;
  /** Make-up working days (调休上班) belonging to this holiday. */
  workdays: string[];
}

const nextDate = (d: string): string => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day + 1)).toISOString().slice(0, 10);
};

/** "春节调休" belongs to "春节". */
const baseName = (d: CalendarDay): string => (d.kind === 'workday' ? d.name.replace(/调休(上班)?$/, '') || d.name : d.name);

/** A year's declared days grouped by holiday, in date order: what staff need to plan around. */
export function groupHolidays(days: CalendarDay[]): HolidayGroup[] {
  const groups = new Map<string, HolidayGroup>();
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  // Create groups in the order of their first day off, so 调休 before a holiday still joins it.
  for (const d of sorted) {
    const name = baseName(d);
    if (!groups.has(name) && d.kind === 'holiday') groups.set(name, { name, off: [], offCount: 0, workdays: [] });
  }
  for (const d of sorted) {
    const name = baseName(d);
    let g = groups.get(name);
    if (!g) {
      g = { name, off: [], offCount: 0, workdays: [] };
      groups.set(name, g);
    }
    if (d.kind === 'workday') {
      g.workdays.push(d.date);
      continue;
    }
    g.offCount++;
    const last = g.off[g.off.length - 1];
    if (last && nextDate(last.to) === d.date) last.to = d.date;
    else g.off.push({ from: d.date, to: d.date });
  }
  const firstDate = (g: HolidayGroup) => g.off[0]?.from ?? g.workdays[0] ?? '';
  return [...groups.values()].sort((a, b) => firstDate(a).localeCompare(firstDate(b)));
}

/** 10月1日（周三） */
export function dayText(date: string): string {
  return `${formatMonthDay(date)}（${weekdayOf(date)}）`;
}

/** 10月1日（周三）至 10月8日（周三） */
export function runText(run: { from: string; to: string }): string {
  return run.from === run.to ? dayText(run.from) : `${dayText(run.from)} 至 ${dayText(run.to)}`;
}
