import chineseDays from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { CalendarDay } from '../../../../shared/contract';
import { calendarOf, type WorkCalendar } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import type { CalendarYear } from './calendarFile';

/** The official 国务院 holiday notices as packaged by chinese-days: date → "English,中文,n". */
const PACKAGED = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
export const PACKAGED_SOURCE = `chinese-days@${chineseDaysPackage.version}`;

const chineseName = (entry: string): string => entry.split(',')[1]?.trim() || entry;

function packagedDays(): CalendarDay[] {
  return [
    ...Object.entries(PACKAGED.holidays).map(([date, e]) => ({ date, kind: 'holiday' as const, name: chineseName(e) })),
    ...Object.entries(PACKAGED.workdays).map(([date, e]) => ({ date, kind: 'workday' as const, name: `${chineseName(e)}调休` })),
  ];
}

const insertDay = (db: Db) => db.prepare('INSERT INTO calendar_days (date, kind, name, source) VALUES (?, ?, ?, ?)');

/**
 * Fills the calendar from the packaged data for every year the table has no days for: all of them
 * on a new database; after an app update, the years the new package added. A year already present
 * (seeded or imported) is never touched. Call at backend start. Returns the number of days added.
 */
export function ensureCalendarSeeded(db: Db): number {
  return db.transaction(() => {
    const present = new Set(
      (db.prepare('SELECT DISTINCT substr(date, 1, 4) y FROM calendar_days').all() as { y: string }[]).map((r) => r.y),
    );
    const insert = insertDay(db);
    let added = 0;
    for (const d of packagedDays()) {
      if (present.has(d.date.slice(0, 4))) continue;
      insert.run(d.date, d.kind, d.name, PACKAGED_SOURCE);
      added++;
    }
    return added;
  }).immediate();
}

export function listCalendarYear(db: Db, year: number): { days: CalendarDay[]; source: string } {
  const rows = db
    .prepare(`SELECT date, kind, name, source FROM calendar_days WHERE date BETWEEN ? AND ? ORDER BY date`)
    .all(`${year}-01-01`, `${year}-12-31`) as (CalendarDay & { source: string })[];
  return {
    days: rows.map(({ date, kind, name }) => ({ date, kind, name })),
    source: [...new Set(rows.map((r) => r.source))].join(', '),
  };
}

/** Replaces the given years' days; call inside a transaction. */
export function replaceCalendarYears(db: Db, years: CalendarYear[], source: string): void {
  const remove = db.prepare('DELETE FROM calendar_days WHERE date BETWEEN ? AND ?');
  const insert = insertDay(db);
  for (const y of years) {
    remove.run(`${y.year}-01-01`, `${y.year}-12-31`);
    for (const d of y.days) insert.run(d.date, d.kind, d.name, source);
  }
}

/** The whole stored calendar in memory (a few dozen days a year): for working-day computations. */
export function loadCalendar(db: Db): WorkCalendar {
  return calendarOf(db.prepare('SELECT date, kind FROM calendar_days').all() as Pick<CalendarDay, 'date' | 'kind'>[]);
}
