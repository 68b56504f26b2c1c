import { fail } from '../../../../shared/contract';
import type { DutyRules, DutyState, StationDay } from '../../../../shared/contract/duty';
import type { Db } from '../../db/open';
import { ASSIGNMENT_COLUMNS, markMissedOut, type AssignmentRow, type SessionRow } from './sessions';
import { hhmm, shiftInstant } from './rules';

/** One planned person's state from their sessions for that shift. */
export function stateOf(sessions: SessionRow[], endAt: number, now: number): DutyState {
  if (sessions.length === 0) return now >= endAt ? 'absent' : 'waiting';
  const last = sessions[sessions.length - 1]!;
  if (last.status === 'open') return sessions[0]!.late_minutes > 0 ? 'late' : 'in';
  return last.status === 'missed_out' ? 'missed' : 'out';
}

/** The station's day at its machine: each shift with its planned people and their state, the unscheduled, the rest. */
export function stationDay(db: Db, stationId: string, day: string, now: number, rules: DutyRules): StationDay {
  markMissedOut(db, now, rules);
  const station = db.prepare('SELECT name FROM stations WHERE id = ?').get(stationId) as { name: string } | undefined;
  if (!station) throw fail.notFound('duty.station.notFound');
  const planned = db
    .prepare(
      `SELECT ${ASSIGNMENT_COLUMNS}, st.name AS staff_name FROM rota_assignments a
         JOIN shifts s ON s.id = a.shift_id JOIN staff st ON st.id = a.staff_id
        WHERE a.station_id = ? AND a.day = ? ORDER BY a.start_minute, s.name, st.name`,
    )
    .all(stationId, day) as (AssignmentRow & { staff_name: string })[];
  const sessions = db
    .prepare(
      `SELECT d.*, st.name AS staff_name FROM duty_sessions d JOIN staff st ON st.id = d.staff_id
        WHERE d.station_id = ? AND d.day = ? ORDER BY d.in_at`,
    )
    .all(stationId, day) as (SessionRow & { staff_name: string })[];
  const byAssignment = new Map<string, SessionRow[]>();
  for (const s of sessions) if (s.assignment_id) byAssignment.set(s.assignment_id, [...(byAssignment.get(s.assignment_id) ?? []), s]);

  const shifts: StationDay['shifts'] = [];
  for (const a of planned) {
    let shift = shifts.find((x) => x.shiftId === a.shift_id);
    if (!shift) {
      shift = { shiftId: a.shift_id, name: a.shift_name, start: hhmm(a.start_minute), end: hhmm(a.end_minute), people: [] };
      shifts.push(shift);
    }
    const own = byAssignment.get(a.id) ?? [];
    shift.people.push({
      staffId: a.staff_id,
      name: a.staff_name,
      assignmentId: a.id,
      state: stateOf(own, shiftInstant(a.day, a.end_minute), now),
      inAt: own[0]?.in_at ?? null,
      outAt: own[own.length - 1]?.out_at ?? null,
      lateMinutes: own[0]?.late_minutes ?? 0,
      earlyMinutes: own[own.length - 1]?.early_minutes ?? 0,
    });
  }
  const unscheduled = sessions
    .filter((s) => s.assignment_id === null)
    .map((s) => ({ staffId: s.staff_id, name: s.staff_name, inAt: s.in_at, outAt: s.out_at, status: s.status }));
  const plannedIds = new Set(planned.map((a) => a.staff_id));
  const others = (
    db
      .prepare(
        `SELECT id, name FROM staff WHERE active = 1 AND pin_hash IS NOT NULL
           AND EXISTS (SELECT 1 FROM json_each(station_ids) WHERE value = ?) ORDER BY name`,
      )
      .all(stationId) as { id: string; name: string }[]
  )
    .filter((s) => !plannedIds.has(s.id))
    .map((s) => ({ staffId: s.id, name: s.name }));
  return { stationId, stationName: station.name, day, shifts, unscheduled, others };
}

/** Who is checked in right now, per station (names only: this is shown at the front desk). */
export function onDutyNow(db: Db, now: number, rules: DutyRules) {
  markMissedOut(db, now, rules);
  const rows = db
    .prepare(
      `SELECT d.station_id, so.name AS station_name, d.staff_id, st.name, d.in_at, sh.name AS shift_name
         FROM duty_sessions d JOIN staff st ON st.id = d.staff_id JOIN stations so ON so.id = d.station_id
         LEFT JOIN rota_assignments a ON a.id = d.assignment_id LEFT JOIN shifts sh ON sh.id = a.shift_id
        WHERE d.status = 'open' ORDER BY so.name, d.in_at`,
    )
    .all() as { station_id: string; station_name: string; staff_id: string; name: string; in_at: number; shift_name: string | null }[];
  const stations: { stationId: string; stationName: string; people: { staffId: string; name: string; since: number; shiftName: string | null }[] }[] = [];
  for (const r of rows) {
    let st = stations.find((s) => s.stationId === r.station_id);
    if (!st) {
      st = { stationId: r.station_id, stationName: r.station_name, people: [] };
      stations.push(st);
    }
    st.people.push({ staffId: r.staff_id, name: r.name, since: r.in_at, shiftName: r.shift_name });
  }
  return { stations };
}
