import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS, LIMITS, helloResponse, pullResponse, pushResponse, type PushEntry } from '../../electron/backend/services/sync/protocol';
import { idNumberHash, signRequest, verifyResponse } from '../../electron/backend/services/sync/signing';
import { makeTestCertificates } from './certs';
import { countyControl, startCounty } from './client';
import { createCountyServer, type CountyServer } from './server';
import { DEFAULT_CENTRE } from './store';

/**
 * The reference county, in-process on loopback, called with real signed HTTP requests: it accepts,
 * de-duplicates and refuses exactly as docs/sync-protocol.md says, pages and forgets cursors, signs
 * its answers, and its faults repeat with the same seed.
 */
const OTHER = { code: 'OTHER-002', credential: 'other-centre-credential-0002', name: '幸福社区党群服务中心' };
const dirs: string[] = [];
const servers: CountyServer[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-county-test-'));
  dirs.push(d);
  return d;
};

async function start(o: Partial<Parameters<typeof createCountyServer>[0]> = {}) {
  const s = createCountyServer({ dataDir: tempDir(), centres: [{ ...DEFAULT_CENTRE }, OTHER], ...o });
  servers.push(s);
  return { s, url: await s.listen(0) };
}

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

type Call = { method?: 'GET' | 'POST'; path: string; body?: unknown; raw?: Buffer; centre?: typeof OTHER; now?: number; nonce?: string; tamper?: boolean; headers?: Record<string, string> };
type Answer = { status: number; json: Record<string, unknown>; raw: Buffer; signed: boolean; nonce: string };

/** A real signed request, as the centre's client makes it. */
async function call(url: string, c: Call): Promise<Answer> {
  const centre = c.centre ?? DEFAULT_CENTRE;
  const method = c.method ?? (c.body === undefined && !c.raw ? 'GET' : 'POST');
  const body = c.raw ?? (c.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(c.body)));
  const headers = signRequest({ credential: centre.credential, centre: centre.code, method, pathWithQuery: c.path, body, now: c.now ?? Date.now(), nonce: c.nonce });
  const sent = c.tamper ? Buffer.concat([body.subarray(0, -2), Buffer.from(' }')]) : body;
  const res = await fetch(url + c.path, { method, headers: { ...headers, 'content-type': 'application/json', ...c.headers }, body: method === 'POST' ? new Uint8Array(sent) : undefined });
  const raw = Buffer.from(await res.arrayBuffer());
  const nonce = headers[HEADERS.nonce]!;
  return { status: res.status, json: JSON.parse(raw.toString()) as Record<string, unknown>, raw, nonce, signed: verifyResponse(centre.credential, res.status, nonce, raw, res.headers.get(HEADERS.signature) ?? undefined) };
}
const errorCode = (a: Answer) => (a.json.error as { code: string }).code;

let n = 0;
function entry(over: Partial<PushEntry> = {}): PushEntry {
  n++;
  return {
    id: `entry-${n}-${Date.now()}`, stream: 'requests', kind: 'request.status', recordId: `req-${n}`, createdAt: 1796392800000 + n,
    payload: { number: `R20261204-${String(n).padStart(4, '0')}`, status: 'received', action: 'received', at: 1796392800000 + n, serviceId: 'svc-01', mode: 'escalated', channel: 'window', department: '民政局', dueDate: '2026-12-11' },
    ...over,
  };
}

