import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeRequestsFixture, shanghaiTen, type RequestsFixture } from './testFixture';

describe('requests.create', () => {
  let f: RequestsFixture;
  let counts: number[];
  beforeAll(async () => {
    f = await makeRequestsFixture();
  });
  beforeEach(() => {
    counts = tables.map((t) => f.count(t));
  });
  afterAll(() => f.t.close());

  const tables = ['requests', 'request_steps', 'outbox'] as const;
  const base = () => ({ serviceId: f.serviceId, channel: 'window' as const, description: '咨询低保申请条件' });
  const nothingWritten = () => expect(tables.map((t) => f.count(t))).toEqual(counts);

  describe('what each handling mode needs', () => {
    const cases = [
      { mode: 'onsite', extra: {}, key: 'request.visitAddress.requiredOnsite', field: 'visitAddress' },
      { mode: 'onsite', extra: { visitAddress: '   ' }, key: 'request.visitAddress.requiredOnsite', field: 'visitAddress' },
      { mode: 'homevisit', extra: {}, key: 'request.visitAddress.requiredHomevisit', field: 'visitAddress' },
      { mode: 'assigned', extra: {}, key: 'request.assignee.required', field: 'assigneeStaffId' },
      { mode: 'escalated', extra: { assigneeStaffId: null }, key: 'request.department.required', field: 'department' },
      { mode: 'immediate', extra: { resolvedNow: '已解答', visitAddress: '' }, key: null, field: null },
      { mode: 'onsite', extra: { resolvedNow: '已解答', visitAddress: '社区广场' }, key: 'request.resolvedNow.notImmediate', field: 'resolvedNow' },
    ] as const;
    it.each(cases)('$mode $extra → $key', async ({ mode, extra, key, field }) => {
      const r = await f.call(f.t.admin, 'requests.create', { ...base(), mode, ...extra });
      if (key === null) {
        expect(r).toMatchObject({ ok: true });
        return;
      }
      expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', key, field } });
      nothingWritten();
    });

    it('needs an active staff member for 专人办', async () => {
      const inactive = await f.call(f.t.admin, 'requests.create', { ...base(), mode: 'assigned', assigneeStaffId: f.inactiveStaffId });
      expect(inactive).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'request.assignee.inactive', field: 'assigneeStaffId' } });
      const unknown = await f.call(f.t.admin, 'requests.create', { ...base(), mode: 'assigned', assigneeStaffId: '01900000-0000-7000-8000-000000000000' });
      expect(unknown).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'staff.notFound', field: 'assigneeStaffId' } });
      nothingWritten();
    });

    it('refuses an inactive or unknown service, a voided resident and an unknown ticket', async () => {
      const missing = '01900000-0000-7000-8000-000000000000';
      expect(await f.call(f.t.admin, 'requests.create', { ...base(), mode: 'immediate', serviceId: f.inactiveServiceId })).toMatchObject({
        ok: false,
        error: { key: 'request.service.inactive', field: 'serviceId' },
      });
      expect(await f.call(f.t.admin, 'requests.create', { ...base(), mode: 'immediate', serviceId: missing })).toMatchObject({
        ok: false,
        error: { key: 'service.notFound', field: 'serviceId' },
      });
      expect(await f.call(f.t.admin, 'requests.create', { ...base(), mode: 'immediate', ticketId: missing })).toMatchObject({
        ok: false,
        error: { key: 'request.ticket.notFound', field: 'ticketId' },
      });
      expect(await f.call(f.t.admin, 'requests.create', { ...base(), mode: 'immediate', stationId: missing })).toMatchObject({
        ok: false,
        error: { key: 'station.notFound', field: 'stationId' },
      });
      const gone = await f.ok('residents.create', { name: '王作废', gender: 'M' });
      await f.ok('residents.void', { id: gone.id, reason: '重复' });
      expect(await f.call(f.t.admin, 'requests.create', { ...base(), mode: 'immediate', residentId: gone.id })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', key: 'resident.notFound', field: 'residentId' },
      });
      nothingWritten();
    });

    it('refuses duty staff (they do not open requests)', async () => {
      const duty = await f.t.loginAs('duty');
      expect(await f.call(duty, 'requests.create', { ...base(), mode: 'immediate' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('the initial status and steps', () => {
    it('马上办 with a result: received and resolved in one go', async () => {
      const r = await f.ok('requests.create', { ...base(), mode: 'immediate', resolvedNow: '当场解答了申请条件' }, f.desk);
      expect(r).toMatchObject({ status: 'resolved', resolution: '当场解答了申请条件', resolvedAt: f.t.clock.now(), receivedByName: '王前台' });
      expect(r.steps.map((s) => [s.action, s.status, s.userName, s.note])).toEqual([
        ['received', 'received', '王前台', null],
        ['resolved', 'resolved', '王前台', '当场解答了申请条件'],
      ]);
      expect(f.t.backend.db.prepare('SELECT resolved_day FROM requests WHERE id = ?').get(r.id)).toEqual({ resolved_day: '2026-11-23' });
    });

    it('a named person or department: received then assigned', async () => {
      const person = await f.ok('requests.create', { ...base(), mode: 'assigned', assigneeStaffId: f.staffId });
      expect(person).toMatchObject({ status: 'assigned', assigneeStaffId: f.staffId, assigneeName: '王社工' });
      expect(person.steps.map((s) => s.action)).toEqual(['received', 'assigned']);
      const dept = await f.ok('requests.create', { ...base(), mode: 'escalated', department: '街道民政办' });
      expect(dept).toMatchObject({ status: 'assigned', department: '街道民政办' });
      const onsiteWithPerson = await f.ok('requests.create', { ...base(), mode: 'onsite', visitAddress: '3栋楼下', assigneeStaffId: f.otherStaffId });
      expect(onsiteWithPerson).toMatchObject({ status: 'assigned', visitAddress: '3栋楼下', assigneeName: '李网格员' });
    });

    it('otherwise just received', async () => {
      const r = await f.ok('requests.create', { ...base(), mode: 'homevisit', visitAddress: '3栋1单元302' });
      expect(r).toMatchObject({ status: 'received', resolvedAt: null });
      expect(r.steps.map((s) => s.action)).toEqual(['received']);
    });
  });

  it('numbers requests per received day: 20261201-0001, -0002, then 20261202-0001', async () => {
    await f.setNow(shanghaiTen('2026-12-01'));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await f.ok('requests.create', { ...base(), mode: 'immediate' })).number);
    await f.setNow(shanghaiTen('2026-12-02'));
    numbers.push((await f.ok('requests.create', { ...base(), mode: 'immediate' })).number);
    expect(numbers).toEqual(['20261201-0001', '20261201-0002', '20261201-0003', '20261202-0001']);
    // Shanghai's day, not UTC's: 23:30 in Shanghai on the 2nd is still the 2nd.
    await f.setNow(Date.parse('2026-12-02T15:30:00Z'));
    expect((await f.ok('requests.create', { ...base(), mode: 'immediate' })).number).toBe('20261202-0002');
    await f.setNow(Date.parse('2026-12-02T16:30:00Z'));
    expect((await f.ok('requests.create', { ...base(), mode: 'immediate' })).number).toBe('20261203-0001');
  });

  it('keeps counting past 9999 in a day', async () => {
    await f.setNow(shanghaiTen('2026-11-23'));
    f.t.backend.db
      .prepare(
        `INSERT INTO requests (id, number, service_id, channel, description, mode, status, received_at, received_day, received_by, due_date, updated_at)
         VALUES ('01900000-0000-7000-8000-000000000001', '20261123-9999', ?, 'window', 'x', 'immediate', 'received', 0, '2026-11-23', ?, '2026-11-30', 0)`,
      )
      .run(f.serviceId, f.deskUserId);
    expect((await f.ok('requests.create', { ...base(), mode: 'immediate' })).number).toBe('20261123-10000');
    expect((await f.ok('requests.create', { ...base(), mode: 'immediate' })).number).toBe('20261123-10001');
  });

  it('records who, the resident, their grid and masked phone, and links the ticket', async () => {
    await f.setNow(shanghaiTen('2026-11-23'));
    const db = f.t.backend.db;
    db.prepare(
      `INSERT INTO tickets (id, day, service_id, issued_service_id, seq, number, class, source, status, counter, issued_at, queued_at)
       VALUES ('01900000-0000-7000-8000-0000000000aa', '2026-11-23', ?, ?, 12, 'A012', 'ordinary', 'kiosk', 'called', 2, 0, 0)`,
    ).run(f.serviceId, f.serviceId);
    const r = await f.ok(
      'requests.create',
      { ...base(), mode: 'immediate', residentId: f.residentId, ticketId: '01900000-0000-7000-8000-0000000000aa', originRef: 'XJ-2026-118' },
      f.desk,
    );
    expect(r).toMatchObject({
      residentName: '张小芳',
      residentPhoneMasked: '138****5678',
      residentAddress: '东片区 / 第1网格 / 3栋 1-302',
      ticketNumber: 'A012',
      counter: 2,
      originRef: 'XJ-2026-118',
      receivedByName: '王前台',
    });
    expect(JSON.stringify(r)).not.toContain('13812345678');
    expect(db.prepare('SELECT grid_id, received_by, received_day FROM requests WHERE id = ?').get(r.id)).toEqual({
      grid_id: f.gridId,
      received_by: f.deskUserId,
      received_day: '2026-11-23',
    });
    expect(db.prepare('SELECT request_id FROM tickets').get()).toEqual({ request_id: r.id });
    // A second request on the same visit leaves the ticket pointing at the first.
    const second = await f.ok('requests.create', { ...base(), mode: 'immediate', ticketId: '01900000-0000-7000-8000-0000000000aa', counter: 3 });
    expect(second.counter).toBe(3);
    expect(db.prepare('SELECT request_id FROM tickets').get()).toEqual({ request_id: r.id });
  });

  it('tells open screens that requests changed', async () => {
    const topics: unknown[] = [];
    const off = f.t.backend.subscribe(f.t.admin, (_name, payload) => topics.push(payload));
    await f.ok('requests.create', { ...base(), mode: 'immediate' });
    off();
    expect(topics).toEqual([{ topic: 'requests' }]);
  });
});

describe('due dates in working days (2026 National Day and its 调休)', () => {
  let f: RequestsFixture;
  const services = new Map<number, string>();
  beforeAll(async () => {
    f = await makeRequestsFixture();
  });
  afterAll(() => f.t.close());

  const serviceWithLimit = async (days: number) => {
    if (!services.has(days)) {
      const prefix = 'BCDEFGHIJKLMNOPQRSTUVWXY'[services.size]!;
      services.set(days, (await f.ok('services.save', { category: '测试', name: `时限${days}天`, prefix, defaultMode: 'immediate', timeLimitDays: days })).id);
    }
    return services.get(days)!;
  };
  const createWithLimit = async (days: number, dueDate?: string) =>
    f.call(f.t.admin, 'requests.create', { serviceId: await serviceWithLimit(days), channel: 'window', description: '测试', mode: 'immediate', dueDate: dueDate ?? null });
  const dueOf = async (days: number) => {
    const r = await createWithLimit(days);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.value as { dueDate: string }).dueDate;
  };

  it('skips the holiday week and counts Saturday 10 October (调休) as a working day', async () => {
    await f.setNow(shanghaiTen('2026-09-30')); // Wednesday before the holiday
    // 10-01..07 off; 08 Thu (1), 09 Fri (2), 10 Sat 调休 (3), 11 Sun off, 12 Mon (4), 13 Tue (5)
    expect(await dueOf(5)).toBe('2026-10-13');
    expect(await dueOf(1)).toBe('2026-10-08');
    expect(await dueOf(3)).toBe('2026-10-10');
  });

  it('counts Sunday 20 September (调休) and skips the Mid-Autumn days', async () => {
    await f.setNow(shanghaiTen('2026-09-18')); // Friday
    expect(await dueOf(1)).toBe('2026-09-20'); // Sat 19 off, Sun 20 works
    // 21 Mon (2), 22 (3), 23 (4), 24 (5), 25 Fri 中秋 off, 26–27 off, 28 Mon (6)
    expect(await dueOf(6)).toBe('2026-09-28');
  });

  it('with a time limit of 0 days, a request taken on a holiday is due on the next working day', async () => {
    await f.setNow(shanghaiTen('2026-10-03'));
    expect(await dueOf(0)).toBe('2026-10-08');
    await f.setNow(shanghaiTen('2026-10-09'));
    expect(await dueOf(0)).toBe('2026-10-09');
  });

  it('takes an explicit due date on a working day (a 调休 Saturday too)', async () => {
    await f.setNow(shanghaiTen('2026-09-30'));
    expect(await createWithLimit(5, '2026-10-10')).toMatchObject({ ok: true, value: { dueDate: '2026-10-10' } });
    expect(await createWithLimit(5, '2026-09-30')).toMatchObject({ ok: true, value: { dueDate: '2026-09-30' } });
  });

  it('refuses an explicit due date on a holiday, a weekend, in the past, or not a date — and writes nothing', async () => {
    await f.setNow(shanghaiTen('2026-09-30'));
    const before = f.count('requests');
    expect(await createWithLimit(5, '2026-10-05')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', key: 'request.due.notWorkingDay', field: 'dueDate', params: { date: '2026-10-05' } },
    });
    expect(await createWithLimit(5, '2026-10-11')).toMatchObject({ ok: false, error: { key: 'request.due.notWorkingDay', field: 'dueDate' } });
    expect(await createWithLimit(5, '2026-09-29')).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'request.due.past', field: 'dueDate' } });
    expect(await createWithLimit(5, '2026-02-30')).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'validation.badDate', field: 'dueDate' } });
    expect(f.count('requests')).toBe(before);
  });
});
