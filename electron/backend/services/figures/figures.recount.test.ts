import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, HANDLING_MODES, type Figures } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { ensureDayClosed } from '../queue/endOfDay';
import { computeFigures } from './figures';
import { seedIntake } from './figuresTestData';

/*
 * Every figure recounted by hand: a plain loop over `SELECT *` of the raw rows, written from the
 * definitions in shared/contract/figures.ts and nothing else (no SQL aggregation, no code shared
 * with the figures service).
 */

interface TicketRow {
  day: string;
  service_id: string;
  issued_service_id: string;
  status: string;
  issued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  finished_at: number | null;
  served_by: string | null;
}
interface RequestRow {
  service_id: string;
  grid_id: string | null;
  channel: string;
  mode: string;
  status: string;
  received_day: string;
  received_by: string;
  due_date: string;
  resolved_day: string | null;
  satisfaction: string | null;
}

const CHANNEL_WORDS: Record<string, string> = { window: '窗口', phone: '电话', grid: '网格上报', station: '驿站', county: '县平台转派' };
const MODE_WORDS: Record<string, string> = { immediate: '马上办', onsite: '现场办', homevisit: '上门办', assigned: '专人办', escalated: '转办联办' };

const minutes = (ms: number) => Math.round(ms / 6000) / 10;

/** Nearest rank, said the other way round: the smallest value with at least 90 % of all values at or below it. */
function hand90(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  for (const v of sorted) {
    let atOrBelow = 0;
    for (const w of sorted) if (w <= v) atOrBelow++;
    if (atOrBelow * 10 >= 9 * sorted.length) return minutes(v);
  }
  return null;
}

function handTickets(list: TicketRow[]) {
  let served = 0;
  let noShows = 0;
  let unserved = 0;
  const waits: number[] = [];
  const handles: number[] = [];
  for (const t of list) {
    if (t.status === 'done') served++;
    if (t.status === 'noshow') noShows++;
    if (t.status === 'unserved') unserved++;
    if (t.first_called_at !== null) waits.push(t.first_called_at - t.issued_at);
    if (t.status === 'done' && t.finished_at !== null && t.called_at !== null) handles.push(t.finished_at - t.called_at);
  }
  const avg = (v: number[]) => {
    if (v.length === 0) return null;
    let sum = 0;
    for (const x of v) sum += x;
    return minutes(sum / v.length);
  };
  return {
    issued: list.length,
    served,
    noShows,
    unserved,
    avgWaitMin: avg(waits),
    p90WaitMin: hand90(waits),
    avgHandleMin: avg(handles),
    p90HandleMin: hand90(handles),
  };
}

function handRequests(list: RequestRow[], today: string) {
  let resolved = 0;
  let onTime = 0;
  let satisfied = 0;
  let basic = 0;
  let unsatisfied = 0;
  let open = 0;
  let overdue = 0;
  for (const r of list) {
    const isResolved = r.status === 'resolved' || r.status === 'closed';
    if (isResolved) resolved++;
    if (isResolved && r.resolved_day !== null && r.resolved_day <= r.due_date) onTime++;
    if (r.satisfaction === 'satisfied') satisfied++;
    if (r.satisfaction === 'basic') basic++;
    if (r.satisfaction === 'unsatisfied') unsatisfied++;
    if (!isResolved) open++;
    if (!isResolved && r.due_date < today) overdue++;
  }
  const withFeedback = satisfied + basic + unsatisfied;
  return {
    received: list.length,
    resolved,
    resolutionRate: list.length ? resolved / list.length : null,
    onTime,
    onTimeRate: resolved ? onTime / resolved : null,
    withFeedback,
    satisfied,
    basicallySatisfied: basic,
    unsatisfied,
    satisfactionRate: withFeedback ? (satisfied + basic) / withFeedback : null,
    open,
    overdue,
  };
}

