import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCounty } from '../../../../tests/county/client';
import { enqueueOutbox } from '../outbox/outbox';
import { makeRequestsFixture, type RequestsFixture } from '../requests/testFixture';

/**
 * The engine inside a real backend against the reference county (a separate process on loopback):
 * what the desk does reaches the county once, in the same words; what the county refuses is parked
 * and the rest flows; a dispatched request comes down once; sync off means no call at all.
 */
process.env.LIANXIN_SYNC_POLL_MS = '200';
process.env.LIANXIN_SYNC_BACKOFF_CEILING_MS = '300';
process.env.LIANXIN_SYNC_TIMEOUT_MS = '2000';

type County = Awaited<ReturnType<typeof startCounty>>;

async function until<T>(what: string, probe: () => T | Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let v = await probe();
  while (!ok(v)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(100);
    v = await probe();
  }
  return v;
}

describe('sync engine against the reference county', () => {
  let county: County;
  let countyDir: string;
  let f: RequestsFixture;
  const status = () => f.t.ok(f.t.admin, 'sync.status', {});
  const outbox = () =>
    f.t.backend.db.prepare(`SELECT id, stream, kind, record_id, payload, sent_at, parked_at, last_error FROM outbox ORDER BY seq`).all() as {
      id: string;
      stream: string;
      kind: string;
      record_id: string;
      payload: string;
      sent_at: number | null;
      parked_at: number | null;
      last_error: string | null;
    }[];
  const createRequests = async (n: number, tag: string) => {
    for (let i = 0; i < n; i++) {
      await f.ok('requests.create', { serviceId: f.serviceId, channel: 'window', description: `${tag} 第${i}件：小区路灯坏了`, mode: i % 2 ? 'immediate' : 'escalated', department: i % 2 ? null : '街道城管科' } as never);
    }
  };

  beforeAll(async () => {
    countyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-engine-county-'));
    county = await startCounty({ dataDir: countyDir });
    f = await makeRequestsFixture();
  }, 60_000);
  afterAll(async () => {
    f?.t.close();
    await county?.stop();
    fs.rmSync(countyDir, { recursive: true, force: true });
  });

  it('makes no network call at all while sync is off', async () => {
    await createRequests(3, '未开启');
    await f.t.ok(f.t.admin, 'sync.settings.save', { enabled: false, endpoint: county.url, centreCode: county.centreCode, credential: county.credential });
    await f.t.ok(f.t.admin, 'sync.now', {});
    await sleep(2_500);
    expect((await county.control.stats()).requests).toBe(0);
    expect(outbox().length).toBeGreaterThanOrEqual(3);
    expect(await status()).toMatchObject({ badge: 'off', pending: outbox().length, running: false });
  });

  it('tells a wrong credential apart in 测试连接, and connects with the right one', async () => {
    const wrong = await f.t.ok(f.t.admin, 'sync.testConnection', { endpoint: county.url, centreCode: county.centreCode, credential: 'not-the-credential' });
    expect(wrong).toMatchObject({ ok: false, error: 'bad_credential' });
    const right = await f.t.ok(f.t.admin, 'sync.testConnection', { endpoint: county.url, centreCode: county.centreCode, credential: '' });
    expect(right).toMatchObject({ ok: true, county: expect.any(String), centreName: expect.any(String) });
    const unknown = await f.t.ok(f.t.admin, 'sync.testConnection', { endpoint: county.url, centreCode: 'NOPE-999', credential: '' });
    expect(unknown).toMatchObject({ ok: false, error: 'unknown_centre' });
  });

  it('says how far the clock is off, and when the credential has expired', async () => {
    const cfg = { endpoint: county.url, centreCode: county.centreCode, credential: '' };
    await county.control.clockOffsetMs(17 * 60_000);
    try {
      const skew = await f.t.ok(f.t.admin, 'sync.testConnection', cfg);
      expect(skew).toMatchObject({ ok: false, error: 'clock_skew' });
      expect(Math.abs((skew as { skewMinutes: number }).skewMinutes)).toBe(17);
    } finally {
      await county.control.clockOffsetMs(0);
    }
    await county.control.addCentre({ code: 'OLD-001', credential: 'old-centre-credential-1' });
    await county.control.expire('OLD-001');
    const expired = await f.t.ok(f.t.admin, 'sync.testConnection', { ...cfg, centreCode: 'OLD-001', credential: 'old-centre-credential-1' });
    expect(expired).toMatchObject({ ok: false, error: 'credential_expired' });
  });

  it('sends every local change once, with the same content, and the badge ends 已同步', async () => {
    await createRequests(12, '开启后');
    await f.t.ok(f.t.admin, 'sync.settings.save', { enabled: true, endpoint: county.url, centreCode: county.centreCode, credential: '' });
    await until('synced', status, (s) => s.badge === 'synced' && s.pending === 0);
    const local = outbox();
    expect(local.length).toBeGreaterThanOrEqual(15);
    expect(local.every((e) => e.sent_at !== null && e.parked_at === null)).toBe(true);
    const received = await county.control.received();
    expect(received.total).toBe(local.length);
    const byId = new Map(received.entries.map((e) => [e.id, e]));
    for (const e of local) {
      expect(byId.get(e.id)).toMatchObject({ stream: e.stream, kind: e.kind, recordId: e.record_id, payload: JSON.parse(e.payload) as object });
      expect(byId.get(e.id)!.deliveries).toBe(1);
    }
    const activity = await f.t.ok(f.t.admin, 'sync.activity', {});
    expect(activity.log.filter((l) => l.direction === 'up').reduce((n, l) => n + l.count, 0)).toBe(local.length);
  });

  it('parks an entry the county rejects, with its reason, and the rest flows', async () => {
    const db = f.t.backend.db;
    const badId = db.transaction(() =>
      enqueueOutbox(db, f.t.clock.now(), { stream: 'requests', kind: 'request.status', recordId: 'no-such-request', payload: { number: 'R-1', status: 'lost' } }),
    )();
    await createRequests(4, '搁置后');
    await f.t.ok(f.t.admin, 'sync.now', {});
    const s = await until('parked', status, (x) => x.pending === 0 && x.parked === 1);
    expect(s.badge).toBe('synced');
    const bad = outbox().find((e) => e.id === badId)!;
    expect(bad.sent_at).toBeNull();
    expect(bad.parked_at).not.toBeNull();
    const activity = await f.t.ok(f.t.admin, 'sync.activity', {});
    expect(activity.parked).toEqual([expect.objectContaining({ direction: 'up', id: badId, stream: 'requests', code: expect.any(String), reason: expect.any(String) })]);
    expect(outbox().filter((e) => e.id !== badId).every((e) => e.sent_at !== null)).toBe(true);

    // Retried, it goes up again and is refused again: parked, never lost, never marked sent.
    await f.t.ok(f.t.admin, 'sync.retryParked', { direction: 'up', id: badId });
    await until('parked again', () => outbox().find((e) => e.id === badId)!, (e) => e.parked_at !== null);
    expect(outbox().find((e) => e.id === badId)!.sent_at).toBeNull();
  });

  it('brings a dispatched request down once', async () => {
    const sent = await county.control.dispatch({ count: 2 });
    await f.t.ok(f.t.admin, 'sync.now', {});
    const refs = () => f.t.backend.db.prepare(`SELECT origin_ref FROM requests WHERE channel = 'county' ORDER BY origin_ref`).pluck().all();
    await until('dispatches', refs, (r) => r.length === 2);
    await f.t.ok(f.t.admin, 'sync.now', {});
    await sleep(600);
    expect(refs()).toEqual(sent.map((d) => d.ref).sort());

    // The county forgets every cursor (a restore from backup): the stream starts again, nothing twice.
    await county.control.forgetCursors();
    const more = await county.control.dispatch({ count: 1 });
    await f.t.ok(f.t.admin, 'sync.now', {});
    await until('after the reset', refs, (r) => r.length === 3);
    await sleep(600);
    expect(refs()).toEqual([...sent, ...more].map((d) => d.ref).sort());
    const log = (await f.t.ok(f.t.admin, 'sync.activity', {})).log;
    expect(log.some((l) => l.stream === 'dispatch' && l.detail?.startsWith('cursor_unknown'))).toBe(true);
  });

  it('goes 离线 with the reason when the county is down, and catches up when it is back', async () => {
    await county.control.mode('html');
    await createRequests(1, '离线时');
    await f.t.ok(f.t.admin, 'sync.now', {});
    const off = await until('offline', status, (s) => s.badge === 'offline');
    expect(off.lastError).toMatchObject({ code: 'not_county' });
    await county.control.mode('normal');
    await until('caught up', status, (s) => s.badge === 'synced' && s.pending === 0);
  });

  it('abandons a hanging call when sync is switched off, without calling it a failure', async () => {
    await county.control.faults({ rates: { hang: 1 } });
    await createRequests(1, '挂起时');
    await f.t.ok(f.t.admin, 'sync.now', {});
    await sleep(400);
    const base = { endpoint: county.url, centreCode: county.centreCode, credential: '' };
    await f.t.ok(f.t.admin, 'sync.settings.save', { ...base, enabled: false });
    await sleep(2_500);
    expect(await status()).toMatchObject({ badge: 'off', lastError: null });
    await county.control.resetFaults();
    await f.t.ok(f.t.admin, 'sync.settings.save', { ...base, enabled: true });
    await until('caught up', status, (s) => s.badge === 'synced' && s.pending === 0);
  });
});
