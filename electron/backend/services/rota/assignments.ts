import { fail } from '../../../../shared/contract';
import { isMonday, mondayOf } from '../../../../shared/rules/rota';
import { hhmmOf } from '../../../../shared/rules/stationDay';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { writeAudit } from '../audit/audit';
import { loadCalendar } from '../catalogue/calendar';
import type { SessionUser } from '../../context';
import { closedReason, findOverlap, overlapParams, recordIfPublished, staffName, stationRow, touchWeek, weekStatusOf } from './plan';
import { getShiftRow } from './shifts';

type Actor = Pick<SessionUser, 'userId' | 'username'>;

/**
 * Puts a person on a shift on a day (inside a transaction). Refused: a shift no longer in use, a day
 * the station is closed or the shift does not run, a person already on it, or one already on an
 * overlapping shift that day at any station (the message names that shift).
 */
export function assign(db: Db, f: { day: string; shiftId: string; staffId: string }, now: number, user: Actor): string {
  const shift = getShiftRow(db, f.shiftId);
  if (shift.active !== 1) throw fail.validation('rota.shift.inactive', 'shiftId', { shift: shift.name });
  const name = staffName(db, f.staffId);
  const station = stationRow(db, shift.station_id);
  const closed = closedReason(station, JSON.parse(shift.weekdays) as number[], loadCalendar(db), f.day);
  if (closed) throw fail.validation(`rota.assign.closed.${closed}`, 'day', { station: station.name, shift: shift.name, day: f.day });
  const already = db.prepare('SELECT 1 FROM rota_assignments WHERE day = ? AND shift_id = ? AND staff_id = ?').get(f.day, f.shiftId, f.staffId);
  if (already) throw fail.conflict('rota.assign.already', 'staffId', { name, shift: shift.name });
  const overlap = findOverlap(db, f.staffId, f.day, shift.start_minute, shift.end_minute);
  if (overlap) throw fail.conflict('rota.assign.conflict', 'staffId', overlapParams(name, overlap));
  const id = newId();
  const week = mondayOf(f.day);
  db.prepare(
    `INSERT INTO rota_assignments (id, week, day, shift_id, station_id, staff_id, start_minute, end_minute, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)`,
  ).run(id, week, f.day, f.shiftId, shift.station_id, f.staffId, shift.start_minute, shift.end_minute, now, now);
  touchWeek(db, week, now);
  recordIfPublished(db, f.day, user, now, `${f.day} ${station.name} ${shift.name}：加上 ${name}`);
  return id;
}

interface AssignmentRow {
  id: string;
  week: string;
  day: string;
  staff_id: string;
  staff_name: string;
  station_name: string;
  shift_name: string;
  start_minute: number;
  end_minute: number;
}

export function assignmentRow(db: Db, id: string, field = 'assignmentId'): AssignmentRow {
  const row = db
    .prepare(
      `SELECT a.id, a.week, a.day, a.staff_id, s.name staff_name, st.name station_name, sh.name shift_name, a.start_minute, a.end_minute
       FROM rota_assignments a JOIN staff s ON s.id = a.staff_id JOIN stations st ON st.id = a.station_id JOIN shifts sh ON sh.id = a.shift_id
       WHERE a.id = ?`,
    )
    .get(id) as AssignmentRow | undefined;
  if (!row) throw fail.validation('rota.assignment.notFound', field);
  return row;
}

/** Why a planned assignment must stay (a swap is open on it or it has swap history, or it was checked in), or null. */
export function assignmentPinnedBy(db: Db, id: string): 'swapOpen' | 'swapHistory' | 'checkedIn' | null {
  const swaps = db.prepare(`SELECT status FROM rota_swaps WHERE assignment_id = ? OR return_assignment_id = ?`).all(id, id) as { status: string }[];
  if (swaps.some((s) => s.status === 'asked' || s.status === 'accepted')) return 'swapOpen';
  if (swaps.length > 0) return 'swapHistory';
  if (db.prepare('SELECT 1 FROM duty_sessions WHERE assignment_id = ?').get(id)) return 'checkedIn';
  return null;
}

/** Takes a person off a shift (inside a transaction); refused while a swap is open on it or once it was worked. */
export function unassign(db: Db, id: string, now: number, user: Actor): void {
  const a = assignmentRow(db, id);
  const pinned = assignmentPinnedBy(db, id);
  if (pinned) throw fail.conflict(`rota.unassign.${pinned}`, 'assignmentId', { name: a.staff_name, shift: a.shift_name });
  db.prepare('DELETE FROM rota_assignments WHERE id = ?').run(id);
  touchWeek(db, a.week, now);
  recordIfPublished(db, a.day, user, now, `${a.day} ${a.station_name} ${a.shift_name}（${hhmmOf(a.start_minute)}–${hhmmOf(a.end_minute)}）：移出 ${a.staff_name}`);
}

/** Publishes a week (inside a transaction): the wall sheet can be printed; later edits are recorded. */
export function publishWeek(db: Db, week: string, now: number, user: Actor): void {
  if (!isMonday(week)) throw fail.validation('rota.week.notMonday', 'week');
  if (weekStatusOf(db, week) === 'published') throw fail.conflict('rota.publish.already', 'week', { week });
  const n = (db.prepare('SELECT count(*) n FROM rota_assignments WHERE week = ?').get(week) as { n: number }).n;
  if (n === 0) throw fail.validation('rota.publish.empty', 'week', { week });
  db.prepare(
    `INSERT INTO rota_weeks (week, status, published_at, published_by, updated_at) VALUES (?, 'published', ?, ?, ?)
     ON CONFLICT(week) DO UPDATE SET status = 'published', published_at = excluded.published_at, published_by = excluded.published_by, updated_at = excluded.updated_at`,
  ).run(week, now, user.userId, now);
  writeAudit(db, user, now, { action: 'rota.publish', targetType: 'rotaWeek', targetId: week, detail: { assignments: n } });
}
