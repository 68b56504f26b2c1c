import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../shared/rules/time';
import { makeTestBackend, type TestBackend } from '../testSupport';

let t: TestBackend;
beforeAll(async () => {
  t = await makeTestBackend({ demo: true });
}, 120_000);
afterAll(() => t.close());

describe('demo check-ins', () => {
  it('has people on duty now and a month with lateness, early leave, absences and missed check-outs', async () => {
    const now = await t.ok(t.admin, 'duty.onDutyNow', {});
    expect(now.stations.length).toBeGreaterThan(3);
    const month = shanghaiDate(t.clock.now()).slice(0, 7);
    const rows = (await t.ok(t.admin, 'duty.attendance', { month })).rows;
    const sum = (k: 'lateCount' | 'earlyCount' | 'absences' | 'missedOut' | 'unscheduled' | 'attendedMinutes') => rows.reduce((n, r) => n + r[k], 0);
    expect(rows.length).toBeGreaterThan(10);
    for (const k of ['lateCount', 'earlyCount', 'absences', 'missedOut', 'unscheduled', 'attendedMinutes'] as const) expect(sum(k), k).toBeGreaterThan(0);
    const open = t.backend.db.prepare("SELECT count(*) n FROM duty_sessions WHERE status = 'open'").get() as { n: number };
    expect(open.n).toBeGreaterThan(0);
  });
});
