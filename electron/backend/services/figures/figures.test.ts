import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { p90, RequestTally, roundMinutes, TicketTally } from './aggregate';
import { bucketKind, computeFigures, seriesBuckets } from './figures';
import { F_ON_TIME, F_OPEN, F_RESOLVED, F_SAT_SHIFT } from './queries';

const MIN = 60_000;

describe('p90: nearest rank', () => {
  const of = (...v: number[]) => p90(Float64Array.from(v));
  it('is the value at rank ⌈0.9 n⌉ of the sorted values', () => {
    expect(of()).toBeNull();
    expect(of(7)).toBe(7);
    expect(of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1)).toBe(9); // n = 10 → 9th
    expect(of(...Array.from({ length: 11 }, (_, i) => i + 1))).toBe(10); // n = 11 → ⌈9.9⌉ = 10th
    expect(of(5, 5, 5, 1)).toBe(5);
  });
  it('takes the rank in integers (0.9 × 70 is not 63 in floating point)', () => {
    expect(of(...Array.from({ length: 70 }, (_, i) => 70 - i))).toBe(63);
    expect(of(...Array.from({ length: 20 }, (_, i) => i + 1))).toBe(18);
  });
  it('agrees with sorting on many random inputs', () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let n = 1; n < 300; n += 7) {
      const v = Array.from({ length: n }, () => Math.floor(rnd() * 50));
      const sorted = [...v].sort((a, b) => a - b);
      expect(of(...v)).toBe(sorted[Math.ceil((9 * n) / 10) - 1]);
    }
  });
});

describe('tallies', () => {
  it('rounds minutes to one decimal', () => {
    expect(roundMinutes(0)).toBe(0);
    expect(roundMinutes(90_000)).toBe(1.5);
    expect(roundMinutes(3 * MIN + 2_999)).toBe(3);
    expect(roundMinutes(3 * MIN + 3_000)).toBe(3.1);
  });

  it('gives null rates and minutes where there is nothing to divide by', () => {
    expect(new TicketTally().figures()).toEqual({
      issued: 0, served: 0, noShows: 0, unserved: 0, avgWaitMin: null, p90WaitMin: null, avgHandleMin: null, p90HandleMin: null,
    });
    expect(new RequestTally().figures()).toMatchObject({ received: 0, resolutionRate: null, onTimeRate: null, satisfactionRate: null });
    const open = new RequestTally();
    open.add(F_OPEN);
    // Received but nothing resolved and no feedback: 0 % resolved, the other two rates undefined.
    expect(open.figures()).toMatchObject({ received: 1, resolutionRate: 0, onTimeRate: null, satisfactionRate: null, open: 1 });
    const done = new RequestTally();
    done.add(F_RESOLVED | F_ON_TIME | (2 << F_SAT_SHIFT));
    done.add(F_RESOLVED | (3 << F_SAT_SHIFT));
    expect(done.figures()).toMatchObject({
      resolutionRate: 1, onTime: 1, onTimeRate: 0.5, withFeedback: 2, basicallySatisfied: 1, unsatisfied: 1, satisfactionRate: 0.5,
    });
  });
});

