import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorValue } from '../../../../shared/contract';
import { makeRequestsFixture, shanghaiTen, type RequestsFixture } from '../requests/testFixture';

/** Today in the tests is 2026-11-23 (Monday), 10:00 in Shanghai. */
const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';

describe('home visits (上门办)', () => {
  let f: RequestsFixture;
  beforeAll(async () => {
    f = await makeRequestsFixture();
    await f.setNow(shanghaiTen(TODAY));
  });
  afterAll(() => f.t.close());

  const refused = async (method: string, input: unknown): Promise<AppErrorValue> => {
    const r = await f.call(f.t.admin, method, input);
    if (r.ok) throw new Error(`${method} went through`);
    return r.error;
  };

  const homevisitRequest = () =>
    f.ok('requests.create', {
      serviceId: f.serviceId,
      channel: 'phone',
      description: '独居老人家里水管漏水，需要上门查看',
      mode: 'homevisit',
      visitAddress: '3栋1单元302',
      residentId: f.residentId,
    });

  const db = () => f.t.backend.db;
  const stepsOf = (id: string) =>
    db().prepare('SELECT action, status, note FROM request_steps WHERE request_id = ? ORDER BY seq').all(id) as { action: string; status: string; note: string | null }[];

  it('plans a visit from a 上门办 request: address and resident taken from it, the request assigned to the visitor', async () => {
    const r = await homevisitRequest();
    expect(r.status).toBe('received');
    const outbox = f.count('outbox');
    const v = await f.ok('homeVisits.create', { requestId: r.id, staffId: f.staffId, day: TOMORROW, startMinute: 9 * 60, durationMinutes: 45 });
    expect(v).toMatchObject({
      requestId: r.id,
      requestNumber: r.number,
      requestStatus: 'assigned',
      residentName: '张小芳',
      residentPhoneMasked: '138****5678',
      staffName: '王社工',
      address: '3栋1单元302',
      purpose: '独居老人家里水管漏水，需要上门查看',
      status: 'planned',
    });
    const after = await f.ok('requests.get', { id: r.id });
    expect(after).toMatchObject({ status: 'assigned', homeVisitId: v.id, assigneeStaffId: f.staffId });
    expect(stepsOf(r.id).at(-1)).toEqual({ action: 'rerouted', status: 'assigned', note: '安排上门：2026年11月24日 09:00–09:45 王社工' });
    expect(f.count('outbox')).toBeGreaterThan(outbox);
    expect(await f.ok('homeVisits.forRequest', { requestId: r.id })).toHaveLength(1);
  });

  it('plans a visit directly: no resident needed, an address is', async () => {
    const v = await f.ok('homeVisits.create', {
      staffId: f.otherStaffId,
      day: TODAY,
      startMinute: 14 * 60,
      durationMinutes: 30,
      address: '幸福路12号',
      purpose: '走访独居老人',
    });
    expect(v).toMatchObject({ requestId: null, residentId: null, address: '幸福路12号', status: 'planned' });
    expect(await refused('homeVisits.create', { staffId: f.otherStaffId, day: TOMORROW, startMinute: 600, durationMinutes: 30, purpose: '走访' })).toMatchObject({
      code: 'VALIDATION',
      key: 'homeVisit.address.required',
      field: 'address',
    });
    expect(await refused('homeVisits.create', { staffId: f.otherStaffId, day: TOMORROW, startMinute: 600, durationMinutes: 30, address: '幸福路12号' })).toMatchObject({
      key: 'homeVisit.purpose.required',
      field: 'purpose',
    });
  });

  it('refuses bad plans with the field named, and writes nothing', async () => {
    const base = { staffId: f.staffId, day: TOMORROW, startMinute: 15 * 60, durationMinutes: 30, address: '幸福路1号', purpose: '送药' };
    const before = f.count('request_steps') + (db().prepare('SELECT count(*) n FROM home_visits').get() as { n: number }).n;
    expect(await refused('homeVisits.create', { ...base, day: '2026-11-22' })).toMatchObject({ code: 'VALIDATION', key: 'homeVisit.day.past', field: 'day' });
    expect(await refused('homeVisits.create', { ...base, day: '2026-02-30' })).toMatchObject({ key: 'validation.badDate', field: 'day' });
    expect(await refused('homeVisits.create', { ...base, durationMinutes: 5 })).toMatchObject({ key: 'homeVisit.duration.range', field: 'durationMinutes' });
    expect(await refused('homeVisits.create', { ...base, durationMinutes: 481 })).toMatchObject({ key: 'homeVisit.duration.range', field: 'durationMinutes' });
    expect(await refused('homeVisits.create', { ...base, startMinute: 1440 })).toMatchObject({ key: 'homeVisit.startMinute.range', field: 'startMinute' });
    expect(await refused('homeVisits.create', { ...base, startMinute: 23 * 60, durationMinutes: 120 })).toMatchObject({
      key: 'homeVisit.duration.pastMidnight',
      field: 'durationMinutes',
    });
    expect(await refused('homeVisits.create', { ...base, staffId: f.inactiveStaffId })).toMatchObject({
      key: 'homeVisit.staff.inactive',
      field: 'staffId',
      params: { name: '赵离职' },
    });
    const after = f.count('request_steps') + (db().prepare('SELECT count(*) n FROM home_visits').get() as { n: number }).n;
    expect(after).toBe(before);
  });

  it('refuses a second visit that overlaps the staff member’s planned one; back to back is fine', async () => {
    const base = { staffId: f.staffId, day: '2026-11-25', durationMinutes: 60, address: '幸福路2号', purpose: '探访' };
    await f.ok('homeVisits.create', { ...base, startMinute: 10 * 60 });
    expect(await refused('homeVisits.create', { ...base, startMinute: 10 * 60 + 59 })).toEqual({
      code: 'CONFLICT',
      key: 'homeVisit.overlap',
      field: 'startMinute',
      params: { time: '10:00–11:00', address: '幸福路2号' },
    });
    expect(await refused('homeVisits.create', { ...base, startMinute: 9 * 60 + 30 })).toMatchObject({ key: 'homeVisit.overlap' });
    await f.ok('homeVisits.create', { ...base, startMinute: 11 * 60 });
    await f.ok('homeVisits.create', { ...base, startMinute: 9 * 60 });
    // another staff member at the same time is another person
    await f.ok('homeVisits.create', { ...base, staffId: f.otherStaffId, startMinute: 10 * 60 });
  });

  it('refuses requests that are not 上门办, already have a visit, or are finished or void', async () => {
    const base = { staffId: f.otherStaffId, day: '2026-11-26', startMinute: 600, durationMinutes: 30 };
    const immediate = await f.ok('requests.create', { serviceId: f.serviceId, channel: 'window', description: '咨询', mode: 'immediate' });
    expect(await refused('homeVisits.create', { ...base, requestId: immediate.id })).toMatchObject({
      code: 'VALIDATION',
      key: 'homeVisit.request.notHomevisit',
      field: 'requestId',
    });
    const r = await homevisitRequest();
    await f.ok('homeVisits.create', { ...base, requestId: r.id });
    expect(await refused('homeVisits.create', { ...base, startMinute: 800, requestId: r.id })).toMatchObject({
      code: 'CONFLICT',
      key: 'homeVisit.request.hasLiveVisit',
      field: 'requestId',
      params: { number: r.number, day: '2026年11月26日' },
    });
    const resolved = await homevisitRequest();
    await f.ok('requests.resolve', { id: resolved.id, resolution: '电话里解决了' });
    expect(await refused('homeVisits.create', { ...base, requestId: resolved.id })).toMatchObject({ key: 'homeVisit.request.finished', field: 'requestId' });
    const voided = await homevisitRequest();
    await f.ok('requests.void', { id: voided.id, reason: '重复登记' });
    expect(await refused('homeVisits.create', { ...base, requestId: voided.id })).toMatchObject({ key: 'homeVisit.request.voided', field: 'requestId' });
  });

  it('completing the visit resolves its request with the outcome, in one go; feedback then follows as usual', async () => {
    const r = await homevisitRequest();
    const v = await f.ok('homeVisits.create', { requestId: r.id, staffId: f.otherStaffId, day: TODAY, startMinute: 16 * 60, durationMinutes: 30 });
    const done = await f.ok('homeVisits.complete', { id: v.id, outcome: '已修好水管，老人满意' });
    expect(done).toMatchObject({ status: 'completed', outcome: '已修好水管，老人满意', requestStatus: 'resolved' });
    const req = await f.ok('requests.get', { id: r.id });
    expect(req).toMatchObject({ status: 'resolved', resolution: '已修好水管，老人满意' });
    expect(stepsOf(r.id).at(-1)).toEqual({ action: 'resolved', status: 'resolved', note: '已修好水管，老人满意' });
    expect(await refused('homeVisits.complete', { id: v.id, outcome: '再来一次' })).toMatchObject({ code: 'CONFLICT', key: 'homeVisit.alreadyCompleted' });
    expect((await f.ok('requests.feedback', { id: r.id, satisfaction: 'satisfied' })).status).toBe('closed');
  });

  it('a visit on a coming day cannot be completed yet; a refused completion leaves the request as it was', async () => {
    const r = await homevisitRequest();
    const v = await f.ok('homeVisits.create', { requestId: r.id, staffId: f.otherStaffId, day: '2026-11-27', startMinute: 600, durationMinutes: 30 });
    const steps = stepsOf(r.id).length;
    expect(await refused('homeVisits.complete', { id: v.id, outcome: '完成' })).toMatchObject({ code: 'CONFLICT', key: 'homeVisit.complete.future' });
    expect(await refused('homeVisits.complete', { id: v.id, outcome: '  ' })).toMatchObject({ code: 'VALIDATION', key: 'validation.required', field: 'outcome' });
    expect(stepsOf(r.id)).toHaveLength(steps);
    expect((await f.ok('homeVisits.get', { id: v.id })).status).toBe('planned');
  });

  it('cancelling keeps the visit as history and the request waits for a new one, which can then be planned', async () => {
    const r = await homevisitRequest();
    const v = await f.ok('homeVisits.create', { requestId: r.id, staffId: f.otherStaffId, day: '2026-11-30', startMinute: 600, durationMinutes: 30 });
    const c = await f.ok('homeVisits.cancel', { id: v.id, reason: '老人住院了' });
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: '老人住院了', requestStatus: 'assigned' });
    expect(stepsOf(r.id).at(-1)).toMatchObject({ action: 'rerouted', status: 'assigned', note: '上门取消：老人住院了' });
    expect((await f.ok('requests.get', { id: r.id })).homeVisitId).toBe(v.id);
    expect(await refused('homeVisits.cancel', { id: v.id, reason: '再取消' })).toMatchObject({ key: 'homeVisit.alreadyCancelled' });
    expect(await refused('homeVisits.reschedule', { id: v.id, day: '2026-12-01', startMinute: 600 })).toMatchObject({ key: 'homeVisit.alreadyCancelled' });
    // off the day plan, still in the request's history; the freed time can be taken again
    const plan = await f.ok('homeVisits.dayPlan', { day: '2026-11-30', staffId: f.otherStaffId });
    expect(plan[0]!.visits).toHaveLength(0);
    const again = await f.ok('homeVisits.create', { requestId: r.id, staffId: f.otherStaffId, day: '2026-11-30', startMinute: 600, durationMinutes: 30 });
    expect((await f.ok('requests.get', { id: r.id })).homeVisitId).toBe(again.id);
    expect((await f.ok('homeVisits.forRequest', { requestId: r.id })).map((x) => x.status)).toEqual(['planned', 'cancelled']);
  });

  it('reschedules to another day, time and person with the same checks', async () => {
    const r = await homevisitRequest();
    const v = await f.ok('homeVisits.create', { requestId: r.id, staffId: f.staffId, day: '2026-12-01', startMinute: 600, durationMinutes: 30 });
    // moving within its own time is no overlap with itself
    const moved = await f.ok('homeVisits.reschedule', { id: v.id, day: '2026-12-01', startMinute: 610 });
    expect(moved).toMatchObject({ day: '2026-12-01', startMinute: 610, durationMinutes: 30 });
    await f.ok('homeVisits.create', { staffId: f.otherStaffId, day: '2026-12-02', startMinute: 540, durationMinutes: 60, address: '幸福路3号', purpose: '探访' });
    expect(await refused('homeVisits.reschedule', { id: v.id, day: '2026-12-02', startMinute: 570, staffId: f.otherStaffId })).toMatchObject({
      key: 'homeVisit.overlap',
      params: { time: '09:00–10:00' },
    });
    expect(await refused('homeVisits.reschedule', { id: v.id, day: '2026-11-20', startMinute: 570 })).toMatchObject({ key: 'homeVisit.day.past', field: 'day' });
    expect(await refused('homeVisits.reschedule', { id: v.id, day: '2026-12-02', startMinute: 570, staffId: f.inactiveStaffId })).toMatchObject({
      key: 'homeVisit.staff.inactive',
    });
    const other = await f.ok('homeVisits.reschedule', { id: v.id, day: '2026-12-02', startMinute: 600, durationMinutes: 60, staffId: f.otherStaffId });
    expect(other).toMatchObject({ staffName: '李网格员', day: '2026-12-02', startMinute: 600, durationMinutes: 60 });
    expect((await f.ok('requests.get', { id: r.id })).assigneeStaffId).toBe(f.otherStaffId);
    expect(stepsOf(r.id).at(-1)!.note).toBe('上门改期：2026年12月1日 10:10–10:40 → 2026年12月2日 10:00–11:00 李网格员');
  });

  it('the day plan: per staff member, in time order, cancelled ones left off; the list pages a period', async () => {
    const day = '2026-12-03';
    const base = { day, durationMinutes: 30, address: '幸福路9号', purpose: '探访' };
    await f.ok('homeVisits.create', { ...base, staffId: f.staffId, startMinute: 900 });
    await f.ok('homeVisits.create', { ...base, staffId: f.staffId, startMinute: 540 });
    const gone = await f.ok('homeVisits.create', { ...base, staffId: f.staffId, startMinute: 700 });
    await f.ok('homeVisits.cancel', { id: gone.id, reason: '改天' });
    await f.ok('homeVisits.create', { ...base, staffId: f.otherStaffId, startMinute: 600 });
    const plan = await f.ok('homeVisits.dayPlan', { day });
    expect(plan.map((p) => [p.staffName, p.visits.map((v) => v.startMinute)])).toEqual([
      ['李网格员', [600]],
      ['王社工', [540, 900]],
    ]);
    expect(await f.ok('homeVisits.dayPlan', { day, staffId: f.inactiveStaffId })).toEqual([{ staffId: f.inactiveStaffId, staffName: '赵离职', visits: [] }]);

    const all = await f.ok('homeVisits.list', { from: day, to: day });
    expect(all.total).toBe(4);
    expect(all.rows.map((v) => v.startMinute)).toEqual([540, 600, 700, 900]);
    const page = await f.ok('homeVisits.list', { from: day, to: day, staffId: f.staffId, status: 'planned', limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((v) => v.startMinute)).toEqual([900]);
    expect(await refused('homeVisits.list', { from: day, to: '2026-12-01' })).toMatchObject({ key: 'homeVisit.list.range', field: 'to' });
  });

  it('duty staff plan and complete visits; a partner verifier is refused', async () => {
    const duty = await f.t.loginAs('duty');
    const v = await f.t.ok(duty, 'homeVisits.create', { staffId: f.staffId, day: TODAY, startMinute: 20 * 60, durationMinutes: 30, address: '幸福路5号', purpose: '送餐' });
    expect((await f.t.ok(duty, 'homeVisits.complete', { id: v.id, outcome: '已送到' })).status).toBe('completed');
    const partner = await f.t.loginAs('partner');
    expect(await f.t.backend.dispatch(partner, 'homeVisits.dayPlan', { day: TODAY })).toEqual({ ok: false, error: { code: 'FORBIDDEN', key: 'error.forbidden' } });
  });
});
