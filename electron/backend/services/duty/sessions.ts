import type { DutyRules } from '../../../../shared/contract/duty';
import type { Db } from '../../db/open';
import { missedOutAt } from './rules';

export interface SessionRow {
  id: string;
  staff_id: string;
  station_id: string;
  day: string;
  assignment_id: string | null;
  status: 'open' | 'closed' | 'missed_out';
  in_at: number;
  out_at: number | null;
  late_minutes: number;
  early_minutes: number;
}

export interface AssignmentRow {
  id: string;
  day: string;
  shift_id: string;
  station_id: string;
  staff_id: string;
  start_minute: number;
  end_minute: number;
  shift_name: string;
}

export const ASSIGNMENT_COLUMNS = `a.id, a.day, a.shift_id, a.station_id, a.staff_id, a.start_minute, a.end_minute, s.name AS shift_name`;

export function assignmentById(db: Db, id: string): AssignmentRow | undefined {
  return db.prepare(`SELECT ${ASSIGNMENT_COLUMNS} FROM rota_assignments a JOIN shifts s ON s.id = a.shift_id WHERE a.id = ?`).get(id) as
    | AssignmentRow
    | undefined;
}

/**
 * Marks open sessions left past their shift's end + N minutes (or past their day) as missed
 * check-outs. Run lazily before anything reads or writes presence, so no timer is needed; returns
 * the ids it marked. Open sessions are few (at most one per person), so this is cheap.
 */
export function markMissedOut(db: Db, now: number, rules: DutyRules, staffId?: string): string[] {
  const open = db
    .prepare(
      `SELECT d.id, d.day, a.end_minute FROM duty_sessions d LEFT JOIN rota_assignments a ON a.id = d.assignment_id
        WHERE d.status = 'open' ${staffId ? 'AND d.staff_id = ?' : ''}`,
    )
    .all(...(staffId ? [staffId] : [])) as { id: string; day: string; end_minute: number | null }[];
  const stale = open.filter((s) => missedOutAt(s.day, s.end_minute, rules) <= now).map((s) => s.id);
  if (stale.length === 0) return stale;
  const mark = db.prepare(`UPDATE duty_sessions SET status = 'missed_out', updated_at = ? WHERE id = ? AND status = 'open'`);
  db.transaction(() => {
    for (const id of stale) mark.run(now, id);
  }).immediate();
  return stale;
}

export function openSessionOf(db: Db, staffId: string): SessionRow | undefined {
  return db.prepare(`SELECT * FROM duty_sessions WHERE staff_id = ? AND status = 'open'`).get(staffId) as SessionRow | undefined;
}
