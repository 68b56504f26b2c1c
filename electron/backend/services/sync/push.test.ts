import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCounty, type StartedCounty } from '../../../../tests/county/client';
import { enqueueOutbox } from '../outbox/outbox';
import { makeRequestsFixture, type RequestsFixture } from '../requests/testFixture';
import { encodeForPush } from './encode';
import { createCountyHttp, type CountyTarget } from './httpClient';
import { LIMITS } from './protocol';
import { pushBatch } from './push';

/** A batch of long texts is cut below the county's body limit instead of being refused whole. */
describe('push batches', () => {
  let county: StartedCounty;
  let f: RequestsFixture;
  const http = createCountyHttp({ timeoutMs: 10_000 });
  beforeAll(async () => {
    county = await startCounty({});
    f = await makeRequestsFixture();
  }, 60_000);
  afterAll(async () => {
    await http.close();
    f?.t.close();
    await county?.stop();
  });

  it('cuts a batch of 2,000-character descriptions under the body limit, and every entry still goes up once', async () => {
    const db = f.t.backend.db;
    const r = await f.ok('requests.create', { serviceId: f.serviceId, channel: 'window', description: '楼道灯坏了', mode: 'escalated', department: '街道城管科' } as never);
    const base = JSON.parse((db.prepare(`SELECT payload FROM outbox WHERE record_id = ? ORDER BY seq LIMIT 1`).get(r.id) as { payload: string }).payload) as object;
    db.transaction(() => {
      for (let i = 0; i < 600; i++) enqueueOutbox(db, f.t.clock.now(), { stream: 'requests', kind: 'request.status', recordId: r.id, payload: { ...base, description: `第${i}段`.padEnd(2000, '诉') } });
    })();
    const info = await county.control.info();
    const target: CountyTarget = { endpoint: county.url, centreCode: county.centreCode, credential: county.credential, caPem: null };
    const key = { idHashKey: info.idHashKey, idHashKeyId: info.idHashKeyId };
    const sizes: number[] = [];
    let after = 0;
    for (;;) {
      const b = await pushBatch({ db, http, target, key, encode: encodeForPush, now: () => f.t.clock.now() }, after);
      if (b.lastSeq === null) break;
      after = b.lastSeq;
      sizes.push(b.sent);
    }
    expect(sizes[0]).toBeLessThan(LIMITS.pushBatchMax);
    expect(sizes[0]! * 6_000).toBeLessThan(LIMITS.bodyMaxBytes);
    const total = (db.prepare(`SELECT count(*) n FROM outbox`).get() as { n: number }).n;
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    expect(db.prepare(`SELECT count(*) n FROM outbox WHERE sent_at IS NULL`).get()).toEqual({ n: 0 });
    const received = await county.control.received({ stream: 'requests' });
    expect(received.total).toBe(total);
    expect(received.entries.every((e) => e.deliveries === 1)).toBe(true);
  });
});