describe('reference county: push', () => {
  let url: string;
  beforeAll(async () => ({ url } = await start()));

  it('answers hello, signed, with the county key', async () => {
    const a = await call(url, { path: '/v1/hello' });
    expect(a.status).toBe(200);
    expect(a.signed).toBe(true);
    const hello = helloResponse.parse(a.json);
    expect(hello).toMatchObject({ county: '示范县', centreCode: 'DEMO-001', centreName: '连心社区党群服务中心' });
    expect(Buffer.from(hello.idHashKey, 'base64')).toHaveLength(32);
    // A base URL with a path prefix works: the signed path is the full one.
    expect((await call(url, { path: '/lianxin/v1/hello' })).status).toBe(200);
  });

  it('accepts a good entry, says duplicate for the same one again, and rejects the same id with other content', async () => {
    const e = entry();
    const first = await call(url, { path: '/v1/push', body: { entries: [e] } });
    expect(first.signed).toBe(true);
    expect(pushResponse.parse(first.json).results).toEqual([{ id: e.id, status: 'accepted' }]);
    // Same content with keys in another order is still the same entry.
    const payloadReversed = Object.fromEntries(Object.entries(e.payload as object).reverse());
    const reordered = { payload: payloadReversed, createdAt: e.createdAt, recordId: e.recordId, kind: e.kind, stream: e.stream, id: e.id };
    expect((await call(url, { path: '/v1/push', body: { entries: [reordered] } })).json.results).toEqual([{ id: e.id, status: 'duplicate' }]);
    const changed = { ...e, payload: { ...(e.payload as object), status: 'resolved' } };
    const conflict = await call(url, { path: '/v1/push', body: { entries: [changed] } });
    expect(conflict.json.results).toEqual([expect.objectContaining({ id: e.id, status: 'rejected', code: 'conflict' })]);
    const received = await countyControl(url).received({ stream: 'requests' });
    expect(received.entries.filter((r) => r.id === e.id)).toEqual([expect.objectContaining({ deliveries: 2, payload: e.payload, centre: 'DEMO-001' })]);
  });

  it('rejects an invalid entry with its reason and accepts the others of the batch', async () => {
    const good1 = entry();
    const bad = entry({ payload: { number: 'R-1', status: 'lost' } });
    const unknown = entry({ stream: 'weather' });
    const good2 = entry({ stream: 'figures', kind: 'figures.daily', recordId: '2026-12-03', payload: { date: '2026-12-03', ticketsIssued: 80, ticketsServed: 75, avgWaitMinutes: 6.5, requestsReceived: 9, requestsResolved: 7, appointmentsCompleted: 12, purchases: 30, discountFen: 4520 } });
    const a = await call(url, { path: '/v1/push', body: { entries: [good1, bad, unknown, good2] } });
    const results = pushResponse.parse(a.json).results;
    expect(results.map((r) => [r.id, r.status, 'code' in r ? r.code : null])).toEqual([
      [good1.id, 'accepted', null], [bad.id, 'rejected', 'invalid_payload'], [unknown.id, 'rejected', 'unknown_stream'], [good2.id, 'accepted', null],
    ]);
    expect((results[1] as { reason: string }).reason).toMatch(/status/);
    const ids = (await countyControl(url).received()).entries.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([good1.id, good2.id]));
    expect(ids).not.toContain(bad.id);
  });

  it('refuses bad batches as a whole: not JSON, too many entries, too large, no protocol header', async () => {
    expect(errorCode(await call(url, { path: '/v1/push', raw: Buffer.from('{"entries": [') }))).toBe('bad_request');
    const many = Array.from({ length: LIMITS.pushBatchMax + 1 }, () => entry());
    const tooMany = await call(url, { path: '/v1/push', body: { entries: many } });
    expect([tooMany.status, errorCode(tooMany)]).toEqual([400, 'bad_request']);
    const huge = await call(url, { path: '/v1/push', raw: Buffer.alloc(LIMITS.bodyMaxBytes + 10, 0x20) });
    expect([huge.status, errorCode(huge)]).toEqual([413, 'too_large']);
    const noProtocol = await call(url, { path: '/v1/hello', headers: { [HEADERS.protocol]: '2' } });
    expect([noProtocol.status, errorCode(noProtocol)]).toEqual([400, 'unsupported_protocol']);
  });

  it('refuses a tampered body, a replayed nonce, a stale timestamp, an unknown centre and an expired credential', async () => {
    const body = { entries: [entry()] };
    const tampered = await call(url, { path: '/v1/push', body, tamper: true });
    expect([tampered.status, errorCode(tampered)]).toEqual([401, 'bad_signature']);
    const wrongKey = await call(url, { path: '/v1/hello', centre: { ...DEFAULT_CENTRE, credential: 'not-the-credential' } });
    expect(errorCode(wrongKey)).toBe('bad_signature');

    const once = await call(url, { path: '/v1/hello', nonce: 'nonce-used-once-000001' });
    expect(once.status).toBe(200);
    const replay = await call(url, { path: '/v1/hello', nonce: 'nonce-used-once-000001' });
    expect([replay.status, errorCode(replay)]).toEqual([401, 'replayed']);

    const stale = await call(url, { path: '/v1/hello', now: Date.now() - LIMITS.clockSkewMs - 60_000 });
    expect([stale.status, errorCode(stale)]).toEqual([401, 'clock_skew']);
    expect(Math.abs((stale.json.error as { serverTime: number }).serverTime - Date.now())).toBeLessThan(5_000);

    const unknown = await call(url, { path: '/v1/hello', centre: { ...OTHER, code: 'NOPE-999' } });
    expect([unknown.status, errorCode(unknown)]).toEqual([401, 'unknown_centre']);

    expect((await call(url, { path: '/v1/hello', centre: OTHER })).status).toBe(200);
    await countyControl(url).expire(OTHER.code);
    const expired = await call(url, { path: '/v1/hello', centre: OTHER });
    expect([expired.status, errorCode(expired)]).toEqual([401, 'credential_expired']);
  });

  it('turns pushed card and request events into down records and dispatch status', async () => {
    const { url: u } = await start();
    const control = countyControl(u);
    const key = (await control.info()).idHashKey;
    const holderIdHash = idNumberHash(key, '11010519491231002x');
    const card = { cardNo: 'AX0000017', householdId: 'hh-1', status: 'active', validTo: '2027-12-03', at: 1796392800000, holderIdHash, idHashKeyId: 'k' };
    const [d] = await control.dispatch({ count: 1 });
    const entries = [
      entry({ stream: 'cards', kind: 'issued', recordId: 'card-1', payload: card }),
      entry({ stream: 'cards', kind: 'revoked', recordId: 'card-1', payload: { ...card, status: 'revoked', at: 1796392900000 } }),
      entry({ payload: { ...(entry().payload as object), status: 'resolved', action: 'resolved', channel: 'county', originRef: d!.ref } }),
    ];
    expect((await call(u, { path: '/v1/push', body: { entries } })).json.results).toEqual(entries.map((e) => ({ id: e.id, status: 'accepted' })));
    const pull = async (stream: string, centre = DEFAULT_CENTRE) => pullResponse.parse((await call(u, { path: `/v1/pull?stream=${stream}`, centre })).json).records;
    expect(await pull('revocations')).toEqual([expect.objectContaining({ cardNo: 'AX0000017', centreCode: 'DEMO-001', revokedAt: 1796392900000, rev: 1, version: 1 })]);
    expect(await pull('otherCards')).toEqual([]); // not the centre's own card
    expect(await pull('otherCards', OTHER)).toEqual([expect.objectContaining({ idHash: holderIdHash, cardNo: 'AX0000017', centreCode: 'DEMO-001' })]);
    expect(await control.dispatchStatus(d!.ref)).toMatchObject({ knownStatus: 'resolved' });
  });
});

