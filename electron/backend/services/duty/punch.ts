import { fail } from '../../../../shared/contract';
import type { DutyRules, PunchResult } from '../../../../shared/contract/duty';
import { shanghaiDate } from '../../../../shared/rules/time';
import { newId } from '../../db/ids';
import type { Db } from '../../db/open';
import { assignmentById, ASSIGNMENT_COLUMNS, markMissedOut, openSessionOf, type AssignmentRow } from './sessions';
import { dayStartMs, earlyMinutes, hhmm, lateMinutes, shiftInstant } from './rules';

export type PunchMethod = 'pin' | 'badge';

const shiftOf = (a: AssignmentRow | undefined) => (a ? { name: a.shift_name, start: hhmm(a.start_minute), end: hhmm(a.end_minute) } : null);

function stationName(db: Db, stationId: string): string {
  const row = db.prepare('SELECT name FROM stations WHERE id = ? AND active = 1').get(stationId) as { name: string } | undefined;
  if (!row) throw fail.notFound('duty.station.notFound');
  return row.name;
}

const clock = (ms: number) => {
  const d = new Date(ms + 8 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

/**
 * The person's planned shift at this station whose check-in window holds `now` (from `window`
 * minutes before its start until its end); the earliest one if two do.
 */
function currentAssignment(db: Db, staffId: string, stationId: string, now: number, rules: DutyRules): AssignmentRow | undefined {
  const day = shanghaiDate(now);
  const minute = (now - dayStartMs(day)) / 60_000;
  return db
    .prepare(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM rota_assignments a JOIN shifts s ON s.id = a.shift_id
        WHERE a.staff_id = ? AND a.station_id = ? AND a.day = ? AND a.start_minute - ? <= ? AND ? < a.end_minute
        ORDER BY a.start_minute LIMIT 1`,
    )
    .get(staffId, stationId, day, rules.windowMinutes, minute, minute) as AssignmentRow | undefined;
}

/**
 * Check-in: one open session per person. A session left open past its shift is marked missed on the
 * way; one still running is a clear refusal. Linked to the planned shift in its window, else an
 * unscheduled presence. Lateness is counted on the shift's first check-in only (a return after a
 * break is not late).
 */
export function checkIn(db: Db, now: number, rules: DutyRules, who: { staffId: string; name: string }, stationId: string, method: PunchMethod): PunchResult {
  return db
    .transaction((): PunchResult => {
      const closedMissed = markMissedOut(db, now, rules, who.staffId).length > 0;
      const station = stationName(db, stationId);
      const open = openSessionOf(db, who.staffId);
      if (open) {
        const where = open.station_id === stationId ? station : stationName(db, open.station_id);
        throw fail.conflict('duty.checkIn.already', undefined, { name: who.name, time: clock(open.in_at), station: where });
      }
      const a = currentAssignment(db, who.staffId, stationId, now, rules);
      const first = a && !db.prepare('SELECT 1 FROM duty_sessions WHERE assignment_id = ?').get(a.id);
      const late = a && first ? lateMinutes(now, shiftInstant(a.day, a.start_minute), rules.lateGraceMinutes) : 0;
      const id = newId();
      db.prepare(
        `INSERT INTO duty_sessions (id, staff_id, station_id, day, assignment_id, status, in_at, in_method, late_minutes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
      ).run(id, who.staffId, stationId, shanghaiDate(now), a?.id ?? null, now, method, late, now, now);
      return { action: 'in', sessionId: id, name: who.name, stationName: station, at: now, shift: shiftOf(a), lateMinutes: late, earlyMinutes: 0, unscheduled: !a, closedMissed };
    })
    .immediate();
}

/** Check-out of the person's open session (wherever it was opened); none → a clear refusal. */
export function checkOut(db: Db, now: number, rules: DutyRules, who: { staffId: string; name: string }, stationId: string, method: PunchMethod): PunchResult {
  return db
    .transaction((): PunchResult => {
      const closedMissed = markMissedOut(db, now, rules, who.staffId).length > 0;
      stationName(db, stationId);
      const open = openSessionOf(db, who.staffId);
      if (!open) throw fail.conflict(closedMissed ? 'duty.checkOut.missed' : 'duty.checkOut.notIn', undefined, { name: who.name });
      const a = open.assignment_id ? assignmentById(db, open.assignment_id) : undefined;
      const early = a ? earlyMinutes(now, shiftInstant(a.day, a.end_minute), rules.earlyGraceMinutes) : 0;
      db.prepare(
        `UPDATE duty_sessions SET status = 'closed', out_at = ?, out_method = ?, early_minutes = ?, updated_at = ? WHERE id = ?`,
      ).run(now, method, early, now, open.id);
      return {
        action: 'out',
        sessionId: open.id,
        name: who.name,
        stationName: stationName(db, open.station_id),
        at: now,
        shift: shiftOf(a),
        lateMinutes: open.late_minutes,
        earlyMinutes: early,
        unscheduled: !a,
        closedMissed: false,
      };
    })
    .immediate();
}
