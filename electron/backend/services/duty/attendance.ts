import type { AttendanceRow } from '../../../../shared/contract/duty';
import type { Db } from '../../db/open';

/** First and last date of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

// A date's Shanghai midnight in SQL (epoch ms); the shift's times are copied on each assignment.
const dayMs = (col: string) => `((unixepoch(${col}) - 28800) * 1000)`;
const START = `(${dayMs('a.day')} + a.start_minute * 60000)`;
const END = `(${dayMs('a.day')} + a.end_minute * 60000)`;

/**
 * The month per person (SPEC §6.5). Planned: the rota's assignments of the month. Attended: the time
 * of closed sessions inside their planned shift (coming early or staying late adds nothing; a missed
 * check-out adds nothing, as its leaving time is unknown). Absent: a shift that has ended with no
 * session at all. Late and early: sessions with a recorded lateness or early leave. Unscheduled:
 * sessions without a planned shift, with their own closed time.
 */
export function attendance(db: Db, month: string, now: number): AttendanceRow[] {
  const { from, to } = monthRange(month);
  const planned = db
    .prepare(
      `SELECT a.staff_id, count(*) shifts, sum(a.end_minute - a.start_minute) minutes,
              sum(CASE WHEN ${END} <= ? AND NOT EXISTS (SELECT 1 FROM duty_sessions d WHERE d.assignment_id = a.id) THEN 1 ELSE 0 END) absences
         FROM rota_assignments a WHERE a.day BETWEEN ? AND ? GROUP BY a.staff_id`,
    )
    .all(now, from, to) as { staff_id: string; shifts: number; minutes: number; absences: number }[];
  const present = db
    .prepare(
      `SELECT d.staff_id,
              sum(CASE WHEN d.status = 'closed' AND a.id IS NOT NULL THEN max(0, min(d.out_at, ${END}) - max(d.in_at, ${START})) ELSE 0 END) attended_ms,
              sum(d.late_minutes > 0) late_count, sum(d.late_minutes) late_minutes, sum(d.early_minutes > 0) early_count,
              sum(d.status = 'missed_out') missed, sum(d.assignment_id IS NULL) unscheduled,
              sum(CASE WHEN d.assignment_id IS NULL AND d.status = 'closed' THEN d.out_at - d.in_at ELSE 0 END) unscheduled_ms
         FROM duty_sessions d LEFT JOIN rota_assignments a ON a.id = d.assignment_id
        WHERE d.day BETWEEN ? AND ? GROUP BY d.staff_id`,
    )
    .all(from, to) as {
    staff_id: string;
    attended_ms: number;
    late_count: number;
    late_minutes: number;
    early_count: number;
    missed: number;
    unscheduled: number;
    unscheduled_ms: number;
  }[];
  const names = new Map(
    (db.prepare('SELECT id, name FROM staff').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]),
  );
  const rows = new Map<string, AttendanceRow>();
  const rowOf = (staffId: string): AttendanceRow => {
    let r = rows.get(staffId);
    if (!r) {
      r = { staffId, name: names.get(staffId) ?? '', scheduledShifts: 0, scheduledMinutes: 0, attendedMinutes: 0, lateCount: 0, lateMinutes: 0, earlyCount: 0, absences: 0, missedOut: 0, unscheduled: 0, unscheduledMinutes: 0 };
      rows.set(staffId, r);
    }
    return r;
  };
  for (const p of planned) Object.assign(rowOf(p.staff_id), { scheduledShifts: p.shifts, scheduledMinutes: p.minutes, absences: p.absences });
  for (const p of present) {
    Object.assign(rowOf(p.staff_id), {
      attendedMinutes: Math.floor(p.attended_ms / 60_000),
      lateCount: p.late_count,
      lateMinutes: p.late_minutes,
      earlyCount: p.early_count,
      missedOut: p.missed,
      unscheduled: p.unscheduled,
      unscheduledMinutes: Math.floor(p.unscheduled_ms / 60_000),
    });
  }
  return [...rows.values()].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
}
