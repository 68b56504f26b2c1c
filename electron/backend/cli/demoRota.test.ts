import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mondayOf } from '../../../shared/rules/rota';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import { makeTestBackend, type TestBackend } from '../testSupport';

let t: TestBackend;
beforeAll(async () => {
  t = await makeTestBackend({ demo: true });
}, 120_000);
afterAll(() => t.close());

describe('demo rota', () => {
  it('has shifts at twelve stations, published past weeks, and next week a draft with 东湖’s Saturday-evening gap', async () => {
    const thisWeek = mondayOf(shanghaiDate(t.clock.now()));
    const next = await t.ok(t.admin, 'rota.week', { week: addDays(thisWeek, 7) });
    expect(next.status).toBe('draft');
    expect(next.stations).toHaveLength(12);
    const east = next.stations.find((s) => s.stationName === '东湖驿站')!;
    const evening = east.shifts.find((s) => s.name === '晚班')!;
    const saturday = east.cells.find((c) => c.day === addDays(thisWeek, 12) && c.shiftId === evening.id)!;
    // unless that Saturday is a holiday
    if (saturday.open) expect(saturday.gap).toBe(1);
    expect(next.conflicts).toBe(0);
    const now = await t.ok(t.admin, 'rota.week', { week: thisWeek });
    expect(now.status).toBe('published');
    expect(now.conflicts).toBe(0);
    const past = await t.ok(t.admin, 'rota.week', { week: addDays(thisWeek, -56) });
    expect(past.status).toBe('published');
    const swaps = (await t.ok(t.admin, 'rota.swaps.list', { open: false })).swaps;
    expect(swaps.map((s) => s.status).sort()).toEqual(['approved', 'asked']);
  });
});
