import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import { makeTestBackend, type TestBackend } from '../testSupport';

let t: TestBackend;
beforeAll(async () => {
  t = await makeTestBackend({ demo: true });
}, 120_000);
afterAll(() => t.close());

describe('demo home visits', () => {
  it('plans visits for today and the coming days, and finished 上门办 requests have their completed visit', async () => {
    const today = shanghaiDate(t.clock.now());
    const plan = await t.ok(t.admin, 'homeVisits.dayPlan', { day: today });
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.flatMap((p) => p.visits).length).toBeGreaterThan(2);
    const coming = await t.ok(t.admin, 'homeVisits.list', { from: today, to: addDays(today, 3), status: 'planned' });
    expect(coming.rows.some((v) => v.requestId !== null)).toBe(true);
    // Every planned visit from a request made it assigned (or left it in progress).
    for (const v of coming.rows.filter((x) => x.requestId)) expect(['assigned', 'in_progress']).toContain(v.requestStatus);

    const done = await t.ok(t.admin, 'homeVisits.list', { from: addDays(today, -60), to: today, status: 'completed' });
    expect(done.total).toBeGreaterThan(0);
    for (const v of done.rows) {
      expect(['resolved', 'closed']).toContain(v.requestStatus);
      const r = await t.ok(t.admin, 'requests.get', { id: v.requestId! });
      expect(r.homeVisitId).toBe(v.id);
      expect(v.outcome).toBe(r.resolution);
    }
    // No staff member is in two places at once.
    const db = t.backend.db;
    const clashes = db
      .prepare(
        `SELECT count(*) n FROM home_visits a JOIN home_visits b ON a.staff_id = b.staff_id AND a.day = b.day AND a.id < b.id
         WHERE a.status = 'planned' AND b.status = 'planned'
           AND a.start_minute < b.start_minute + b.duration_minutes AND b.start_minute < a.start_minute + a.duration_minutes`,
      )
      .get() as { n: number };
    expect(clashes.n).toBe(0);
  });
});
