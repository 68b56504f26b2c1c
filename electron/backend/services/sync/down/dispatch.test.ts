import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD } from '../../../testSupport';
import { makeRequestsFixture, type RequestsFixture } from '../../requests/testFixture';
import { applyPulledPage } from './apply';
import { COUNTY_USER_ID } from './countyActor';

const dispatch = (id: string, rev: number, extra: Record<string, unknown> = {}) => ({
  id,
  rev,
  version: 1,
  ref: `XJ-${id}`,
  title: '楼道堆物清理',
  description: '3栋1单元楼道堆满杂物，居民反映多次',
  department: '城管中队',
  serviceCode: null,
  dueDate: '2026-11-30',
  dispatchedAt: Date.UTC(2026, 10, 22),
  state: 'active',
  ...extra,
});

let f: RequestsFixture;
beforeEach(async () => {
  f = await makeRequestsFixture();
});
afterEach(() => f.t.close());

const db = () => f.t.backend.db;
const now = () => f.t.clock.now();
const requestOf = (recordId: string) =>
  (db().prepare(`SELECT request_id FROM county_dispatches WHERE record_id = ?`).get(recordId) as { request_id: string }).request_id;
const countyRequests = () => (db().prepare(`SELECT count(*) n FROM requests WHERE channel = 'county'`).get() as { n: number }).n;

describe('county dispatches', () => {
  it('become one local request each, with the origin shown, however often they are delivered', async () => {
    const page = [dispatch('d1', 1), dispatch('d2', 1, { serviceCode: 'A' }), dispatch('d1', 1)];
    const r = applyPulledPage(db(), 'dispatch', page, 'c1', now());
    expect(r).toMatchObject({ applied: 2, skipped: 1 });
    expect(r.topics).toEqual(['requests', 'sync']);
    applyPulledPage(db(), 'dispatch', page, 'c2', now());
    expect(countyRequests()).toBe(2);

    const detail = await f.ok('requests.get', { id: requestOf('d1') }, f.desk);
    expect(detail).toMatchObject({ channel: 'county', mode: 'escalated', status: 'received', originRef: 'XJ-d1', department: '城管中队', dueDate: '2026-11-30' });
    expect(detail.description).toContain('楼道堆物清理');
    expect(detail.steps.map((s) => [s.action, s.userName])).toEqual([['received', '县级平台']]);
    // serviceCode A is our 低保咨询 (prefix A); no code → the inactive 县级平台交办 service.
    expect((await f.ok('requests.get', { id: requestOf('d2') })).serviceId).toBe(f.serviceId);
    expect(detail.serviceName).toBe('县级平台交办');
    // The county hears of the new local request (its status change goes to the outbox).
    expect(db().prepare(`SELECT count(*) n FROM outbox WHERE stream = 'requests' AND record_id = ?`).get(requestOf('d1'))).toEqual({ n: 1 });
    // The county's account can never sign in.
    expect(db().prepare(`SELECT disabled FROM users WHERE id = ?`).get(COUNTY_USER_ID)).toEqual({ disabled: 1 });
    expect((await f.call({ sessionId: null }, 'session.login', { username: 'system-county', password: '!' })).ok).toBe(false);
  });

  it('a later revision changes only the county’s fields and is kept as a step; the desk’s handling stays', async () => {
    applyPulledPage(db(), 'dispatch', [dispatch('d1', 1)], 'c1', now());
    const id = requestOf('d1');
    await f.ok('requests.start', { id, note: '已联系楼长' }, f.desk);
    applyPulledPage(db(), 'dispatch', [dispatch('d1', 2, { dueDate: '2026-12-04', department: '街道办' })], 'c2', now());
    const after = await f.ok('requests.get', { id });
    expect(after).toMatchObject({ status: 'in_progress', dueDate: '2026-12-04', department: '街道办' });
    const last = after.steps[after.steps.length - 1]!;
    expect(last).toMatchObject({ action: 'county_update', status: 'in_progress', userName: '县级平台' });
    expect(last.note).toContain('2026-11-30 改为 2026-12-04');
    expect(last.note).toContain('街道办');
  });

  it('withdrawn while open: the request is voided with 县级平台撤回', async () => {
    applyPulledPage(db(), 'dispatch', [dispatch('d1', 1)], 'c1', now());
    const id = requestOf('d1');
    applyPulledPage(db(), 'dispatch', [dispatch('d1', 2, { state: 'withdrawn' })], 'c2', now());
    const after = await f.ok('requests.get', { id });
    expect(after.status).toBe('void');
    expect(after.steps[after.steps.length - 1]).toMatchObject({ action: 'voided', status: 'void', note: '县级平台撤回' });
    expect(db().prepare(`SELECT username FROM audit_log WHERE action = 'request.void' AND target_id = ?`).all(id)).toEqual([{ username: '县级平台' }]);
  });

  it('withdrawn after the desk resolved it: it stays resolved and the conflict is in its history', async () => {
    applyPulledPage(db(), 'dispatch', [dispatch('d1', 1)], 'c1', now());
    const id = requestOf('d1');
    await f.ok('requests.resolve', { id, resolution: '已清理完毕' }, f.desk);
    applyPulledPage(db(), 'dispatch', [dispatch('d1', 3, { state: 'withdrawn' }), dispatch('d1', 2)], 'c2', now());
    const after = await f.ok('requests.get', { id });
    expect(after.status).toBe('resolved');
    const last = after.steps[after.steps.length - 1]!;
    expect(last).toMatchObject({ action: 'county_update', status: 'resolved' });
    expect(last.note).toContain('县级平台撤回');
    expect(last.note).toContain('保持原状');
  });

  it('still arrives when a person already has the username system-county', async () => {
    await f.ok('users.create', { username: 'system-county', displayName: '张三', role: 'desk', password: PASSWORD });
    expect(applyPulledPage(db(), 'dispatch', [dispatch('d1', 1)], 'c1', now()).applied).toBe(1);
    expect((await f.ok('requests.get', { id: requestOf('d1') })).steps[0]!.userName).toBe('县级平台');
  });

  it('a dispatch withdrawn before it ever arrived makes no request', () => {
    expect(applyPulledPage(db(), 'dispatch', [dispatch('d9', 2, { state: 'withdrawn' })], 'c1', now()).applied).toBe(1);
    expect(countyRequests()).toBe(0);
  });

  it('a full page of 500 dispatches applies in one short transaction', () => {
    const page = Array.from({ length: 500 }, (_, i) => dispatch(`p${i}`, 1));
    const start = performance.now();
    expect(applyPulledPage(db(), 'dispatch', page, 'c1', now()).applied).toBe(500);
    const ms = performance.now() - start;
    console.info(`500 dispatches: ${ms.toFixed(1)} ms`);
    expect(countyRequests()).toBe(500);
    expect(ms).toBeLessThan(1_000);
  });
});
