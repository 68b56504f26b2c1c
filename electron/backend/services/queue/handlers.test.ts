import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Counter, Input, Method } from '../../../../shared/contract';
import type { SessionSlot } from '../../context';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';
import { issueAppointmentTicket, ticketNumber } from './tickets';

const DAY = 24 * 3600_000;
const NO_SESSION = (): SessionSlot => ({ sessionId: null });

describe('the walk-in queue through the contract', () => {
  let t: TestBackend;
  let desk: SessionSlot;
  let desk2: SessionSlot;
  let serviceA: string;
  let serviceB: string;
  let events: [string, unknown][];

  const db = () => t.backend.db;
  const ok = <M extends Method>(slot: SessionSlot, method: M, input: Input<M>) => t.ok(slot, method, input);
  const call = (slot: SessionSlot, method: string, input: unknown) => t.backend.dispatch(slot, method, input);
  const kiosk = (serviceId: string, priorityReason: 'elderly' | 'disabled' | null = null) =>
    ok(NO_SESSION(), 'kiosk.issue', { serviceId, priorityReason });
  const ticketRow = (id: string) =>
    db().prepare('SELECT * FROM tickets WHERE id = ?').get(id) as { status: string; counter: number | null; service_id: string; queued_at: number; call_count: number; returned: number; target_counter: number | null };
  const eventsOf = (id: string) => (db().prepare('SELECT kind FROM ticket_events WHERE ticket_id = ? ORDER BY seq').all(id) as { kind: string }[]).map((e) => e.kind);

  async function login(username: string): Promise<SessionSlot> {
    const slot = NO_SESSION();
    await ok(slot, 'session.login', { username, password: PASSWORD });
    return slot;
  }
  /** After a long clock jump the sessions are locked (idle) or expired: log in again. */
  async function relogin() {
    t.admin = await login('admin');
    desk = await login('desk1');
    desk2 = await login('desk2');
  }

  beforeEach(async () => {
    t = await makeTestBackend();
    desk = await t.loginAs('desk');
    await ok(t.admin, 'users.create', { username: 'desk2', displayName: '李四', role: 'desk', password: PASSWORD });
    desk2 = await login('desk2');
    // A: served at every counter; B: at counter 2 only.
    serviceA = (await ok(t.admin, 'services.save', { category: '社保', name: '社保医保', prefix: 'A', defaultMode: 'immediate', timeLimitDays: 3 })).id;
    serviceB = (await ok(t.admin, 'services.save', { category: '民政', name: '民政救助', prefix: 'B', defaultMode: 'onsite', timeLimitDays: 5, counters: [2] })).id;
    events = [];
    t.backend.subscribe(NO_SESSION(), (name, payload) => events.push([name, payload]));
  });
  afterEach(() => t.close());

  it('numbers per service per day, and restarts the next day', async () => {
    const numbers = [];
    for (const s of [serviceA, serviceA, serviceB, serviceA]) numbers.push((await kiosk(s)).ticket.number);
    expect(numbers).toEqual(['A001', 'A002', 'B001', 'A003']);
    const fourth = await kiosk(serviceA);
    expect(fourth).toMatchObject({ centreName: '测试中心', ahead: 3, ticket: { number: 'A004', status: 'waiting', ticketClass: 'ordinary', day: '2026-11-23' } });
    expect(ticketNumber('A', 7)).toBe('A007');
    expect(ticketNumber('A', 1000)).toBe('A1000');

    t.clock.advance(DAY);
    const next = await kiosk(serviceA);
    expect(next.ticket).toMatchObject({ number: 'A001', day: '2026-11-24' });
    expect(next.ahead).toBe(0);
  });

  it('gives priority from a reason, or from the linked resident being 70 or older today', async () => {
    const resident = async (name: string, birthDate: string) => (await ok(t.admin, 'residents.create', { name, gender: 'F', birthDate })).id;
    const seventyToday = await resident('王秀英', '1956-11-23');
    const seventyTomorrow = await resident('赵桂兰', '1956-11-24');
    const issue = (residentId: string | null, priorityReason: 'disabled' | null = null) => ok(desk, 'queue.issue', { serviceId: serviceA, residentId, priorityReason });

    expect((await issue(seventyToday)).ticket).toMatchObject({ ticketClass: 'priority', priorityReason: 'elderly', hasResident: true });
    expect((await issue(seventyTomorrow)).ticket).toMatchObject({ ticketClass: 'ordinary', priorityReason: null, hasResident: true });
    expect((await issue(seventyTomorrow, 'disabled')).ticket).toMatchObject({ ticketClass: 'priority', priorityReason: 'disabled' });
    expect((await issue(null)).ticket).toMatchObject({ ticketClass: 'ordinary', hasResident: false });
    expect((await kiosk(serviceA, 'elderly')).ticket).toMatchObject({ ticketClass: 'priority', priorityReason: 'elderly' });

    // The elderly age is a rule.
    await ok(t.admin, 'queue.saveRules', { counterCount: 3, priorityRun: 2, agingMinutes: 30, elderlyAge: 75, slipPrinter: '' });
    expect((await issue(seventyToday)).ticket.ticketClass).toBe('ordinary');

    const unknown = await call(desk, 'queue.issue', { serviceId: serviceA, residentId: '00000000-0000-7000-8000-000000000000' });
    expect(unknown).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'queue.resident.notFound', field: 'residentId' } });
  });

  it('refuses a ticket for an inactive or appointment-only service', async () => {
    const appt = await ok(t.admin, 'services.save', { category: '证照', name: '证照预约', prefix: 'C', defaultMode: 'onsite', timeLimitDays: 5, needsAppointment: true });
    expect(await call(NO_SESSION(), 'kiosk.issue', { serviceId: appt.id })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', key: 'queue.service.needsAppointment', field: 'serviceId' },
    });
    await ok(t.admin, 'services.save', { id: serviceB, category: '民政', name: '民政救助', prefix: 'B', defaultMode: 'onsite', timeLimitDays: 5, counters: [2], active: false });
    expect(await call(desk, 'queue.issue', { serviceId: serviceB })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', key: 'queue.service.unavailable', field: 'serviceId' },
    });
    expect((await ok(NO_SESSION(), 'kiosk.state', {})).services.map((s) => s.prefix)).toEqual(['A']);
    expect(db().prepare('SELECT count(*) n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('serves the kiosk and the hall display without a session, and the display shows no names', async () => {
    const name = '王秀英';
    const r = await ok(t.admin, 'residents.create', { name, gender: 'F', birthDate: '1950-03-02' });
    await ok(desk, 'queue.issue', { serviceId: serviceA, residentId: r.id });
    await kiosk(serviceA);
    await kiosk(serviceB);
    expect(await ok(NO_SESSION(), 'kiosk.state', {})).toEqual({
      centreName: '测试中心',
      services: [
        { id: serviceA, name: '社保医保', prefix: 'A', waiting: 2 },
        { id: serviceB, name: '民政救助', prefix: 'B', waiting: 1 },
      ],
      slipPrinter: '',
    });
    await ok(desk, 'queue.openCounter', { counter: 1 });
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    expect(c.current).toMatchObject({ number: 'A001', hasResident: true });

    const display = await ok(NO_SESSION(), 'display.state', {});
    expect(display).toMatchObject({
      centreName: '测试中心',
      day: '2026-11-23',
      counters: [
        { number: 1, status: 'open', ticketNumber: 'A001', serviceName: '社保医保' },
        { number: 2, status: 'closed', ticketNumber: null },
        { number: 3, status: 'closed', ticketNumber: null },
      ],
      recentCalls: [{ ticketNumber: 'A001', counter: 1 }],
      waiting: [
        { prefix: 'A', count: 1 },
        { prefix: 'B', count: 1 },
      ],
    });
    const json = JSON.stringify(display);
    expect(json).not.toContain(name);
    expect(json).not.toContain(r.id);
    expect(json).not.toContain('desk'); // not even the worker's name
    // Staff-only calls stay closed without a session.
    expect(await call(NO_SESSION(), 'queue.counters', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('announces a call to the hall, and a recall again with a new call id', async () => {
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    events = [];
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const called = events.filter(([n]) => n === 'queue.called').map(([, p]) => p as { callId: string });
    expect(called).toEqual([{ callId: expect.any(String), ticketNumber: 'A001', counter: 1, at: t.clock.now() }]);
    expect(events.some(([n]) => n === 'queue.changed')).toBe(true);

    events = [];
    const again = await ok(desk, 'queue.recall', { counter: 1, ticketId: c.current!.id });
    expect(again.current).toMatchObject({ number: 'A001', callCount: 2 });
    const recalled = events.filter(([n]) => n === 'queue.called').map(([, p]) => p as { callId: string });
    expect(recalled).toHaveLength(1);
    expect(recalled[0]!.callId).not.toBe(called[0]!.callId);
    expect((await ok(NO_SESSION(), 'display.state', {})).recentCalls.map((x) => x.ticketNumber)).toEqual(['A001', 'A001']);
    expect(eventsOf(c.current!.id)).toEqual(['issued', 'called', 'recalled']);
  });

  it('never gives one ticket to two counters calling at the same instant', async () => {
    const issued = new Set<string>();
    for (let i = 0; i < 40; i++) issued.add((await kiosk(i % 5 === 0 ? serviceB : serviceA, i % 3 === 0 ? 'disabled' : null)).ticket.id);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    await ok(desk2, 'queue.openCounter', { counter: 2 });
    const calledBy = new Map<string, number>();
    let after: Record<number, string | null> = { 1: null, 2: null };
    for (let round = 0; round < 40; round++) {
      const [c1, c2] = await Promise.all([
        ok(desk, 'queue.callNext', { counter: 1, after: after[1]! }),
        ok(desk2, 'queue.callNext', { counter: 2, after: after[2]! }),
      ]);
      for (const c of [c1, c2] as Counter[]) {
        if (!c.current) continue;
        expect(c.current.counter).toBe(c.number);
        if (c.current.id !== after[c.number]) {
          expect(calledBy.has(c.current.id)).toBe(false);
          calledBy.set(c.current.id, c.number);
        }
      }
      after = { 1: c1.current?.id ?? null, 2: c2.current?.id ?? null };
      if (!c1.current && !c2.current) break;
    }
    expect(new Set(calledBy.keys())).toEqual(issued);
    // Counter 1 does not serve B.
    const bAtOne = db().prepare("SELECT count(*) n FROM tickets WHERE service_id = ? AND counter = 1").get(serviceB) as { n: number };
    expect(bAtOne.n).toBe(0);
    const twice = db().prepare("SELECT ticket_id FROM ticket_events WHERE kind = 'called' GROUP BY ticket_id HAVING count(*) > 1").all();
    expect(twice).toEqual([]);
    expect(db().prepare("SELECT count(*) n FROM tickets WHERE status = 'done'").get()).toEqual({ n: 40 });
  });

  it('treats a double click on 下一位 as one click', async () => {
    await kiosk(serviceA);
    await kiosk(serviceA);
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    const first = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const [x, y] = await Promise.all([
      ok(desk, 'queue.callNext', { counter: 1, after: first.current!.id }),
      ok(desk, 'queue.callNext', { counter: 1, after: first.current!.id }),
    ]);
    expect(x.current!.number).toBe('A002');
    expect(y.current!.number).toBe('A002');
    const stale = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    expect(stale.current!.number).toBe('A002');
    expect(db().prepare("SELECT number, status FROM tickets ORDER BY seq").all()).toEqual([
      { number: 'A001', status: 'done' },
      { number: 'A002', status: 'called' },
      { number: 'A003', status: 'waiting' },
    ]);
  });

  it('refuses to call at a closed, paused, unknown or another worker\'s counter', async () => {
    await kiosk(serviceA);
    expect(await call(desk, 'queue.callNext', { counter: 1, after: null })).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'queue.counter.closed', field: 'counter' } });
    await ok(desk, 'queue.openCounter', { counter: 1 });
    expect(await call(desk2, 'queue.callNext', { counter: 1, after: null })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'queue.counter.taken', params: { name: 'desk 用户' } },
    });
    expect(await call(desk2, 'queue.openCounter', { counter: 1 })).toMatchObject({ ok: false, error: { key: 'queue.counter.taken' } });
    const paused = await ok(desk, 'queue.pauseCounter', { counter: 1 });
    expect(paused).toMatchObject({ status: 'paused', staffName: 'desk 用户' });
    expect(await call(desk, 'queue.callNext', { counter: 1, after: null })).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'queue.counter.paused' } });
    expect(await call(desk, 'queue.openCounter', { counter: 4 })).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'queue.counter.unknown', field: 'counter', params: { counter: 4 } } });
    expect(db().prepare("SELECT status FROM tickets").all()).toEqual([{ status: 'waiting' }]);

    // Resumed, it calls; an admin may take over a counter.
    await ok(desk, 'queue.openCounter', { counter: 1 });
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    expect(c.current!.number).toBe('A001');
    // Closing with someone at the counter is refused, so no one is lost.
    expect(await call(desk, 'queue.closeCounter', { counter: 1 })).toMatchObject({ ok: false, error: { key: 'queue.counter.hasCurrent', params: { number: 'A001' } } });
    const taken = await ok(t.admin, 'queue.openCounter', { counter: 1 });
    expect(taken).toMatchObject({ status: 'open', staffName: '管理员', current: { number: 'A001' } });
    await ok(t.admin, 'queue.finish', { counter: 1, ticketId: c.current!.id });
    expect(await ok(t.admin, 'queue.closeCounter', { counter: 1 })).toMatchObject({ status: 'closed', staffName: null, current: null });
  });

  it('refuses partners (FORBIDDEN) but lets them see nothing of the queue', async () => {
    const partner = await t.loginAs('partner');
    for (const [method, input] of [
      ['queue.issue', { serviceId: serviceA }],
      ['queue.counters', {}],
      ['queue.callNext', { counter: 1, after: null }],
      ['queue.waiting', { counter: 1 }],
    ] as const) {
      expect(await call(partner, method, input)).toEqual({ ok: false, error: { code: 'FORBIDDEN', key: 'error.forbidden' } });
    }
    // The duty role sees the queue but does not work a counter.
    const duty = await t.loginAs('duty');
    expect(await call(duty, 'queue.openCounter', { counter: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(duty, 'queue.counters', {})).map((c) => c.number)).toEqual([1, 2, 3]);
  });

  it('refuses a transfer to an inactive service and changes nothing; a good transfer keeps the place', async () => {
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    await ok(desk2, 'queue.openCounter', { counter: 2 });
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const id = c.current!.id;
    t.clock.advance(60_000);
    await kiosk(serviceB); // B001, issued after A001

    await ok(t.admin, 'services.save', { id: serviceB, category: '民政', name: '民政救助', prefix: 'B', defaultMode: 'onsite', timeLimitDays: 5, counters: [2], active: false });
    const before = ticketRow(id);
    expect(await call(desk, 'queue.transfer', { counter: 1, ticketId: id, serviceId: serviceB })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'queue.transfer.serviceClosed', field: 'serviceId' },
    });
    expect(ticketRow(id)).toEqual(before);
    expect((await ok(desk, 'queue.counters', {}))[0]!.current!.id).toBe(id);
    expect(eventsOf(id)).toEqual(['issued', 'called']);

    await ok(t.admin, 'services.save', { id: serviceB, category: '民政', name: '民政救助', prefix: 'B', defaultMode: 'onsite', timeLimitDays: 5, counters: [2], active: true });
    expect(await call(desk, 'queue.transfer', { counter: 1, ticketId: id, targetCounter: 3 })).toMatchObject({
      ok: false,
      error: { key: 'queue.transfer.counterClosed', field: 'targetCounter' },
    });
    expect(await call(desk, 'queue.transfer', { counter: 1, ticketId: id, targetCounter: 1 })).toMatchObject({ ok: false, error: { key: 'queue.transfer.same' } });
    expect(await call(desk, 'queue.transfer', { counter: 1, ticketId: id })).toMatchObject({ ok: false, error: { key: 'queue.transfer.target', field: 'serviceId' } });

    const after = await ok(desk, 'queue.transfer', { counter: 1, ticketId: id, serviceId: serviceB });
    expect(after.current).toBeNull();
    expect(ticketRow(id)).toMatchObject({ status: 'waiting', service_id: serviceB, counter: null, queued_at: before.queued_at });
    // It keeps its place: counter 2 calls A001 (now at 民政救助) before B001.
    const two = await ok(desk2, 'queue.callNext', { counter: 2, after: null });
    expect(two.current).toMatchObject({ number: 'A001', serviceName: '民政救助', callCount: 2 });
    expect(eventsOf(id)).toEqual(['issued', 'called', 'transferred', 'called']);
  });

  it('sends a ticket to a given counter only', async () => {
    await kiosk(serviceA);
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    await ok(desk2, 'queue.openCounter', { counter: 2 });
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    await ok(desk, 'queue.transfer', { counter: 1, ticketId: c.current!.id, targetCounter: 2 });
    expect((await ok(desk, 'queue.waiting', { counter: 1 })).map((w) => w.number)).toEqual(['A002']);
    expect((await ok(desk, 'queue.waiting', { counter: 2 })).map((w) => [w.number, w.targetCounter])).toEqual([
      ['A001', 2],
      ['A002', null],
    ]);
    expect((await ok(desk2, 'queue.callNext', { counter: 2, after: null })).current!.number).toBe('A001');
  });

  it('gives the tickets sent to a counter back to all counters when it closes', async () => {
    await kiosk(serviceA);
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    await ok(desk2, 'queue.openCounter', { counter: 2 });
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    await ok(desk, 'queue.transfer', { counter: 1, ticketId: c.current!.id, targetCounter: 2 });
    expect((await ok(desk, 'queue.waiting', { counter: 1 })).map((w) => w.number)).toEqual(['A002']);
    await ok(desk2, 'queue.closeCounter', { counter: 2 });
    expect((await ok(desk, 'queue.waiting', { counter: 1 })).map((w) => [w.number, w.targetCounter])).toEqual([
      ['A001', null],
      ['A002', null],
    ]);
    expect((await ok(desk, 'queue.callNext', { counter: 1, after: null })).current!.number).toBe('A001');
  });

  it('a no-show sent to a counter that has closed since comes back to every counter', async () => {
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    await ok(desk2, 'queue.openCounter', { counter: 2 });
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const id = c.current!.id;
    await ok(desk, 'queue.transfer', { counter: 1, ticketId: id, targetCounter: 2 });
    expect((await ok(desk2, 'queue.callNext', { counter: 2, after: null })).current!.id).toBe(id);
    await ok(desk2, 'queue.noShow', { counter: 2, ticketId: id });
    await ok(desk2, 'queue.closeCounter', { counter: 2 });
    // She comes back: counter 2 is gone, so she must not wait for it.
    expect(await ok(desk, 'queue.returnTicket', { ticketId: id })).toMatchObject({ status: 'waiting', targetCounter: null });
    expect((await ok(desk, 'queue.waiting', { counter: 1 })).map((w) => w.number)).toEqual(['A001']);
    expect((await ok(desk, 'queue.callNext', { counter: 1, after: null })).current!.id).toBe(id);
  });

  it('a no-show sent to a counter still working goes back to that counter', async () => {
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    await ok(desk2, 'queue.openCounter', { counter: 2 });
    const id = (await ok(desk, 'queue.callNext', { counter: 1, after: null })).current!.id;
    await ok(desk, 'queue.transfer', { counter: 1, ticketId: id, targetCounter: 2 });
    await ok(desk2, 'queue.callNext', { counter: 2, after: null });
    await ok(desk2, 'queue.noShow', { counter: 2, ticketId: id });
    await ok(desk2, 'queue.pauseCounter', { counter: 2 });
    expect(await ok(desk, 'queue.returnTicket', { ticketId: id })).toMatchObject({ status: 'waiting', targetCounter: 2 });
  });

  it('lists the waiting tickets in calling order, with no names', async () => {
    const r = await ok(t.admin, 'residents.create', { name: '王秀英', gender: 'F', birthDate: '1940-01-01' });
    await kiosk(serviceA); // A001 ordinary
    await ok(desk, 'queue.issue', { serviceId: serviceA, residentId: r.id }); // A002 elderly
    await kiosk(serviceA, 'disabled'); // A003
    await kiosk(serviceA, 'disabled'); // A004
    await kiosk(serviceB); // B001: not at counter 1
    const list = await ok(desk, 'queue.waiting', { counter: 1 });
    expect(list.map((w) => w.number)).toEqual(['A002', 'A003', 'A001', 'A004']);
    expect(list[0]).toMatchObject({ ticketClass: 'priority', priorityReason: 'elderly', serviceName: '社保医保', returned: false });
    expect(JSON.stringify(list)).not.toContain('王秀英');

    // The counter calls in exactly that order.
    await ok(desk, 'queue.openCounter', { counter: 1 });
    const calledOrder: string[] = [];
    let after: string | null = null;
    for (;;) {
      const c: Counter = await ok(desk, 'queue.callNext', { counter: 1, after });
      if (!c.current) break;
      calledOrder.push(c.current.number);
      after = c.current.id;
    }
    expect(calledOrder).toEqual(['A002', 'A003', 'A001', 'A004']);
  });

  it('calls an ordinary ticket that has waited past the aging limit first', async () => {
    const old = await kiosk(serviceA);
    t.clock.advance(31 * 60_000);
    await relogin();
    await kiosk(serviceA, 'disabled');
    await ok(desk, 'queue.openCounter', { counter: 1 });
    expect((await ok(desk, 'queue.callNext', { counter: 1, after: null })).current!.id).toBe(old.ticket.id);
  });

  it('puts a no-show back in the queue at the back of its class, and calls it again', async () => {
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    const c = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const id = c.current!.id;
    expect((await ok(desk, 'queue.noShow', { counter: 1, ticketId: id })).current).toBeNull();
    expect((await ok(desk, 'queue.noShows', {})).map((x) => x.number)).toEqual(['A001']);
    // A stale screen cannot act on it any more.
    expect(await call(desk, 'queue.finish', { counter: 1, ticketId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'queue.ticket.notCurrent' } });

    await kiosk(serviceA); // A002 came while A001 was away
    t.clock.advance(60_000);
    const back = await ok(desk, 'queue.returnTicket', { ticketId: id });
    expect(back).toMatchObject({ number: 'A001', status: 'waiting', queuedAt: t.clock.now() });
    expect(ticketRow(id).returned).toBe(1);
    expect(await call(desk, 'queue.returnTicket', { ticketId: id })).toMatchObject({ ok: false, error: { key: 'queue.ticket.notNoShow' } });
    expect((await ok(desk, 'queue.waiting', { counter: 1 })).map((w) => [w.number, w.returned])).toEqual([
      ['A002', false],
      ['A001', true],
    ]);
    const a2 = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const a1 = await ok(desk, 'queue.callNext', { counter: 1, after: a2.current!.id });
    expect(a1.current).toMatchObject({ id, number: 'A001', status: 'called', callCount: 2 });
    expect(eventsOf(id)).toEqual(['issued', 'called', 'noshow', 'returned', 'called']);
    expect(await ok(desk, 'queue.today', {})).toEqual({ day: '2026-11-23', waiting: 0, called: 1, done: 1, noshow: 0, issued: 2 });
  });

  it('calls a checked-in appointment ahead of walk-ins', async () => {
    await kiosk(serviceA);
    await kiosk(serviceA, 'elderly');
    const residentId = (await ok(t.admin, 'residents.create', { name: '刘建国', gender: 'M', birthDate: '1980-05-05' })).id;
    t.clock.advance(60_000);
    const appt = issueAppointmentTicket(db(), t.clock.now(), { serviceId: serviceA, residentId, appointmentId: 'appt-1' });
    expect(appt.ticket).toMatchObject({ number: 'A003', ticketClass: 'appointment', hasResident: true, status: 'waiting' });
    expect(db().prepare('SELECT source, appointment_id FROM tickets WHERE id = ?').get(appt.ticket.id)).toEqual({ source: 'appointment', appointment_id: 'appt-1' });
    await ok(desk, 'queue.openCounter', { counter: 1 });
    expect((await ok(desk, 'queue.callNext', { counter: 1, after: null })).current!.number).toBe('A003');
  });

  it('closes yesterday lazily on the first call of a new day', async () => {
    await kiosk(serviceA);
    await kiosk(serviceA);
    await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    const c1 = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const c2 = await ok(desk, 'queue.callNext', { counter: 1, after: c1.current!.id }); // A001 done, A002 called
    expect(c2.current!.number).toBe('A002');

    t.clock.advance(DAY);
    await relogin();
    expect(await ok(desk, 'queue.today', {})).toEqual({ day: '2026-11-24', waiting: 0, called: 0, done: 0, noshow: 0, issued: 0 });
    expect(db().prepare("SELECT number, status FROM tickets WHERE day = '2026-11-23' ORDER BY seq").all()).toEqual([
      { number: 'A001', status: 'done' },
      { number: 'A002', status: 'unserved' },
      { number: 'A003', status: 'unserved' },
    ]);
    expect(await ok(desk, 'queue.daySummaries', {})).toEqual([
      { day: '2026-11-23', issued: 3, served: 1, noShows: 0, unserved: 2, closedAt: t.clock.now() },
    ]);
    // A new day starts with closed counters.
    expect((await ok(desk, 'queue.counters', {}))[0]).toMatchObject({ status: 'closed', current: null, staffName: null });
    expect((await kiosk(serviceA)).ticket.number).toBe('A001');
  });

  it('ends the day by hand: leftovers unserved, summary kept, counters closed, audited', async () => {
    for (let i = 0; i < 4; i++) await kiosk(serviceA);
    await ok(desk, 'queue.openCounter', { counter: 1 });
    const a1 = await ok(desk, 'queue.callNext', { counter: 1, after: null });
    const a2 = await ok(desk, 'queue.callNext', { counter: 1, after: a1.current!.id });
    await ok(desk, 'queue.noShow', { counter: 1, ticketId: a2.current!.id });
    await ok(desk, 'queue.callNext', { counter: 1, after: null }); // A003 called, A004 waiting

    const summaries = await ok(desk, 'queue.endDay', {});
    expect(summaries).toEqual([{ day: '2026-11-23', issued: 4, served: 1, noShows: 1, unserved: 2, closedAt: t.clock.now() }]);
    expect(db().prepare('SELECT number, status FROM tickets ORDER BY seq').all()).toEqual([
      { number: 'A001', status: 'done' },
      { number: 'A002', status: 'noshow' },
      { number: 'A003', status: 'unserved' },
      { number: 'A004', status: 'unserved' },
    ]);
    expect((await ok(desk, 'queue.counters', {}))[0]).toMatchObject({ status: 'closed', current: null });
    expect(db().prepare("SELECT count(*) n FROM audit_log WHERE action = 'queue.endDay'").get()).toEqual({ n: 1 });

    // The next day's lazy close sees today as already closed and writes nothing more.
    t.clock.advance(DAY);
    await relogin();
    await ok(desk, 'queue.today', {});
    expect((await ok(desk, 'queue.daySummaries', {})).map((s) => s.day)).toEqual(['2026-11-23']);
  });

  it('saves the rules, audited, and keeps them within bounds', async () => {
    expect(await ok(desk, 'queue.rules', {})).toEqual({ counterCount: 3, priorityRun: 2, agingMinutes: 30, elderlyAge: 70, slipPrinter: '' });
    const rules = { counterCount: 5, priorityRun: 3, agingMinutes: 20, elderlyAge: 70, slipPrinter: 'XP-80' };
    expect(await ok(t.admin, 'queue.saveRules', rules)).toEqual(rules);
    expect(await ok(desk, 'queue.rules', {})).toEqual(rules);
    expect((await ok(NO_SESSION(), 'kiosk.state', {})).slipPrinter).toBe('XP-80');
    expect(db().prepare("SELECT count(*) n FROM audit_log WHERE action = 'queue.rules.update'").get()).toEqual({ n: 1 });
    expect(await call(desk, 'queue.saveRules', rules)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.admin, 'queue.saveRules', { ...rules, agingMinutes: 1 })).toMatchObject({ ok: false, error: { key: 'validation.tooSmall', field: 'agingMinutes' } });
    expect((await ok(desk, 'queue.counters', {})).map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
    expect((await ok(desk, 'queue.counters', {}))[0]!.serviceIds).toEqual([serviceA]);
    expect((await ok(desk, 'queue.counters', {}))[1]!.serviceIds).toEqual([serviceA, serviceB]);
  });
});
