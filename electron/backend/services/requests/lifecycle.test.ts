import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../../../shared/contract';
import { makeRequestsFixture, type RequestsFixture } from './testFixture';

type Status = RequestDetail['status'];
type Action = 'start' | 'resolve' | 'feedback' | 'void' | 'reroute';

/**
 * The whole transition table, written out by hand: from each status, each action either gives the
 * status on the right or is refused with the key on the right (SPEC §3.5).
 */
const TABLE: Record<Status, Record<Action, { to: Status } | { refused: string }>> = {
  received: {
    start: { to: 'in_progress' },
    resolve: { to: 'resolved' },
    feedback: { refused: 'request.feedback.notResolved' },
    void: { to: 'void' },
    reroute: { to: 'assigned' },
  },
  assigned: {
    start: { to: 'in_progress' },
    resolve: { to: 'resolved' },
    feedback: { refused: 'request.feedback.notResolved' },
    void: { to: 'void' },
    reroute: { to: 'assigned' },
  },
  in_progress: {
    start: { refused: 'request.start.alreadyStarted' },
    resolve: { to: 'resolved' },
    feedback: { refused: 'request.feedback.notResolved' },
    void: { to: 'void' },
    reroute: { to: 'in_progress' },
  },
  resolved: {
    start: { refused: 'request.start.finished' },
    resolve: { refused: 'request.resolve.alreadyResolved' },
    feedback: { to: 'closed' },
    void: { to: 'void' },
    reroute: { refused: 'request.reroute.finished' },
  },
  closed: {
    start: { refused: 'request.start.finished' },
    resolve: { refused: 'request.resolve.alreadyResolved' },
    feedback: { refused: 'request.feedback.closed' },
    void: { to: 'void' },
    reroute: { refused: 'request.reroute.finished' },
  },
  void: {
    start: { refused: 'request.transition.voided' },
    resolve: { refused: 'request.transition.voided' },
    feedback: { refused: 'request.transition.voided' },
    void: { refused: 'request.void.already' },
    reroute: { refused: 'request.transition.voided' },
  },
};

describe('request lifecycle: every transition', () => {
  let f: RequestsFixture;
  beforeAll(async () => {
    f = await makeRequestsFixture();
  });
  afterAll(() => f.t.close());

  /** A fresh request brought to `status` through the API. */
  async function requestIn(status: Status): Promise<string> {
    const r = await f.ok('requests.create', { serviceId: f.serviceId, channel: 'window', description: '咨询低保申请', mode: 'immediate' });
    expect(r.status).toBe('received');
    const id = r.id;
    if (status === 'received') return id;
    if (status === 'assigned') {
      await f.ok('requests.reroute', { id, mode: 'assigned', assigneeStaffId: f.staffId });
    } else if (status === 'in_progress') {
      await f.ok('requests.start', { id });
    } else if (status === 'resolved' || status === 'closed') {
      await f.ok('requests.resolve', { id, resolution: '已解答' });
      if (status === 'closed') await f.ok('requests.feedback', { id, satisfaction: 'satisfied' });
    } else if (status === 'void') {
      await f.ok('requests.void', { id, reason: '登记错了' });
    }
    expect((await f.ok('requests.get', { id })).status).toBe(status);
    return id;
  }

  const run = (action: Action, id: string) => {
    switch (action) {
      case 'start':
        return f.call(f.t.admin, 'requests.start', { id, note: '开始' });
      case 'resolve':
        return f.call(f.t.admin, 'requests.resolve', { id, resolution: '已办好' });
      case 'feedback':
        return f.call(f.t.admin, 'requests.feedback', { id, satisfaction: 'basic', note: '还行' });
      case 'void':
        return f.call(f.t.admin, 'requests.void', { id, reason: '重复登记' });
      case 'reroute':
        return f.call(f.t.admin, 'requests.reroute', { id, mode: 'escalated', department: '街道民政办', note: '转街道' });
    }
  };

  const cases = Object.entries(TABLE).flatMap(([from, actions]) =>
    Object.entries(actions).map(([action, expected]) => ({ from: from as Status, action: action as Action, expected })),
  );

  it.each(cases)('$action from $from', async ({ from, action, expected }) => {
    const id = await requestIn(from);
    const row = () => f.t.backend.db.prepare('SELECT * FROM requests WHERE id = ?').get(id);
    const before = { row: row(), steps: f.count('request_steps'), outbox: f.count('outbox') };
    const result = await run(action, id);
    if ('refused' in expected) {
      expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', key: expected.refused, params: { from, action } } });
      expect({ row: row(), steps: f.count('request_steps'), outbox: f.count('outbox') }).toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: true, value: { id, status: expected.to } });
      expect(f.count('request_steps')).toBeGreaterThan(before.steps);
      expect(f.count('outbox')).toBeGreaterThan(before.outbox);
    }
  });
});
