import { Rng } from '../../electron/backend/cli/fictional/prng';
import { verifySecret } from '../../electron/backend/services/accounts/password';
import { checkIn, checkOut } from '../../electron/backend/services/duty/punch';
import { getDutyRules } from '../../electron/backend/services/duty/rules';
import { shanghaiDate } from '../../shared/rules/time';
import { addDays } from '../../shared/rules/workdays';
import { BENCH_DUTY_PIN } from './generators/duty';
import { summarise, timeEach, type Bench, type BenchContext, type BenchResult } from './harness';

/** Budgets: the monthly attendance from issue 5 (< 300 ms); a check-in is a person waiting at the machine. */
const ATTENDANCE_BUDGET = 300;
const CHECKIN_BUDGET = 400;
const CHECKIN_WRITE_BUDGET = 10;
const VIEW_BUDGET = 50;

/**
 * Check-in by PIN through the real dispatcher (scrypt included), and apart: the PIN hash alone and
 * the check-in's own work (find the shift, mark missed, write the session); the monthly attendance,
 * who is on duty now and a station's day — on the generated dataset (≈ 135,000 sessions). The
 * sessions a run writes are deleted again.
 */
async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const rng = new Rng(6101);
  const { backend, admin } = await ctx.backend();
  const db = backend.db;
  const people = db
    .prepare(
      `SELECT s.id staffId, s.name, s.pin_hash pinHash, (SELECT a.station_id FROM rota_assignments a WHERE a.staff_id = s.id LIMIT 1) stationId
         FROM staff s WHERE s.active = 1 AND s.pin_hash IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM duty_sessions d WHERE d.staff_id = s.id AND d.status = 'open')
          AND EXISTS (SELECT 1 FROM rota_assignments a WHERE a.staff_id = s.id)`,
    )
    .all() as { staffId: string; name: string; pinHash: string; stationId: string }[];
  if (people.length < 20) throw new Error('the bench dataset has no duty PINs; regenerate with tsx tests/bench/generate.ts');
  const written: string[] = [];
  const results: BenchResult[] = [];
  try {
    const picks = Array.from({ length: 60 }, () => rng.pick(people));
    results.push(
      summarise(
        'duty.checkIn by PIN, dispatcher with scrypt (in+out)/2',
        await timeEach(
          picks,
          async (p) => {
            const r = await backend.dispatch(admin, 'duty.checkIn', { stationId: p.stationId, staffId: p.staffId, pin: BENCH_DUTY_PIN });
            if (!r.ok) throw new Error(`duty.checkIn failed: ${r.error.key}`);
            written.push((r.value as { sessionId: string }).sessionId);
            const out = await backend.dispatch(admin, 'duty.checkOut', { stationId: p.stationId, staffId: p.staffId, pin: BENCH_DUTY_PIN });
            if (!out.ok) throw new Error(`duty.checkOut failed: ${out.error.key}`);
          },
          3,
        ).then((both) => both.map((ms) => ms / 2)),
        CHECKIN_BUDGET,
      ),
    );
    results.push(summarise('  of which the PIN hash (scrypt verify)', await timeEach(picks.slice(0, 30), (p) => verifySecret(BENCH_DUTY_PIN, p.pinHash), 3), null));
    const rules = getDutyRules(db);
    const direct = Array.from({ length: 300 }, () => rng.pick(people));
    results.push(
      summarise(
        '  the rest without the hash (in+out)/2',
        await timeEach(direct, (p) => {
          const r = checkIn(db, Date.now(), rules, { staffId: p.staffId, name: p.name }, p.stationId, 'pin');
          written.push(r.sessionId);
          checkOut(db, Date.now(), rules, { staffId: p.staffId, name: p.name }, p.stationId, 'pin');
        }).then((both) => both.map((ms) => ms / 2)),
        CHECKIN_WRITE_BUDGET,
      ),
    );
  } finally {
    const drop = db.prepare('DELETE FROM duty_sessions WHERE id = ?');
    db.transaction(() => written.forEach((id) => drop.run(id)))();
  }

  const today = shanghaiDate(Date.now());
  const months = Array.from({ length: 36 }, (_, i) => addDays(today, -30 * i).slice(0, 7));
  results.push(summarise('duty.attendance (a month, all staff)', await timeEach(months, (month) => ctx.call('duty.attendance', { month }), 3), ATTENDANCE_BUDGET));
  const polls = Array.from({ length: 100 }, (_, i) => i);
  results.push(summarise('duty.onDutyNow (the desk panel)', await timeEach(polls, () => ctx.call('duty.onDutyNow', {})), VIEW_BUDGET));
  const stationIds = [...new Set(people.map((p) => p.stationId))];
  const days = Array.from({ length: 100 }, () => ({ stationId: rng.pick(stationIds), day: addDays(today, -rng.int(0, 900)) }));
  results.push(summarise('duty.station (a station, a day)', await timeEach(days, (q) => ctx.call('duty.station', q)), VIEW_BUDGET));
  return results;
}

export const dutyBench: Bench = { name: 'duty', run };
