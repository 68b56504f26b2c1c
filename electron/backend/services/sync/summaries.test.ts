import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDutyFixture, type DutyFixture } from '../duty/testFixture';
import { checkUpPayload, type PushEntry } from './protocol';
import { enqueueDueSummaries } from './summaries';

let f: DutyFixture;
beforeEach(async () => {
  f = await makeDutyFixture();
});
afterEach(() => f.t.close());

const entries = (stream: string) =>
  (f.db.prepare(`SELECT id, stream, kind, record_id, payload, created_at FROM outbox WHERE stream = ? ORDER BY seq`).all(stream) as {
    id: string;
    stream: string;
    kind: string;
    record_id: string;
    payload: string;
    created_at: number;
  }[]).map((r): PushEntry => ({ id: r.id, stream: r.stream, kind: r.kind, recordId: r.record_id, createdAt: r.created_at, payload: JSON.parse(r.payload) }));

describe('enqueueDueSummaries', () => {
  it('queues each ended day’s figures and each ended month’s attendance once, from the day sync was first on', async () => {
    await f.at('09:00', '2026-09-27');
    expect(enqueueDueSummaries(f.db, f.t.clock.now())).toBe(0); // today has not ended; sync starts today

    // On the 28th: a request is received and staff 0 is on the morning shift (and never comes: absent).
    await f.at('09:00', '2026-09-28');
    const service = await f.ok('services.save', { category: '民政', name: '低保咨询', prefix: 'A', defaultMode: 'immediate', timeLimitDays: 5 });
    await f.ok('requests.create', { serviceId: service.id, channel: 'window', description: '咨询', mode: 'immediate' });
    await f.plan(0, f.shifts.morning);
    expect(enqueueDueSummaries(f.db, f.t.clock.now())).toBe(1); // the 27th
    expect(enqueueDueSummaries(f.db, f.t.clock.now())).toBe(0);

    await f.at('10:00', '2026-10-01');
    const n = enqueueDueSummaries(f.db, f.t.clock.now());
    expect(enqueueDueSummaries(f.db, f.t.clock.now())).toBe(0);
    const figures = entries('figures');
    expect(figures.map((e) => e.recordId)).toEqual(['2026-09-27', '2026-09-28', '2026-09-29', '2026-09-30']);
    for (const e of figures) expect(checkUpPayload(e)).toBeNull();
    expect(figures[1]!.payload).toMatchObject({ date: '2026-09-28', requestsReceived: 1, ticketsIssued: 0, avgWaitMinutes: null });
    expect(figures[0]!.payload).toMatchObject({ requestsReceived: 0 });

    const att = entries('attendance');
    expect(n).toBe(3 + att.length);
    expect(att.length).toBeGreaterThan(0);
    for (const e of att) expect(checkUpPayload(e)).toBeNull();
    const staff0 = att.find((e) => (e.payload as { staffId: string }).staffId === f.staff[0])!;
    expect(staff0.payload).toMatchObject({ month: '2026-09', plannedShifts: 1, absentCount: 1, attendedMinutes: 0 });
    expect(f.db.prepare(`SELECT kind, count(*) n FROM sync_summaries GROUP BY kind ORDER BY kind`).all()).toEqual([
      { kind: 'attendance.monthly', n: 1 },
      { kind: 'figures.daily', n: 4 },
    ]);
  });

  it('a long time away is caught up a month at a time, never more than 400 days back', async () => {
    await f.at('09:00', '2025-01-01');
    enqueueDueSummaries(f.db, f.t.clock.now());
    await f.at('09:00', '2026-09-28');
    let total = 0;
    for (let i = 0; i < 20; i++) total += enqueueDueSummaries(f.db, f.t.clock.now());
    const days = f.db.prepare(`SELECT min(period) first, max(period) last, count(*) n FROM sync_summaries WHERE kind = 'figures.daily'`).get();
    expect(days).toEqual({ first: '2025-08-24', last: '2026-09-27', n: 400 });
    expect(total).toBeGreaterThanOrEqual(400);
  });
});