describe('reference county: pull', () => {
  it('pages by cursor, says more, and answers 410 cursor_unknown after forgetCursors', async () => {
    const { url } = await start();
    const control = countyControl(url);
    const empty = pullResponse.parse((await call(url, { path: '/v1/pull?stream=dispatch' })).json);
    expect(empty).toEqual({ stream: 'dispatch', records: [], cursor: null, more: false });
    const sent = await control.dispatch({ count: 7 });
    await control.dispatch({ centre: OTHER.code, count: 2 }); // not ours
    const pages: { ids: string[]; more: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/pull?stream=dispatch&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const a = await call(url, { path });
      expect(a.signed).toBe(true);
      const page = pullResponse.parse(a.json);
      pages.push({ ids: page.records.map((r) => (r as { id: string }).id), more: page.more });
      cursor = page.cursor;
      if (!page.more) break;
    } while (pages.length < 10);
    expect(pages.map((p) => [p.ids.length, p.more])).toEqual([[3, true], [3, true], [1, false]]);
    expect(pages.flatMap((p) => p.ids)).toEqual(sent.map((d) => d.id));
    // Nothing new: same position, no records.
    const again = pullResponse.parse((await call(url, { path: `/v1/pull?stream=dispatch&cursor=${cursor}` })).json);
    expect(again).toMatchObject({ records: [], cursor, more: false });
    // A withdrawal is the same id with a higher rev.
    await control.withdraw(sent[0]!.ref);
    const w = pullResponse.parse((await call(url, { path: `/v1/pull?stream=dispatch&cursor=${cursor}` })).json);
    expect(w.records).toEqual([expect.objectContaining({ id: sent[0]!.id, rev: 2, state: 'withdrawn', ref: sent[0]!.ref })]);

    await control.forgetCursors();
    const gone = await call(url, { path: `/v1/pull?stream=dispatch&cursor=${w.cursor}` });
    expect([gone.status, errorCode(gone), gone.signed]).toEqual([410, 'cursor_unknown', true]);
    expect(errorCode(await call(url, { path: '/v1/pull?stream=dispatch&cursor=bm90LWEtY3Vyc29y' }))).toBe('cursor_unknown');
    const restart = pullResponse.parse((await call(url, { path: '/v1/pull?stream=dispatch' })).json);
    expect(restart.records).toHaveLength(8);
    expect(errorCode(await call(url, { path: '/v1/pull?stream=weather' }))).toBe('unknown_stream');
    expect(errorCode(await call(url, { path: '/v1/pull?stream=dispatch&limit=501' }))).toBe('bad_request');
  });

  it('serves the roster, other cards and calendar from plain control input, hashed with the county key', async () => {
    const { url } = await start();
    const control = countyControl(url);
    const { idHashKey } = await control.info();
    await control.roster([{ idNumber: '110105194912310021', householdSize: 3, validFrom: '2026-01-01', validTo: '2026-12-31' }]);
    await control.calendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    const roster = pullResponse.parse((await call(url, { path: '/v1/pull?stream=roster' })).json).records;
    expect(roster).toEqual([expect.objectContaining({ idHash: idNumberHash(idHashKey, '110105194912310021'), householdSize: 3, removed: false })]);
    expect(JSON.stringify(roster)).not.toContain('110105194912310021');
    expect(pullResponse.parse((await call(url, { path: '/v1/pull?stream=calendar' })).json).records).toEqual([expect.objectContaining({ date: '2027-01-01', kind: 'holiday', name: '元旦' })]);
  });
});

