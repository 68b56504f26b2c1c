import tls from 'node:tls';
import { EnvHttpProxyAgent, ProxyAgent, request, type Dispatcher } from 'undici';
import type { SyncError } from '../../../../shared/contract';
import type { ProxyResolver } from './engine';
import { errorBody, HEADERS, LIMITS } from './protocol';
import { signRequest, verifyResponse } from './signing';

/** Where and as whom to call: the saved settings, or the ones 测试连接 tries. */
export interface CountyTarget {
  endpoint: string;
  centreCode: string;
  credential: string;
  caPem: string | null;
}

/** Why a call to the county failed, in the words the sync page maps to a sentence. Never holds the credential. */
export class SyncFailure extends Error {
  constructor(
    readonly code: SyncError,
    readonly detail: string | null,
    readonly retryable: boolean,
    readonly extra: { skewMinutes?: number; retryAfterMs?: number; countyCode?: string } = {},
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'SyncFailure';
  }
}

/** A body already serialised (push builds it while measuring each entry), sent as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

export interface CountyHttp {
  /** A signed call; resolves with the verified JSON of a 2xx answer, or throws a SyncFailure. */
  call(target: CountyTarget, method: 'GET' | 'POST', pathWithQuery: string, body?: unknown, signal?: AbortSignal): Promise<unknown>;
  close(): Promise<void>;
}

