import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, HANDLING_MODES, type DisplayState, type Figures, type Output } from '../../../shared/contract';
import { shanghaiDate } from '../../../shared/rules/time';
import { addWorkingDays, isWorkingDay } from '../../../shared/rules/workdays';
import { createBackend, type Backend } from '../app';
import { loadCalendar } from '../services/catalogue/calendar';
import type { RequestRow as StoredRequest } from '../services/requests/rows';
import { ALLOWED_FROM, type Action } from '../services/requests/transitions';
import { TestClock } from '../testSupport';
import { DEMO_PASSWORD } from './demoData';
import { DEMO_INTAKE_DAYS } from './demoIntake';

/** A stored request with its service's time limit, from which its due date was counted. */
type RequestRow = StoredRequest & { time_limit_days: number };

interface StepRow {
  request_id: string;
  at: number;
  action: string;
  status: string;
  user_id: string | null;
  user_name: string;
}

/** The action of the service that writes each step (the rest are written together with another step). */
const STEP_ACTION: Record<string, Action | undefined> = { started: 'start', resolved: 'resolve', feedback: 'feedback', voided: 'void', rerouted: 'reroute' };

describe('demo intake history', () => {
  const clock = new TestClock();
  const today = shanghaiDate(clock.now());
  let dir: string;
  let b: Backend;
  let requests: RequestRow[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-intake-'));
    b = createBackend({ dataDir: dir, demo: true, clock, checkOutputs: true });
    requests = b.db
      .prepare('SELECT q.*, s.time_limit_days FROM requests q JOIN services s ON s.id = q.service_id ORDER BY q.number')
      .all() as RequestRow[];
  }, 60_000);
  afterAll(() => {
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a few hundred requests over three weeks, in every mode and channel, with feedback, reopens and open ones', () => {
    expect(requests.length).toBeGreaterThan(200);
    expect(requests.length).toBeLessThan(600);
    const days = new Set(requests.map((r) => r.received_day));
    expect(days.size).toBe(DEMO_INTAKE_DAYS);
    expect([...days].every((d) => d < today)).toBe(true);
    for (const m of HANDLING_MODES) expect(requests.filter((r) => r.mode === m).length, m).toBeGreaterThan(5);
    for (const c of CHANNELS) expect(requests.filter((r) => r.channel === c).length, c).toBeGreaterThan(3);
    const count = (f: (r: RequestRow) => boolean) => requests.filter(f).length;
    expect(count((r) => r.status === 'closed')).toBeGreaterThan(requests.length / 2);
    for (const s of ['satisfied', 'basic']) expect(count((r) => r.satisfaction === s), s).toBeGreaterThan(3);
    expect(count((r) => r.reopen_count > 0)).toBeGreaterThan(2);
    const open = requests.filter((r) => ['received', 'assigned', 'in_progress'].includes(r.status));
    expect(open.filter((r) => r.due_date < today).length).toBeGreaterThanOrEqual(2);
    expect(open.filter((r) => r.due_date === today).length).toBeGreaterThanOrEqual(2);
  });

  it('writes every request consistently: numbers, due dates in working days, steps that end in its status', () => {
    const calendar = loadCalendar(b.db);
    const steps = new Map<string, StepRow[]>();
    for (const s of b.db.prepare('SELECT * FROM request_steps ORDER BY seq').all() as StepRow[]) {
      if (!steps.has(s.request_id)) steps.set(s.request_id, []);
      steps.get(s.request_id)!.push(s);
    }
    const users = new Map((b.db.prepare('SELECT id, display_name FROM users').all() as { id: string; display_name: string }[]).map((u) => [u.id, u.display_name]));
    const gridOf = new Map(
      (b.db.prepare('SELECT r.id, b.parent_id grid FROM residents r JOIN grid_nodes b ON b.id = r.building_id').all() as { id: string; grid: string }[]).map((r) => [r.id, r.grid]),
    );
    const byDay = new Map<string, RequestRow[]>();
    for (const r of requests) {
      byDay.set(r.received_day, [...(byDay.get(r.received_day) ?? []), r]);
      const where = r.number;
      expect(r.received_day, where).toBe(shanghaiDate(r.received_at));
      expect(isWorkingDay(r.due_date, calendar), where).toBe(true);
      expect(r.due_date, where).toBe(addWorkingDays(r.received_day, r.time_limit_days, calendar));
      expect(users.has(r.received_by), where).toBe(true);
      expect(r.grid_id, where).toBe(r.resident_id ? gridOf.get(r.resident_id) : null);
      if (r.mode === 'assigned') expect(r.assignee_staff_id, where).toBeTruthy();
      if (r.mode === 'escalated') expect(r.department, where).toBeTruthy();
      if (r.mode === 'onsite' || r.mode === 'homevisit') expect(r.visit_address, where).toBeTruthy();
      const resolved = r.status === 'resolved' || r.status === 'closed';
      expect(r.resolved_at !== null, where).toBe(resolved);
      if (r.resolved_at !== null) {
        expect(r.resolved_day, where).toBe(shanghaiDate(r.resolved_at));
        expect(r.resolved_at, where).toBeGreaterThanOrEqual(r.received_at);
        expect(r.resolution, where).toBeTruthy();
      }
      expect(r.closed_at !== null, where).toBe(r.status === 'closed');
      if (r.status === 'closed') expect(['satisfied', 'basic']).toContain(r.satisfaction);
      if (r.satisfaction !== null) expect(r.feedback_at, where).toBeGreaterThanOrEqual(r.received_at);
      expect(r.voided_at !== null && r.void_reason !== null, where).toBe(r.status === 'void');

      const log = steps.get(r.id)!;
      expect(log[0]!.action, where).toBe('received');
      expect(log[log.length - 1]!.status, where).toBe(r.status);
      expect(log[log.length - 1]!.at, where).toBe(r.updated_at);
      expect(log.filter((s) => s.action === 'reopened').length, where).toBe(r.reopen_count);
      let status = 'received';
      log.forEach((s, i) => {
        expect(s.user_name, where).toBe(users.get(s.user_id!));
        if (i > 0) expect(s.at, where).toBeGreaterThanOrEqual(log[i - 1]!.at);
        const action = STEP_ACTION[s.action];
        if (action) expect(ALLOWED_FROM[action], `${where} ${s.action} from ${status}`).toContain(status);
        if (s.action === 'closed' || s.action === 'reopened') expect(log[i - 1]!.action, where).toBe('feedback');
        if (s.action === 'assigned') expect(i, where).toBe(1);
        status = s.status;
      });
    }
    // Numbered per received day in the order received.
    for (const [day, rows] of byDay) {
      const sorted = [...rows].sort((a, c) => a.received_at - c.received_at);
      expect(sorted.map((r) => r.number)).toEqual(sorted.map((_, i) => `${day.replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`));
    }
  });

  it('writes tickets as the queue does: unique numbers per day and service, served ones with times and a worker, day summaries', () => {
    const tickets = b.db
      .prepare('SELECT t.*, s.prefix FROM tickets t JOIN services s ON s.id = t.issued_service_id')
      .all() as {
      id: string; day: string; number: string; seq: number; prefix: string; status: string; class: string; priority_reason: string | null;
      issued_at: number; queued_at: number; first_called_at: number | null; called_at: number | null; call_count: number; finished_at: number | null;
      served_by: string | null; counter: number | null; request_id: string | null;
    }[];
    const numbers = new Set<string>();
    for (const t of tickets) {
      const key = `${t.day}/${t.number}`;
      expect(numbers.has(key), key).toBe(false);
      numbers.add(key);
      expect(t.number).toBe(`${t.prefix}${String(t.seq).padStart(3, '0')}`);
      expect(t.day).toBe(shanghaiDate(t.issued_at));
      expect(t.queued_at).toBe(t.issued_at);
      expect(t.priority_reason !== null).toBe(t.class === 'priority');
      if (t.status === 'done' || t.status === 'noshow') {
        expect(t.call_count).toBeGreaterThanOrEqual(1);
        expect(t.first_called_at!).toBeGreaterThanOrEqual(t.issued_at);
        expect(t.called_at!).toBeGreaterThanOrEqual(t.first_called_at!);
        expect(t.counter).not.toBeNull();
      }
      expect(t.finished_at !== null && t.served_by !== null).toBe(t.status === 'done');
      if (t.finished_at !== null) expect(t.finished_at).toBeGreaterThanOrEqual(t.called_at!);
      if (t.status === 'waiting') expect(t.day).toBe(today);
      else expect(t.day < today).toBe(true);
    }
    const events = b.db.prepare('SELECT ticket_id, kind FROM ticket_events ORDER BY seq').all() as { ticket_id: string; kind: string }[];
    const kinds = new Map<string, string[]>();
    for (const e of events) kinds.set(e.ticket_id, [...(kinds.get(e.ticket_id) ?? []), e.kind]);
    const last = { done: 'finished', noshow: 'noshow', unserved: 'unserved', waiting: 'issued' } as Record<string, string>;
    for (const t of tickets) {
      const k = kinds.get(t.id)!;
      expect(k[0]).toBe('issued');
      expect(k[k.length - 1]).toBe(last[t.status]);
      expect(k.filter((x) => x === 'called' || x === 'recalled').length).toBe(t.call_count);
    }
    const summaries = b.db.prepare('SELECT * FROM queue_days ORDER BY day').all() as { day: string; issued: number; served: number; no_shows: number; unserved: number }[];
    expect(summaries.length).toBe(DEMO_INTAKE_DAYS);
    for (const s of summaries) {
      const day = tickets.filter((t) => t.day === s.day);
      expect(s).toMatchObject({
        issued: day.length,
        served: day.filter((t) => t.status === 'done').length,
        no_shows: day.filter((t) => t.status === 'noshow').length,
        unserved: day.filter((t) => t.status === 'unserved').length,
      });
    }
    // A window request comes from a ticket served that day, and the ticket points back at it.
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const r of requests.filter((q) => q.channel === 'window')) {
      const t = byId.get(r.ticket_id!)!;
      expect(t.status).toBe('done');
      expect(t.day).toBe(r.received_day);
      expect(t.request_id).toBe(r.id);
      expect(r.counter).toBe(t.counter);
    }
    const waiting = tickets.filter((t) => t.status === 'waiting');
    expect(waiting.length).toBeGreaterThanOrEqual(5);
    expect(waiting.some((t) => t.class === 'priority')).toBe(true);
  });

  it('is the same history from the same seed and day', () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-intake-'));
    const again = createBackend({ dataDir: dir2, demo: true, clock: new TestClock(clock.now()) });
    try {
      // Ids of services, users and residents are new each time; what was asked, when and how is not.
      const content = (db: Backend['db']) => ({
        requests: db.prepare(`SELECT number, channel, mode, status, description, received_at, due_date, resolved_at, satisfaction, reopen_count FROM requests ORDER BY number`).all(),
        tickets: db.prepare('SELECT day, number, class, status, issued_at, called_at, finished_at FROM tickets ORDER BY day, number').all(),
        steps: db.prepare('SELECT at, action, status, user_name, note FROM request_steps ORDER BY seq').all(),
      });
      expect(content(again.db)).toEqual(content(b.db));
    } finally {
      again.close();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  }, 60_000);

  it('shows through the real calls: the hall, the desk user’s own to-do list, overdue ones, details and figures', async () => {
    const display = await b.dispatch({ sessionId: null }, 'display.state', {});
    expect(display.ok && (display.value as DisplayState).waiting.reduce((n, w) => n + w.count, 0)).toBeGreaterThanOrEqual(5);
    const slot = { sessionId: null };
    expect((await b.dispatch(slot, 'session.login', { username: 'qiantai', password: DEMO_PASSWORD })).ok).toBe(true);
    const counts = await b.dispatch(slot, 'requests.todoCounts', { counter: null });
    expect(counts.ok).toBe(true);
    if (counts.ok) {
      const value = counts.value as Output<'requests.todoCounts'>;
      expect(value.mine).toBeGreaterThan(0);
      expect(value.overdue).toBeGreaterThanOrEqual(2);
      expect(value.dueToday).toBeGreaterThanOrEqual(2);
    }
    // Outputs are checked against the contract (checkOutputs): a malformed row would fail here.
    for (const r of requests.filter((_, i) => i % 25 === 0)) expect((await b.dispatch(slot, 'requests.get', { id: r.id })).ok).toBe(true);
    const figures = await b.dispatch(slot, 'figures.get', { from: requests[0]!.received_day, to: today });
    expect(figures.ok).toBe(true);
    if (figures.ok) {
      const value = figures.value as Figures;
      expect(value.requests.received).toBe(requests.filter((r) => r.status !== 'void').length);
      expect(value.tickets.served).toBeGreaterThan(200);
    }
  });
});