describe('reference county: faults and bad-endpoint modes', () => {
  async function outcomes(seed: number) {
    const { url } = await start({ seed, faults: { drop: 0.2, error500: 0.15, error503: 0.15 } });
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      try {
        seen.push(String((await call(url, { path: '/v1/hello' })).status));
      } catch {
        seen.push('dropped');
      }
    }
    return seen;
  }

  it('repeats the same faults with the same seed', async () => {
    const a = await outcomes(42);
    const b = await outcomes(42);
    const c = await outcomes(7);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set(['200', '500', '503', 'dropped']));
  });

  it('loses the answer after committing a push; the resend is a duplicate', async () => {
    const { url } = await start({ faults: { lost: 1 } });
    const e = entry();
    await expect(call(url, { path: '/v1/push', body: { entries: [e] } })).rejects.toThrow();
    const control = countyControl(url);
    expect((await control.received()).entries.map((r) => r.id)).toEqual([e.id]);
    await control.resetFaults();
    expect((await call(url, { path: '/v1/push', body: { entries: [e] } })).json.results).toEqual([{ id: e.id, status: 'duplicate' }]);
  });

  it('repeats and reorders pull deliveries, yet a client applying by (id, rev) ends with every record once', async () => {
    const { url } = await start({ seed: 3, faults: { duplicatePull: 0.7, reorderPull: 0.7, slow: 0.3 } });
    const sent = await countyControl(url).dispatch({ count: 40 });
    const applied = new Map<string, number>();
    let deliveries = 0;
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const path: string = `/v1/pull?stream=dispatch&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = pullResponse.parse((await call(url, { path })).json);
      expect(page.records.length).toBeLessThanOrEqual(10);
      for (const r of page.records as { id: string; rev: number }[]) {
        deliveries++;
        if ((applied.get(r.id) ?? 0) < r.rev) applied.set(r.id, r.rev);
      }
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect([...applied.keys()].sort()).toEqual(sent.map((d) => d.id).sort());
    expect(deliveries).toBeGreaterThan(sent.length);
  });

  it('answers like something that is not a county server in the bad modes', async () => {
    const { url } = await start();
    const control = countyControl(url);
    const raw = async () => {
      const headers = signRequest({ credential: DEFAULT_CENTRE.credential, centre: DEFAULT_CENTRE.code, method: 'GET', pathWithQuery: '/v1/hello', body: '', now: Date.now() });
      return fetch(`${url}/v1/hello`, { headers, redirect: 'manual' });
    };
    await control.mode('html');
    expect((await raw()).headers.get('content-type')).toMatch(/text\/html/);
    await control.mode('redirect');
    const r = await raw();
    expect([r.status, r.headers.get('location')]).toEqual([302, '/v1/hello']);
    await control.mode('huge');
    expect((await (await raw()).arrayBuffer()).byteLength).toBeGreaterThan(LIMITS.bodyMaxBytes);
    await control.mode('normal');
    await control.clockOffsetMs(-20 * 60_000);
    expect(errorCode(await call(url, { path: '/v1/hello' }))).toBe('clock_skew');
  });
});

describe('reference county: TLS and the CLI', () => {
  it('serves HTTPS with a test CA: trusted with the CA, refused without it', async () => {
    const certs = makeTestCertificates(tempDir(), { hostname: '127.0.0.1' });
    const { url } = await start({ tls: { certFile: certs.certFile, keyFile: certs.keyFile } });
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:/);
    const get = (ca?: string) =>
      new Promise<number>((resolve, reject) => {
        const headers = signRequest({ credential: DEFAULT_CENTRE.credential, centre: DEFAULT_CENTRE.code, method: 'GET', pathWithQuery: '/v1/hello', body: '', now: Date.now() });
        https.get(`${url}/v1/hello`, { headers, ca }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        }).on('error', reject);
      });
    expect(await get(certs.caPem)).toBe(200);
    await expect(get()).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });

  it('runs as `npm run county`, prints its address and keeps its data across a restart', async () => {
    const dataDir = tempDir();
    const county = await startCounty({ dataDir });
    const e = entry();
    expect((await call(county.url, { path: '/v1/push', body: { entries: [e] } })).json.results).toEqual([{ id: e.id, status: 'accepted' }]);
    const key = (await county.control.info()).idHashKey;
    await county.kill();
    const again = await startCounty({ dataDir });
    try {
      expect((await again.control.info()).idHashKey).toBe(key);
      expect((await call(again.url, { path: '/v1/push', body: { entries: [e] } })).json.results).toEqual([{ id: e.id, status: 'duplicate' }]);
      expect((await again.control.stats()).requests).toBe(1);
    } finally {
      await again.stop();
    }
  });
});