function handCount(t: TestBackend, from: string, to: string): Figures {
  const db = t.backend.db;
  const today = shanghaiDate(t.clock.now());
  const tickets = (db.prepare('SELECT * FROM tickets').all() as TicketRow[]).filter((x) => x.day >= from && x.day <= to);
  const requests = (db.prepare('SELECT * FROM requests').all() as RequestRow[]).filter(
    (r) => r.received_day >= from && r.received_day <= to && r.status !== 'void',
  );
  const services = new Map((db.prepare('SELECT * FROM services').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const users = new Map((db.prepare('SELECT * FROM users').all() as { id: string; display_name: string }[]).map((u) => [u.id, u.display_name]));
  const nodes = new Map((db.prepare('SELECT * FROM grid_nodes').all() as { id: string; parent_id: string | null; name: string }[]).map((n) => [n.id, n]));
  const gridName = (id: string) => {
    if (id === 'none') return '未关联网格';
    const parts: string[] = [];
    for (let n = nodes.get(id); n; n = n.parent_id ? nodes.get(n.parent_id) : undefined) parts.unshift(n.name);
    return parts.join(' / ');
  };

  const row = (key: string, label: string, tk: TicketRow[] | null, rq: RequestRow[]) => ({
    key,
    label,
    tickets: tk ? handTickets(tk) : null,
    requests: handRequests(rq, today),
  });
  const serviceKeys = new Set([...tickets.map((x) => x.service_id), ...requests.map((r) => r.service_id)]);
  const staffKeys = new Set([...tickets.flatMap((x) => (x.served_by ? [x.served_by] : [])), ...requests.map((r) => r.received_by)]);
  const gridKeys = new Set(requests.map((r) => r.grid_id ?? 'none'));

  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  const periods: string[] = [];
  for (let d = Date.parse(from); d <= Date.parse(to); d += 86_400_000) {
    const p = new Date(d).toISOString().slice(0, days <= 62 ? 10 : 7);
    if (!periods.includes(p)) periods.push(p);
  }
  const periodOf = (day: string) => day.slice(0, days <= 62 ? 10 : 7);

  return {
    from,
    to,
    tickets: handTickets(tickets),
    requests: handRequests(requests, today),
    series: periods.map((p) => ({
      period: p,
      issued: tickets.filter((x) => periodOf(x.day) === p).length,
      received: requests.filter((r) => periodOf(r.received_day) === p).length,
      resolved: requests.filter((r) => periodOf(r.received_day) === p && (r.status === 'resolved' || r.status === 'closed')).length,
    })),
    by: {
      service: [...serviceKeys].map((k) => row(k, services.get(k) ?? '未知服务', tickets.filter((x) => x.service_id === k), requests.filter((r) => r.service_id === k))),
      grid: [...gridKeys].map((k) => row(k, gridName(k), null, requests.filter((r) => (r.grid_id ?? 'none') === k))),
      channel: CHANNELS.map((c) => row(c, CHANNEL_WORDS[c]!, null, requests.filter((r) => r.channel === c))),
      staff: [...staffKeys].map((k) => row(k, users.get(k) ?? '未知人员', tickets.filter((x) => x.served_by === k), requests.filter((r) => r.received_by === k))),
      mode: HANDLING_MODES.map((m) => row(m, MODE_WORDS[m]!, null, requests.filter((r) => r.mode === m))),
    },
  };
}

/** Rows compared as sets by key: the order is the UI's business and tested on its own. */
function expectSameFigures(actual: Figures, expected: Figures) {
  expect(actual.tickets).toEqual(expected.tickets);
  expect(actual.requests).toEqual(expected.requests);
  expect(actual.series).toEqual(expected.series);
  for (const dim of ['service', 'grid', 'channel', 'staff', 'mode'] as const) {
    const byKey = (rows: Figures['by']['service']) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(actual.by[dim]), dim).toEqual(byKey(expected.by[dim]));
  }
}

const PERIODS: [string, string, string][] = [
  ['a busy day', '2026-10-14', '2026-10-14'],
  ['today (tickets still waiting)', '2026-11-23', '2026-11-23'],
  ['a month', '2026-10-01', '2026-10-31'],
  ['62 days, per day', '2026-09-01', '2026-11-01'],
  ['63 days, per month', '2026-09-01', '2026-11-02'],
  ['the whole range and more', '2026-08-01', '2026-12-31'],
  ['an empty period', '2025-01-01', '2025-03-31'],
];

describe('figures equal a hand count of the raw records', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await makeTestBackend();
    const db = t.backend.db;
    db.transaction(() =>
      seedIntake(db, { seed: 20261123, firstDay: '2026-08-20', days: 96, ticketsPerDay: 40, requestsPerDay: 30, today: '2026-11-23' }),
    )();
    // What the first call of the day does (figures.get included): earlier days' leftovers become unserved.
    ensureDayClosed(db, t.clock.now());
  });
  afterAll(() => t.close());

  it('has data worth counting: every status, transfers, reopened, voided, no grid, overdue', () => {
    const db = t.backend.db;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) n FROM tickets')).toBeGreaterThan(2500);
    expect(count('SELECT count(*) n FROM requests')).toBeGreaterThan(2000);
    for (const s of ['waiting', 'called', 'done', 'noshow', 'unserved']) expect(count(`SELECT count(*) n FROM tickets WHERE status = '${s}'`), s).toBeGreaterThan(0);
    for (const s of ['received', 'assigned', 'in_progress', 'resolved', 'closed', 'void']) expect(count(`SELECT count(*) n FROM requests WHERE status = '${s}'`), s).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM tickets WHERE service_id <> issued_service_id')).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM tickets WHERE returned = 1 AND called_at > first_called_at')).toBeGreaterThan(0);
    expect(count(`SELECT count(*) n FROM requests WHERE reopen_count > 0 AND status = 'in_progress' AND resolved_day IS NULL`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) n FROM requests WHERE status = 'void' AND satisfaction IS NOT NULL`)).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM requests WHERE grid_id IS NULL')).toBeGreaterThan(0);
    expect(count(`SELECT count(*) n FROM requests WHERE status IN ('resolved', 'closed') AND resolved_day > due_date`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) n FROM requests WHERE status IN ('resolved', 'closed') AND resolved_day = due_date`)).toBeGreaterThan(0);
  });

  for (const [name, from, to] of PERIODS) {
    it(`${name}: ${from} – ${to}`, async () => {
      const expected = handCount(t, from, to);
      const viaApi = await t.ok(t.admin, 'figures.get', { from, to });
      expectSameFigures(viaApi, expected);
      // The plain one-row-per-record path gives the same as the packed one.
      expectSameFigures(computeFigures(t.backend.db, from, to, t.clock.now(), { plain: true }), expected);
      if (name === 'a month') {
        expect(expected.requests.received).toBeGreaterThan(500);
        expect(expected.requests.overdue).toBeGreaterThan(0);
        expect(expected.tickets.p90WaitMin).not.toBeNull();
        expect(expected.by.grid.some((r) => r.key === 'none')).toBe(true);
        expect(viaApi.series).toHaveLength(31);
      }
      if (name === 'an empty period') expect(viaApi.series.every((s) => s.issued === 0 && s.received === 0)).toBe(true);
    });
  }

  it('a broken reference sends the figures to the plain path, still equal to the hand count', async () => {
    const db = t.backend.db;
    const ticket = db.prepare(`SELECT id FROM tickets WHERE day = '2026-10-14' AND status = 'done' LIMIT 1`).get() as { id: string };
    db.pragma('foreign_keys = OFF');
    try {
      db.prepare(`UPDATE tickets SET served_by = 'gone-user' WHERE id = ?`).run(ticket.id);
      const expected = handCount(t, '2026-10-14', '2026-10-14');
      const actual = await t.ok(t.admin, 'figures.get', { from: '2026-10-14', to: '2026-10-14' });
      expectSameFigures(actual, expected);
      expect(actual.by.staff.find((r) => r.key === 'gone-user')).toMatchObject({ label: '未知人员', tickets: { served: 1 } });
    } finally {
      db.prepare(`UPDATE tickets SET served_by = (SELECT id FROM users LIMIT 1) WHERE id = ?`).run(ticket.id);
      db.pragma('foreign_keys = ON');
    }
  });
});
