import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { enqueueOutbox } from '../outbox/outbox';
import { pruneSent } from './push';

/** Only entries the county acknowledged more than 30 days ago are dropped; pending and parked ones stay. */
describe('outbox pruning', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await makeTestBackend();
  });
  afterAll(() => t.close());

  it('drops sent entries older than 30 days, in chunks, and nothing else', async () => {
    const db = t.backend.db;
    const now = t.clock.now();
    const day = 24 * 60 * 60_000;
    const add = (sentAt: number | null, parkedAt: number | null = null) => {
      const id = enqueueOutbox(db, now - 40 * day, { stream: 'requests', kind: 'request.status', recordId: 'r', payload: {} });
      db.prepare('UPDATE outbox SET sent_at = ?, parked_at = ? WHERE id = ?').run(sentAt, parkedAt, id);
      return id;
    };
    db.prepare('DELETE FROM outbox').run();
    const old = db.transaction(() => Array.from({ length: 4_500 }, () => add(now - 31 * day)))();
    const recent = add(now - 29 * day);
    const pending = add(null);
    const parked = add(null, now - 60 * day);
    expect(await pruneSent(db, now)).toBe(old.length);
    const left = (db.prepare('SELECT id FROM outbox ORDER BY seq').pluck().all() as string[]).sort();
    expect(left).toEqual([recent, pending, parked].sort());
  });
});
