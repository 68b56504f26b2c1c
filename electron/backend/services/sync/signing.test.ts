import { describe, expect, it } from 'vitest';
import { HEADERS, LIMITS } from './protocol';
import { idNumberHash, signRequest, signResponse, verifyRequest, verifyResponse } from './signing';

/** Request signing as the county checks it: a captured request can be neither altered nor replayed. */
const CREDENTIAL = 'county-credential-0001';
const NOW = Date.UTC(2026, 11, 4, 6, 0, 0);
const body = JSON.stringify({ entries: [{ id: 'e1', stream: 'requests' }] });

function countyCheck(seen = new Set<string>()) {
  return (headers: Record<string, string>, opts: { body?: string; now?: number; path?: string; method?: string; credential?: string } = {}) =>
    verifyRequest({
      credential: opts.credential ?? CREDENTIAL,
      method: opts.method ?? 'POST',
      pathWithQuery: opts.path ?? '/lx/v1/push',
      headers,
      body: opts.body ?? body,
      now: opts.now ?? NOW,
      seenNonce: (centre, nonce) => {
        const k = `${centre}/${nonce}`;
        const had = seen.has(k);
        seen.add(k);
        return had;
      },
    });
}

const signed = (over: Partial<Parameters<typeof signRequest>[0]> = {}) =>
  signRequest({ credential: CREDENTIAL, centre: 'DEMO-001', method: 'POST', pathWithQuery: '/lx/v1/push', body, now: NOW, ...over });

describe('request signing', () => {
  it('round-trips: the county accepts what the centre signed', () => {
    expect(countyCheck()(signed())).toEqual({ ok: true, centre: 'DEMO-001' });
  });

  it('refuses a tampered body, path, method, centre or a wrong credential as bad_signature', () => {
    const check = countyCheck();
    expect(check(signed(), { body: body.replace('e1', 'e2') })).toEqual({ ok: false, failure: 'bad_signature' });
    expect(check(signed(), { path: '/lx/v1/pull?stream=roster' })).toEqual({ ok: false, failure: 'bad_signature' });
    expect(check(signed(), { method: 'GET' })).toEqual({ ok: false, failure: 'bad_signature' });
    expect(check({ ...signed(), [HEADERS.centre]: 'OTHER-002' })).toEqual({ ok: false, failure: 'bad_signature' });
    expect(check(signed(), { credential: 'another-credential' })).toEqual({ ok: false, failure: 'bad_signature' });
  });

  it('refuses a replayed nonce, but a forged request cannot burn a real nonce', () => {
    const check = countyCheck();
    const h = signed();
    expect(check(h, { body: 'forged' })).toEqual({ ok: false, failure: 'bad_signature' });
    expect(check(h)).toEqual({ ok: true, centre: 'DEMO-001' });
    expect(check(h)).toEqual({ ok: false, failure: 'replayed' });
  });

  it('refuses a stale or future timestamp beyond the allowed skew', () => {
    const check = countyCheck();
    expect(check(signed({ now: NOW - LIMITS.clockSkewMs - 1 }))).toEqual({ ok: false, failure: 'clock_skew' });
    expect(check(signed({ now: NOW + LIMITS.clockSkewMs + 1 }))).toEqual({ ok: false, failure: 'clock_skew' });
    expect(check(signed({ now: NOW - LIMITS.clockSkewMs + 1000 }))).toEqual({ ok: true, centre: 'DEMO-001' });
  });

  it('refuses missing headers', () => {
    const h = signed();
    for (const name of [HEADERS.centre, HEADERS.timestamp, HEADERS.nonce, HEADERS.signature]) {
      const without = { ...h };
      delete without[name];
      expect(countyCheck()(without)).toEqual({ ok: false, failure: 'missing_headers' });
    }
  });

  it('binds the response to the status, the request nonce and the body', () => {
    const sig = signResponse(CREDENTIAL, 200, 'nonce-1', '{"results":[]}');
    expect(verifyResponse(CREDENTIAL, 200, 'nonce-1', '{"results":[]}', sig)).toBe(true);
    expect(verifyResponse(CREDENTIAL, 200, 'nonce-2', '{"results":[]}', sig)).toBe(false);
    expect(verifyResponse(CREDENTIAL, 201, 'nonce-1', '{"results":[]}', sig)).toBe(false);
    expect(verifyResponse(CREDENTIAL, 200, 'nonce-1', '{"results":[1]}', sig)).toBe(false);
    expect(verifyResponse(CREDENTIAL, 200, 'nonce-1', '{"results":[]}', undefined)).toBe(false);
  });

  it('hashes an ID number with the county key, upper-case X, never the number itself', () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    const h = idNumberHash(key, '11010519491231002x');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(idNumberHash(key, ' 11010519491231002X ')).toBe(h);
    expect(idNumberHash(Buffer.alloc(32, 8).toString('base64'), '11010519491231002X')).not.toBe(h);
  });
});