export function syncTimeoutMs(): number {
  const v = Number(process.env.LIANXIN_SYNC_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 15_000;
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR']);
/** A TLS handshake with something that does not speak TLS (or an old one): not the county's server. */
const NOT_TLS = /^(ERR_SSL_|EPROTO$)/;

/** Maps a thrown network error (undici wraps the socket's error in `cause`) to a SyncFailure. */
export function failureOfError(e: unknown): SyncFailure {
  const chain: { code?: string; name?: string; message?: string }[] = [];
  for (let x: unknown = e, i = 0; x && typeof x === 'object' && i < 5; x = (x as { cause?: unknown }).cause, i++) chain.push(x as never);
  const codes = chain.map((x) => x.code ?? '');
  const names = chain.map((x) => x.name ?? '');
  const first = chain[0];
  const detail = `${codes.find((c) => c) ?? first?.name ?? 'error'}${first?.message ? ` ${first.message}` : ''}`.slice(0, 300);
  if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) return new SyncFailure('certificate_mismatch', detail, false);
  if (codes.some((c) => UNTRUSTED.has(c))) return new SyncFailure('untrusted_certificate', detail, false);
  if (codes.some((c) => NOT_TLS.test(c))) return new SyncFailure('not_county', detail, false);
  if (codes.some((c) => TIMEOUTS.has(c)) || names.includes('TimeoutError') || names.includes('AbortError')) return new SyncFailure('timeout', detail, true);
  return new SyncFailure('unreachable', detail, true);
}

/** Electron's answer ("PROXY host:port; DIRECT") → the proxy's URL, or null for direct. */
export function proxyFromPac(answer: string | null): string | null {
  const first = answer?.split(';')[0]?.trim() ?? '';
  const m = /^(PROXY|HTTPS)\s+(\S+)$/i.exec(first);
  if (!m) return null;
  return `${m[1]!.toUpperCase() === 'HTTPS' ? 'https' : 'http'}://${m[2]}`;
}

export function createCountyHttp(opts: { resolveProxy?: ProxyResolver; timeoutMs?: number; now?: () => number } = {}): CountyHttp {
  const now = opts.now ?? Date.now;
  let cached: { key: string; dispatcher: Dispatcher } | null = null;

  async function dispatcherFor(target: CountyTarget, url: URL): Promise<Dispatcher> {
    let proxy: string | null = null;
    if (opts.resolveProxy) {
      try {
        proxy = proxyFromPac(await opts.resolveProxy(url.toString()));
      } catch {
        proxy = null;
      }
    }
    const key = `${proxy ?? 'env'}\n${target.caPem ?? ''}`;
    if (cached?.key === key) return cached.dispatcher;
    const old = cached?.dispatcher;
    const timeout = opts.timeoutMs ?? syncTimeoutMs();
    const ca = target.caPem ? [...tls.rootCertificates, target.caPem] : undefined;
    const connect = { ...(ca ? { ca } : {}), timeout: Math.min(timeout, 10_000) };
    const common = { connect, headersTimeout: timeout, bodyTimeout: timeout, keepAliveTimeout: 10_000 };
    const dispatcher = proxy
      ? new ProxyAgent({ ...common, uri: proxy, requestTls: ca ? { ca } : undefined })
      : new EnvHttpProxyAgent({ ...common, ...(ca ? { requestTls: { ca } } : {}) });
    cached = { key, dispatcher };
    if (old) void old.close().catch(() => undefined);
    return dispatcher;
  }

  async function once(target: CountyTarget, method: 'GET' | 'POST', pathWithQuery: string, body: Buffer | null, signal?: AbortSignal) {
    const base = new URL(target.endpoint);
    const url = new URL(base.pathname.replace(/\/+$/, '') + pathWithQuery, base);
    const signedPath = url.pathname + url.search;
    const payload = body ?? Buffer.alloc(0);
    const headers = signRequest({ credential: target.credential, centre: target.centreCode, method, pathWithQuery: signedPath, body: payload, now: now() });
    const nonce = headers[HEADERS.nonce]!;
    const timeout = opts.timeoutMs ?? syncTimeoutMs();
    const deadline = AbortSignal.timeout(timeout);
    const dispatcher = await dispatcherFor(target, url);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method,
        dispatcher,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}), accept: 'application/json' },
        body: body ?? undefined,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
    } catch (e) {
      if (signal?.aborted) throw new SyncFailure('timeout', 'stopped', true);
      throw failureOfError(e);
    }
    const raw = await readCapped(res, signal);
    return { status: res.statusCode, headers: res.headers, raw, nonce };
  }

  async function readCapped(res: Dispatcher.ResponseData, signal?: AbortSignal): Promise<Buffer> {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > LIMITS.bodyMaxBytes) {
      res.body.destroy();
      throw new SyncFailure('bad_response', `body of ${declared} bytes`, true);
    }
    const parts: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > LIMITS.bodyMaxBytes) {
          res.body.destroy();
          throw new SyncFailure('bad_response', `body over ${LIMITS.bodyMaxBytes} bytes`, true);
        }
        parts.push(chunk as Buffer);
      }
    } catch (e) {
      if (e instanceof SyncFailure) throw e;
      if (signal?.aborted) throw new SyncFailure('timeout', 'stopped', true);
      throw failureOfError(e);
    }
    return Buffer.concat(parts);
  }

  function interpret(target: CountyTarget, r: { status: number; headers: Record<string, string | string[] | undefined>; raw: Buffer; nonce: string }): unknown {
    const { status, raw } = r;
    const type = String(r.headers['content-type'] ?? '').toLowerCase();
    if (status >= 300 && status < 400) return fail('not_county', `redirect ${status} to ${String(r.headers.location ?? '').slice(0, 200)}`, false);
    if (type.includes('text/html')) return fail(status >= 500 ? 'server_error' : 'not_county', `HTTP ${status} HTML`, status >= 500);
    let json: unknown;
    try {
      json = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    } catch {
      if (status >= 500) return fail('server_error', `HTTP ${status}`, true);
      return fail(status >= 200 && status < 300 ? 'bad_response' : 'not_county', `HTTP ${status}, body not JSON`, status < 300);
    }
    if (status >= 200 && status < 300) {
      const sig = r.headers[HEADERS.signature];
      if (!verifyResponse(target.credential, status, r.nonce, raw, typeof sig === 'string' ? sig : undefined)) {
        return fail('not_county', 'response not signed by the county', false);
      }
      if (json === undefined) return fail('bad_response', 'empty body', true);
      return json;
    }
    const err = errorBody.safeParse(json);
    const retryAfterMs = retryAfter(r.headers['retry-after']);
    if (status === 429 || status >= 500) return fail('server_error', `HTTP ${status}${err.success ? ` ${err.data.error.code}` : ''}`, true, { retryAfterMs });
    if (!err.success) return fail('not_county', `HTTP ${status}`, false);
    const code = err.data.error.code;
    const extra = { countyCode: code };
    switch (code) {
      case 'bad_signature':
        return fail('bad_credential', null, false, extra);
      case 'credential_expired':
        return fail('credential_expired', null, false, extra);
      case 'unknown_centre':
        return fail('unknown_centre', target.centreCode, false, extra);
      case 'clock_skew': {
        const serverTime = err.data.error.serverTime;
        const skewMinutes = serverTime === undefined ? undefined : Math.round((now() - serverTime) / 60_000);
        return fail('clock_skew', skewMinutes === undefined ? null : `${skewMinutes} min`, false, { ...extra, skewMinutes });
      }
      case 'replayed':
        return fail('server_error', 'replayed', true, extra);
      case 'cursor_unknown':
        return fail('cursor_unknown', null, true, extra);
      default:
        return fail('bad_response', `HTTP ${status} ${code}`.slice(0, 200), false, extra);
    }
  }

  return {
    async call(target, method, pathWithQuery, body, signal) {
      const payload = body === undefined ? null : Buffer.from(body instanceof RawJson ? body.text : JSON.stringify(body), 'utf8');
      // A nonce the county says it saw can only be a coincidence or a retry by a proxy: once more with a fresh one.
      for (let attempt = 0; ; attempt++) {
        const r = await once(target, method, pathWithQuery, payload, signal);
        try {
          return interpret(target, r);
        } catch (e) {
          if (attempt === 0 && e instanceof SyncFailure && e.extra.countyCode === 'replayed') continue;
          throw e;
        }
      }
    },
    async close() {
      const d = cached?.dispatcher;
      cached = null;
      await d?.close().catch(() => undefined);
    },
  };
}

function fail(code: SyncError, detail: string | null, retryable: boolean, extra?: SyncFailure['extra']): never {
  throw new SyncFailure(code, detail, retryable, extra);
}

function retryAfter(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  const n = Number(s);
  return s !== undefined && Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
}
