import { isoWeekday, type WorkCalendar } from './workdays';

/** Opening hours per ISO weekday ('1' = Monday … '7' = Sunday), as stations keep them; a missing day is closed. */
export type WeekHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', { open: string; close: string }>>;

export interface DayHours {
  /** Minutes since local midnight. */
  open: number;
  close: number;
}

export type ClosedReason = 'closedDate' | 'holiday' | 'weekday';

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const hhmmOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * When a station is open on a date. The one rule for slots, the rota's gaps and the calendar views:
 * - a closed date of the station's own, or a public holiday, is closed;
 * - a make-up working day (调休, usually a Saturday or Sunday) opens with the hours of its own weekday
 *   when the station opens that weekday, otherwise with Monday's hours (it is worked as a weekday);
 * - any other day opens with its weekday's hours, or is closed.
 */
export function stationDay(
  hours: WeekHours,
  closedDates: readonly string[],
  calendar: WorkCalendar,
  date: string,
): { open: true; hours: DayHours } | { open: false; reason: ClosedReason } {
  if (closedDates.includes(date)) return { open: false, reason: 'closedDate' };
  const kind = calendar.kindOf(date);
  if (kind === 'holiday') return { open: false, reason: 'holiday' };
  const weekday = String(isoWeekday(date)) as keyof WeekHours;
  const own = hours[weekday] ?? (kind === 'workday' ? hours['1'] : undefined);
  if (!own) return { open: false, reason: 'weekday' };
  return { open: true, hours: { open: minutesOf(own.open), close: minutesOf(own.close) } };
}
