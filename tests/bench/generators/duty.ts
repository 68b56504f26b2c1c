import { Rng } from '../../../electron/backend/cli/fictional/prng';
import { newId } from '../../../electron/backend/db/ids';
import type { Db } from '../../../electron/backend/db/open';
import { hashSecretSync } from '../../../electron/backend/services/accounts/password';
import { DEFAULT_DUTY_RULES, earlyMinutes, lateMinutes, shiftInstant } from '../../../electron/backend/services/duty/rules';
import type { DatasetGenerator } from './types';

/** The PIN every rota member gets in the bench dataset (one scrypt hash, as the demo does). */
export const BENCH_DUTY_PIN = '2468';
const MINUTE = 60_000;

/**
 * Check-ins derived from the rota's assignments up to `now`: about 93 % attended (one in ten late,
 * one in twelve leaving early, 3 % missed check-outs), 5 % absent, now and then an unscheduled
 * presence; the shifts running at `now` checked in. Every rota member gets the bench PIN.
 */
export function fillBenchDuty(db: Db, now: number): Record<string, number> {
  const rng = new Rng(10_000_601);
  const rules = DEFAULT_DUTY_RULES;
  const planned = db
    .prepare(`SELECT id, day, station_id, staff_id, start_minute, end_minute FROM rota_assignments ORDER BY day, start_minute`)
    .all() as { id: string; day: string; station_id: string; staff_id: string; start_minute: number; end_minute: number }[];
  const pinHash = hashSecretSync(BENCH_DUTY_PIN);
  const setPin = db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ? AND pin_hash IS NULL');
  const insert = db.prepare(
    `INSERT INTO duty_sessions (id, staff_id, station_id, day, assignment_id, status, in_at, in_method, out_at, out_method, late_minutes, early_minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const members = new Set<string>();
  const open = new Set<string>();
  const counts = { sessions: 0, late: 0, early: 0, missed: 0, absent: 0, unscheduled: 0, openNow: 0, pins: 0 };
  for (const a of planned) {
    if (!members.has(a.staff_id)) {
      members.add(a.staff_id);
      counts.pins += setPin.run(pinHash, a.staff_id).changes;
    }
    const start = shiftInstant(a.day, a.start_minute);
    const end = shiftInstant(a.day, a.end_minute);
    if (start - rules.windowMinutes * MINUTE > now) continue;
    if (rng.chance(0.05)) {
      counts.absent++;
      continue;
    }
    const inAt = rng.chance(0.1) ? start + rng.int(6, 30) * MINUTE + rng.int(0, 59_999) : start - rng.int(0, 25) * MINUTE - rng.int(0, 59_999);
    if (inAt > now) continue;
    const method = rng.chance(0.3) ? 'badge' : 'pin';
    const late = lateMinutes(inAt, start, rules.lateGraceMinutes);
    if (late > 0) counts.late++;
    counts.sessions++;
    if (end > now) {
      if (open.has(a.staff_id)) continue;
      open.add(a.staff_id);
      insert.run(newId(), a.staff_id, a.station_id, a.day, a.id, 'open', inAt, method, null, null, late, 0, inAt, inAt);
      counts.openNow++;
    } else if (rng.chance(0.03)) {
      insert.run(newId(), a.staff_id, a.station_id, a.day, a.id, 'missed_out', inAt, method, null, null, late, 0, inAt, end);
      counts.missed++;
    } else {
      const outAt = rng.chance(0.08) ? end - rng.int(10, 45) * MINUTE : end + rng.int(0, 20) * MINUTE;
      const early = earlyMinutes(outAt, end, rules.earlyGraceMinutes);
      if (early > 0) counts.early++;
      insert.run(newId(), a.staff_id, a.station_id, a.day, a.id, 'closed', inAt, method, outAt, method, late, early, inAt, outAt);
    }
    // An unplanned hour at the station before the morning shift (nobody's shift starts before 08:00).
    if (a.start_minute >= 8 * 60 + 90 && rng.chance(0.01) && end < now) {
      const from = shiftInstant(a.day, 6 * 60);
      insert.run(newId(), a.staff_id, a.station_id, a.day, null, 'closed', from, 'pin', from + rng.int(20, 80) * MINUTE, 'pin', 0, 0, from, from);
      counts.unscheduled++;
      counts.sessions++;
    }
  }
  return counts;
}

export const dutyGenerator: DatasetGenerator = {
  name: 'duty',
  version: 1,
  run: (db, now) => fillBenchDuty(db, now),
};
