import { fail } from '../../../../shared/contract';
import { mondayOf } from '../../../../shared/rules/rota';
import { hhmmOf, stationDay, type WeekHours } from '../../../../shared/rules/stationDay';
import { isoWeekday, type WorkCalendar } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import type { SessionUser } from '../../context';
import { shiftRunsOn } from './shifts';

export interface StationRow {
  id: string;
  name: string;
  hours: string;
  closed_dates: string;
}

export function stationRow(db: Db, id: string): StationRow {
  const row = db.prepare('SELECT id, name, hours, closed_dates FROM stations WHERE id = ?').get(id) as StationRow | undefined;
  if (!row) throw fail.validation('rota.station.notFound', 'stationId');
  return row;
}

/** Why a shift cannot be worked on a date (the station is closed, or the shift does not run), or null. */
export function closedReason(
  station: StationRow,
  shiftWeekdays: readonly number[],
  calendar: WorkCalendar,
  day: string,
): 'closedDate' | 'holiday' | 'weekday' | null {
  const open = stationDay(JSON.parse(station.hours) as WeekHours, JSON.parse(station.closed_dates) as string[], calendar, day);
  if (!open.open) return open.reason;
  return shiftRunsOn(shiftWeekdays, isoWeekday(day), calendar.kindOf(day)) ? null : 'weekday';
}

export interface OverlapRow {
  id: string;
  station_name: string;
  shift_name: string;
  start_minute: number;
  end_minute: number;
}

/** The first of a person's shifts that day overlapping [start, end), any station, leaving out `except`. */
export function findOverlap(db: Db, staffId: string, day: string, start: number, end: number, except: readonly string[] = []): OverlapRow | null {
  const rows = db
    .prepare(
      `SELECT a.id, st.name station_name, sh.name shift_name, a.start_minute, a.end_minute
       FROM rota_assignments a JOIN shifts sh ON sh.id = a.shift_id JOIN stations st ON st.id = a.station_id
       WHERE a.staff_id = ? AND a.day = ? AND a.start_minute < ? AND a.end_minute > ?
       ORDER BY a.start_minute`,
    )
    .all(staffId, day, end, start) as OverlapRow[];
  return rows.find((r) => !except.includes(r.id)) ?? null;
}

export const overlapParams = (name: string, o: OverlapRow) => ({
  name,
  station: o.station_name,
  shift: o.shift_name,
  time: `${hhmmOf(o.start_minute)}–${hhmmOf(o.end_minute)}`,
});

export function staffName(db: Db, staffId: string, field = 'staffId'): string {
  const row = db.prepare('SELECT name, active FROM staff WHERE id = ?').get(staffId) as { name: string; active: number } | undefined;
  if (!row) throw fail.validation('rota.staff.notFound', field);
  if (row.active !== 1) throw fail.validation('rota.staff.inactive', field, { name: row.name });
  return row.name;
}

export function weekStatusOf(db: Db, week: string): 'draft' | 'published' {
  const row = db.prepare('SELECT status FROM rota_weeks WHERE week = ?').get(week) as { status: 'draft' | 'published' } | undefined;
  return row?.status ?? 'draft';
}

/** A change to an already published week is kept in the audit log, in words, and shown under the plan. */
export function recordIfPublished(db: Db, day: string, user: Pick<SessionUser, 'userId' | 'username'> | null, now: number, text: string): void {
  const week = mondayOf(day);
  if (weekStatusOf(db, week) !== 'published') return;
  writeAudit(db, user, now, { action: 'rota.editPublished', targetType: 'rotaWeek', targetId: week, detail: { text } });
}

export function touchWeek(db: Db, week: string, now: number): void {
  db.prepare(`INSERT INTO rota_weeks (week, status, updated_at) VALUES (?, 'draft', ?) ON CONFLICT(week) DO UPDATE SET updated_at = excluded.updated_at`).run(week, now);
}
