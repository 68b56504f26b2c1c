/**
 * Working days under the Chinese public-holiday calendar: Monday–Friday are working days unless
 * declared a holiday; Saturday and Sunday are days off unless declared a make-up working day (调休).
 * Dates are YYYY-MM-DD strings; arithmetic is done in UTC so no time zone can shift a day.
 */

export type CalendarKind = 'holiday' | 'workday';

/** What the official calendar says about a date; undefined when it says nothing (an ordinary day). */
export interface WorkCalendar {
  kindOf(date: string): CalendarKind | undefined;
}

/** A calendar over a list of declared days (as stored, or as `calendar.list` returns them). */
export function calendarOf(days: Iterable<{ date: string; kind: CalendarKind }>): WorkCalendar {
  const byDate = new Map<string, CalendarKind>();
  for (const d of days) byDate.set(d.date, d.kind);
  return { kindOf: (date) => byDate.get(date) };
}

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  return ms;
}

const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay() || 7;
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const kind = calendar.kindOf(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return isoWeekday(date) <= 5;
}

/** No real calendar has a year without working days; a broken one must not hang the caller. */
const MAX_SCAN_DAYS = 366 * 3;

/**
 * The date `n` working days after `from` (a time limit of n working days ends on it).
 * n = 0 gives `from` itself when it is a working day, else the next working day.
 */
export function addWorkingDays(from: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let date = from;
  let left = n;
  let idle = 0;
  if (n === 0) {
    while (!isWorkingDay(date, calendar)) {
      date = addDays(date, 1);
      if (++idle > MAX_SCAN_DAYS) throw new RangeError('calendar has no working day');
    }
    return date;
  }
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) {
      left--;
      idle = 0;
    } else if (++idle > MAX_SCAN_DAYS) {
      throw new RangeError('calendar has no working day');
    }
  }
  return date;
}
