import { fail, type CalendarDay } from '../../../../shared/contract';
import { isValidDate } from '../../../../shared/rules/idNumber';

/**
 * The holiday file an admin imports (calendar.import), one or more whole years:
 *
 *   { "years": {
 *       "2027": {
 *         "holidays": { "2027-01-01": "元旦", "2027-02-06": "春节", … },
 *         "workdays": { "2027-02-07": "春节调休", … }
 *       } } }
 *
 * `holidays` are days off (放假), `workdays` are make-up working days on a weekend (调休上班);
 * every other day follows the week (Mon–Fri working). Each year listed replaces that year's days
 * entirely, so a year must be complete; `workdays` may be left out, other keys are refused. Every
 * problem is refused with the year or date it is about, and then nothing is written.
 */
export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

const MAX_NAME = 60;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const invalid = (detail: string) => fail.validation('calendar.file.invalid', 'json', { detail });

function parseDays(year: string, kind: CalendarDay['kind'], raw: unknown, required: boolean): CalendarDay[] {
  const path = `years.${year}.${kind === 'holiday' ? 'holidays' : 'workdays'}`;
  if (raw === undefined && !required) return [];
  if (!isPlainObject(raw)) throw invalid(path);
  return Object.entries(raw).map(([date, name]) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw fail.validation('calendar.file.badDate', 'json', { year, date });
    }
    if (m[1] !== year) throw fail.validation('calendar.file.wrongYear', 'json', { year, date });
    if (typeof name !== 'string' || name.trim() === '' || name.trim().length > MAX_NAME) throw invalid(`${path}.${date}`);
    return { date, kind, name: name.trim() };
  });
}

/** Parses and checks a whole file; throws a validation error (field `json`) at the first problem. */
export function parseCalendarFile(json: string): CalendarYear[] {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw invalid('JSON');
  }
  if (!isPlainObject(doc) || !isPlainObject(doc.years)) throw invalid('years');
  const entries = Object.entries(doc.years);
  if (entries.length === 0) throw fail.validation('calendar.file.noYears', 'json');
  return entries
    .map(([year, body]) => {
      const y = Number(year);
      if (!/^\d{4}$/.test(year) || y < 2000 || y > 2100) throw fail.validation('calendar.file.badYear', 'json', { year });
      if (!isPlainObject(body)) throw invalid(`years.${year}`);
      // A misspelt key ("workday") would silently drop days: refuse anything unknown.
      const unknown = Object.keys(body).find((k) => k !== 'holidays' && k !== 'workdays');
      if (unknown !== undefined) throw invalid(`years.${year}.${unknown}`);
      const holidays = parseDays(year, 'holiday', body.holidays, true);
      // Every real year has public holidays: an empty list is a mistake that would wipe the year.
      if (holidays.length === 0) throw fail.validation('calendar.file.noHolidays', 'json', { year });
      const workdays = parseDays(year, 'workday', body.workdays, false);
      const clash = workdays.find((w) => holidays.some((h) => h.date === w.date));
      if (clash) throw fail.validation('calendar.file.bothKinds', 'json', { date: clash.date });
      const days = [...holidays, ...workdays].sort((a, b) => a.date.localeCompare(b.date));
      return { year: y, days };
    })
    .sort((a, b) => a.year - b.year);
}
