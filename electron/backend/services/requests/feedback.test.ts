import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachHomeVisit } from './lifecycle';
import { makeRequestsFixture, type RequestsFixture } from './testFixture';

describe('feedback, void, outbox, step log', () => {
  let f: RequestsFixture;
  beforeAll(async () => {
    f = await makeRequestsFixture();
  });
  afterAll(() => f.t.close());

  const db = () => f.t.backend.db;
  const create = (extra: Record<string, unknown> = {}) =>
    f.ok('requests.create', { serviceId: f.serviceId, channel: 'phone', description: '楼道灯坏了', mode: 'immediate', residentId: f.residentId, ...extra });
  const outboxOf = (id: string) =>
    (db().prepare('SELECT stream, kind, payload FROM outbox WHERE record_id = ? ORDER BY seq').all(id) as { stream: string; kind: string; payload: string }[]).map(
      (o) => ({ stream: o.stream, kind: o.kind, payload: JSON.parse(o.payload) as Record<string, unknown> }),
    );

  it('refuses feedback on a request not yet resolved', async () => {
    const r = await create();
    await f.ok('requests.start', { id: r.id });
    expect(await f.call(f.t.admin, 'requests.feedback', { id: r.id, satisfaction: 'satisfied' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'request.feedback.notResolved' },
    });
    expect(await f.call(f.t.admin, 'requests.feedback', { id: r.id, satisfaction: 'happy' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'request.feedback.satisfaction', field: 'satisfaction' },
    });
  });

  it('unsatisfied reopens: back to in progress, no longer resolved, counted; resolving again and satisfied closes', async () => {
    const r = await create();
    await f.ok('requests.resolve', { id: r.id, resolution: '已报修' });
    const reopened = await f.ok('requests.feedback', { id: r.id, satisfaction: 'unsatisfied', note: '灯还是不亮' });
    expect(reopened).toMatchObject({ status: 'in_progress', satisfaction: 'unsatisfied', feedbackNote: '灯还是不亮', reopenCount: 1, resolvedAt: null });
    expect(db().prepare('SELECT resolved_at, resolved_day, closed_at FROM requests WHERE id = ?').get(r.id)).toEqual({
      resolved_at: null,
      resolved_day: null,
      closed_at: null,
    });
    await f.setNow(f.t.clock.now() + 3600_000);
    await f.ok('requests.resolve', { id: r.id, resolution: '换了灯泡' });
    const closed = await f.ok('requests.feedback', { id: r.id, satisfaction: 'satisfied', note: '亮了' });
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 'satisfied', feedbackNote: '亮了', reopenCount: 1, resolution: '换了灯泡' });
    expect(db().prepare('SELECT closed_at, feedback_at, resolved_day FROM requests WHERE id = ?').get(r.id)).toEqual({
      closed_at: f.t.clock.now(),
      feedback_at: f.t.clock.now(),
      resolved_day: '2026-11-23',
    });
    expect(closed.steps.map((s) => [s.action, s.status, s.note])).toEqual([
      ['received', 'received', null],
      ['resolved', 'resolved', '已报修'],
      ['feedback', 'resolved', '灯还是不亮'],
      ['reopened', 'in_progress', null],
      ['resolved', 'resolved', '换了灯泡'],
      ['feedback', 'resolved', '亮了'],
      ['closed', 'closed', null],
    ]);
    expect(closed.steps.every((s) => s.userName === '管理员')).toBe(true);
  });

  it('basically satisfied closes too', async () => {
    const r = await create();
    await f.ok('requests.resolve', { id: r.id, resolution: '已报修' });
    expect(await f.ok('requests.feedback', { id: r.id, satisfaction: 'basic' })).toMatchObject({ status: 'closed', satisfaction: 'basic' });
  });

  it('writes one outbox entry per status change, with no personal data; the description only when escalated', async () => {
    const r = await create({ mode: 'immediate', resolvedNow: '当场答复' });
    await f.ok('requests.feedback', { id: r.id, satisfaction: 'satisfied', note: '张小芳说很好' });
    const entries = outboxOf(r.id);
    expect(entries.map((e) => [e.stream, e.kind, e.payload.action, e.payload.status])).toEqual([
      ['requests', 'request.status', 'received', 'received'],
      ['requests', 'request.status', 'resolved', 'resolved'],
      ['requests', 'request.status', 'closed', 'closed'],
    ]);
    expect(entries[0]!.payload).toEqual({
      number: r.number,
      status: 'received',
      action: 'received',
      at: f.t.clock.now(),
      serviceId: f.serviceId,
      serviceName: expect.any(String),
      originRef: null,
      mode: 'immediate',
      channel: 'phone',
      department: null,
      dueDate: r.dueDate,
    });
    expect(entries[2]!.payload).toMatchObject({ satisfaction: 'satisfied' });
    const text = JSON.stringify(entries);
    for (const personal of ['张小芳', '13812345678', '楼道灯', f.residentId, '当场答复']) expect(text).not.toContain(personal);

    const escalated = await create({ mode: 'escalated', department: '街道城管科' });
    await f.ok('requests.start', { id: escalated.id });
    await f.ok('requests.resolve', { id: escalated.id, resolution: '城管已处理' });
    await f.ok('requests.void', { id: escalated.id, reason: '重复登记' });
    const up = outboxOf(escalated.id);
    expect(up.map((e) => e.payload.action)).toEqual(['received', 'assigned', 'started', 'resolved', 'voided']);
    expect(up.every((e) => e.payload.description === '楼道灯坏了' && e.payload.department === '街道城管科')).toBe(true);
    expect(JSON.stringify(up)).not.toMatch(/张小芳|13812345678|城管已处理|重复登记/);
  });

  it('a reroute goes to the county too (the mode or department changed)', async () => {
    const r = await create();
    await f.ok('requests.reroute', { id: r.id, mode: 'escalated', department: '街道民政办', note: '需街道协调' });
    expect(outboxOf(r.id).map((e) => [e.payload.action, e.payload.status, e.payload.mode, e.payload.department])).toEqual([
      ['received', 'received', 'immediate', null],
      ['rerouted', 'assigned', 'escalated', '街道民政办'],
    ]);
  });

  it('void needs a reason and is audited', async () => {
    const r = await create();
    expect(await f.call(f.t.admin, 'requests.void', { id: r.id, reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'validation.required', field: 'reason' },
    });
    const duty = await f.t.loginAs('duty');
    expect(await f.call(duty, 'requests.void', { id: r.id, reason: '错了' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const v = await f.ok('requests.void', { id: r.id, reason: '居民撤回' });
    expect(v).toMatchObject({ status: 'void', voidReason: '居民撤回' });
    expect(v.steps.at(-1)).toMatchObject({ action: 'voided', status: 'void', note: '居民撤回' });
    const audit = db().prepare(`SELECT username, target_type, target_id, detail FROM audit_log WHERE action = 'request.void' AND target_id = ?`).all(r.id) as {
      username: string;
      target_id: string;
      target_type: string;
      detail: string;
    }[];
    expect(audit).toEqual([{ username: 'admin', target_type: 'request', target_id: r.id, detail: JSON.stringify({ number: r.number, reason: '居民撤回' }) }]);
  });

  it('the step log cannot be changed or deleted', async () => {
    const r = await create();
    expect(() => db().prepare('UPDATE request_steps SET note = ? WHERE request_id = ?').run('x', r.id)).toThrow(/append-only/);
    expect(() => db().prepare('DELETE FROM request_steps WHERE request_id = ?').run(r.id)).toThrow(/append-only/);
  });

  it('keeps the name the account had at the time of each step', async () => {
    const r = await create();
    await f.ok('requests.start', { id: r.id }, f.desk);
    await f.ok('users.update', { id: f.deskUserId, displayName: '王小前', role: 'desk', disabled: false, staffId: f.staffId });
    await f.setNow(f.t.clock.now()); // signs in again
    const after = await f.ok('requests.resolve', { id: r.id, resolution: '修好了' }, f.desk);
    expect(after.steps.map((s) => s.userName)).toEqual(['管理员', '王前台', '王小前']);
  });

  it('unknown id: not found', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expect(await f.call(f.t.admin, 'requests.get', { id: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'request.notFound' } });
    expect(await f.call(f.t.admin, 'requests.start', { id: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('attachHomeVisit links a booked home visit to a 上门办 request', async () => {
    const r = await create({ mode: 'homevisit', visitAddress: '3栋1单元302' });
    attachHomeVisit(db(), r.id, '01900000-0000-7000-8000-0000000000bb');
    expect((await f.ok('requests.get', { id: r.id })).homeVisitId).toBe('01900000-0000-7000-8000-0000000000bb');
    expect(() => attachHomeVisit(db(), '01900000-0000-7000-8000-000000000000', 'x')).toThrow(/NOT_FOUND/);
    await f.ok('requests.void', { id: r.id, reason: '重复' });
    expect(() => attachHomeVisit(db(), r.id, '01900000-0000-7000-8000-0000000000cc')).toThrow(/request\.transition\.voided/);
  });
});