describe('series', () => {
  it('is per day up to 62 days, per month beyond', () => {
    expect(bucketKind('2026-11-23', '2026-11-23')).toBe('day');
    expect(bucketKind('2026-09-01', '2026-11-01')).toBe('day'); // 62 days
    expect(bucketKind('2026-09-01', '2026-11-02')).toBe('month'); // 63 days
  });
  it('lists every day or month of the period, across a year end', () => {
    expect(seriesBuckets('2026-02-27', '2026-03-02', 'day')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(seriesBuckets('2025-11-15', '2026-02-03', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(seriesBuckets('2016-11-24', '2026-11-23', 'month')).toHaveLength(121);
  });
});

describe('figures on a small hand-made day', () => {
  let t: TestBackend;
  let services: { a: string; b: string };
  let grids: { east1: string; west1: string };
  beforeEach(async () => {
    t = await makeTestBackend();
    const db = t.backend.db;
    const insertService = db.prepare(
      `INSERT INTO services (id, category, name, prefix, default_mode, time_limit_days, created_at, updated_at) VALUES (?, '民生', ?, ?, 'immediate', 3, 0, 0)`,
    );
    services = { a: newId(), b: newId() };
    insertService.run(services.b, '证明开具', 'B');
    insertService.run(services.a, '社保医保', 'A');
    const node = db.prepare(`INSERT INTO grid_nodes (id, parent_id, kind, name, sort, created_at) VALUES (?, ?, ?, ?, ?, 0)`);
    const east = newId();
    const west = newId();
    grids = { east1: newId(), west1: newId() };
    node.run(west, null, 'area', '西片区', 2);
    node.run(east, null, 'area', '东片区', 1);
    node.run(grids.west1, west, 'grid', '第1网格', 1);
    node.run(grids.east1, east, 'grid', '第1网格', 1);
  });
  afterEach(() => t.close());

  function ticket(service: string, status: string, issuedAt: number, waitMin: number | null, handleMin: number | null, servedBy: string | null) {
    const calledAt = waitMin === null ? null : issuedAt + waitMin * MIN;
    t.backend.db
      .prepare(
        `INSERT INTO tickets (id, day, service_id, issued_service_id, seq, number, class, source, status, issued_at, queued_at,
           first_called_at, called_at, finished_at, served_by)
         VALUES (?, '2026-11-20', ?, ?, ?, 'A001', 'ordinary', 'kiosk', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(newId(), service, service, Math.floor(Math.random() * 1e9), status, issuedAt, issuedAt, calledAt, calledAt, handleMin === null || calledAt === null ? null : calledAt + handleMin * MIN, servedBy);
  }

  function request(o: { grid: string | null; status: string; due: string; resolved?: string; satisfaction?: string }) {
    const admin = (t.backend.db.prepare('SELECT id FROM users').get() as { id: string }).id;
    t.backend.db
      .prepare(
        `INSERT INTO requests (id, number, grid_id, service_id, channel, description, mode, status, received_at, received_day,
           received_by, due_date, resolved_day, satisfaction, updated_at)
         VALUES (?, ?, ?, ?, 'phone', '测试', 'assigned', ?, 0, '2026-11-20', ?, ?, ?, ?, 0)`,
      )
      .run(newId(), newId(), o.grid, services.a, o.status, admin, o.due, o.resolved ?? null, o.satisfaction ?? null);
  }

  it('counts tickets and requests, orders rows, and labels them in Chinese', async () => {
    const admin = (t.backend.db.prepare('SELECT id FROM users').get() as { id: string }).id;
    const at = Date.UTC(2026, 10, 20, 1, 0);
    ticket(services.a, 'done', at, 4, 10, admin);
    ticket(services.a, 'done', at, 6, 20, admin);
    ticket(services.a, 'noshow', at, 2, null, null);
    ticket(services.b, 'unserved', at, null, null, null);
    request({ grid: grids.west1, status: 'closed', due: '2026-11-25', resolved: '2026-11-25', satisfaction: 'basic' });
    request({ grid: grids.east1, status: 'in_progress', due: '2026-11-22', satisfaction: 'unsatisfied' });
    request({ grid: null, status: 'received', due: '2026-11-23' });
    request({ grid: null, status: 'void', due: '2026-11-01', resolved: '2026-11-20', satisfaction: 'satisfied' });

    const f = await t.ok(t.admin, 'figures.get', { from: '2026-11-20', to: '2026-11-20' });
    expect(f.tickets).toEqual({ issued: 4, served: 2, noShows: 1, unserved: 1, avgWaitMin: 4, p90WaitMin: 6, avgHandleMin: 15, p90HandleMin: 20 });
    expect(f.requests).toEqual({
      received: 3, resolved: 1, resolutionRate: 1 / 3, onTime: 1, onTimeRate: 1, withFeedback: 2, satisfied: 0, basicallySatisfied: 1,
      unsatisfied: 1, satisfactionRate: 0.5, open: 2, overdue: 1, // due today is not overdue yet
    });
    expect(f.series).toEqual([{ period: '2026-11-20', issued: 4, received: 3, resolved: 1 }]);
    expect(f.by.service.map((r) => r.label)).toEqual(['社保医保', '证明开具']);
    expect(f.by.service[1]).toMatchObject({ tickets: { issued: 1, unserved: 1, avgWaitMin: null }, requests: { received: 0, resolutionRate: null } });
    expect(f.by.grid.map((r) => r.label)).toEqual(['东片区 / 第1网格', '西片区 / 第1网格', '未关联网格']);
    expect(f.by.grid.every((r) => r.tickets === null)).toBe(true);
    expect(f.by.channel.map((r) => `${r.label}:${r.requests.received}`)).toEqual(['窗口:0', '电话:3', '网格上报:0', '驿站:0', '县平台转派:0']);
    expect(f.by.mode.map((r) => r.label)).toEqual(['马上办', '现场办', '上门办', '专人办', '转办联办']);
    expect(f.by.staff).toEqual([expect.objectContaining({ label: '管理员', tickets: expect.objectContaining({ issued: 2, served: 2 }) })]);
    expect(computeFigures(t.backend.db, '2026-11-20', '2026-11-20', t.clock.now(), { plain: true })).toEqual(f);
  });
});
