import type { Db } from '../db/open';
import { newId } from '../db/ids';
import { DEFAULT_DUTY_RULES, earlyMinutes, lateMinutes, shiftInstant } from '../services/duty/rules';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import { Rng } from './fictional/prng';

const SEED = 20_261_205;
const DAYS_BACK = 56;
const MINUTE = 60_000;

/**
 * Check-ins for the demo rota's past eight weeks: most on time, some late, some leaving early, a
 * few missed check-outs and absences, now and then someone in without a shift; the shifts running
 * now mostly checked in. Call inside the demo's transaction, after the rota.
 */
export function fillDemoDuty(db: Db, now: number): { sessions: number; openNow: number } {
  const rng = new Rng(SEED);
  const rules = DEFAULT_DUTY_RULES;
  const today = shanghaiDate(now);
  const planned = db
    .prepare(`SELECT id, day, station_id, staff_id, start_minute, end_minute FROM rota_assignments WHERE day BETWEEN ? AND ? ORDER BY day, start_minute`)
    .all(addDays(today, -DAYS_BACK), today) as { id: string; day: string; station_id: string; staff_id: string; start_minute: number; end_minute: number }[];
  const insert = db.prepare(
    `INSERT INTO duty_sessions (id, staff_id, station_id, day, assignment_id, status, in_at, in_method, out_at, out_method, late_minutes, early_minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const laterShift = db.prepare('SELECT 1 FROM rota_assignments WHERE staff_id = ? AND day = ? AND start_minute >= ?');
  const openStaff = new Set<string>();
  let sessions = 0;
  for (const a of planned) {
    const start = shiftInstant(a.day, a.start_minute);
    const end = shiftInstant(a.day, a.end_minute);
    if (start - rules.windowMinutes * MINUTE > now) continue;
    if (rng.chance(0.04)) continue; // absent
    const inAt = rng.chance(0.1) ? start + rng.int(6, 25) * MINUTE + rng.int(0, 59) * 1000 : start - rng.int(0, 20) * MINUTE - rng.int(0, 59) * 1000;
    if (inAt > now) continue;
    const method = rng.chance(0.3) ? 'badge' : 'pin';
    const late = lateMinutes(inAt, start, rules.lateGraceMinutes);
    if (end > now) {
      if (openStaff.has(a.staff_id)) continue;
      openStaff.add(a.staff_id);
      insert.run(newId(), a.staff_id, a.station_id, a.day, a.id, 'open', inAt, method, null, null, late, 0, inAt, inAt);
    } else if (rng.chance(0.04)) {
      insert.run(newId(), a.staff_id, a.station_id, a.day, a.id, 'missed_out', inAt, method, null, null, late, 0, inAt, end);
    } else {
      const outAt = rng.chance(0.08) ? end - rng.int(10, 40) * MINUTE : end + rng.int(0, 15) * MINUTE;
      const early = earlyMinutes(outAt, end, rules.earlyGraceMinutes);
      insert.run(newId(), a.staff_id, a.station_id, a.day, a.id, 'closed', inAt, method, outAt, method, late, early, inAt, outAt);
    }
    sessions++;
    // Now and then someone stays on after the shift, unplanned, to help at the station.
    if (end + 120 * MINUTE < now && rng.chance(0.02) && !laterShift.get(a.staff_id, a.day, a.end_minute)) {
      const from = end + 10 * MINUTE;
      insert.run(newId(), a.staff_id, a.station_id, a.day, null, 'closed', from, 'pin', from + rng.int(30, 90) * MINUTE, 'pin', 0, 0, from, from);
      sessions++;
    }
  }
  return { sessions, openNow: openStaff.size };
}
