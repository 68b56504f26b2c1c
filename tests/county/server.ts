import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import type { Socket, AddressInfo } from 'node:net';
import { DOWN_STREAMS, HEADERS, LIMITS, PROTOCOL_VERSION, checkUpPayload, pushEntry, type ErrorCode, type PushResult } from '../../electron/backend/services/sync/protocol';
import { signResponse, verifyRequest } from '../../electron/backend/services/sync/signing';
import { Faults, type FaultRates } from './faults';
import { DEFAULT_CENTRE, openCountyStore, type Centre, type CountyStore } from './store';
import { handleControl } from './control';

/**
 * The reference county endpoint (docs/sync-protocol.md): protocol v1 over node:http or node:https,
 * validating everything it receives, with faults and bad-endpoint modes on demand for tests.
 */
export type CountyMode = 'normal' | 'html' | 'redirect' | 'notjson' | 'huge';
export type CountyOptions = {
  dataDir: string;
  seed?: number;
  faults?: FaultRates;
  /** Added (or updated) at start; with none and an empty store, DEMO-001 is created. */
  centres?: { code: string; credential: string; name?: string }[];
  tls?: { certFile: string; keyFile: string };
  host?: string;
  log?: (line: string) => void;
};

export type CountyState = {
  store: CountyStore;
  faults: Faults;
  mode: CountyMode;
  clockOffsetMs: number;
  now: () => number;
  stats: { requests: number; hello: number; push: number; pull: number; refused: Record<string, number>; entries: Record<string, number>; pulledRecords: number };
};

type Reply = { status: number; body: Buffer; headers?: Record<string, string> };

const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({ status, body: Buffer.from(JSON.stringify(value)), headers });
const errorReply = (status: number, code: ErrorCode, message: string, extra?: Record<string, unknown>, headers?: Record<string, string>) =>
  json(status, { error: { code, message, ...extra } }, headers);

class Refusal extends Error {
  constructor(readonly reply: Reply) {
    super(reply.body.toString());
  }
}
const refuse = (status: number, code: ErrorCode, message: string, extra?: Record<string, unknown>): never => {
  throw new Refusal(errorReply(status, code, message, extra));
};

export function createCountyServer(opts: CountyOptions) {
  const store = openCountyStore(opts.dataDir);
  if (opts.centres?.length) for (const c of opts.centres) store.addCentre(c.code, c.credential, c.name ?? c.code);
  else if (store.centres().length === 0) store.addCentre(DEFAULT_CENTRE.code, DEFAULT_CENTRE.credential, DEFAULT_CENTRE.name);

  const state: CountyState = {
    store,
    faults: new Faults(opts.seed ?? 1, opts.faults ?? {}),
    mode: 'normal',
    clockOffsetMs: 0,
    now: () => Date.now() + state.clockOffsetMs,
    stats: { requests: 0, hello: 0, push: 0, pull: 0, refused: {}, entries: { accepted: 0, duplicate: 0, rejected: 0, conflict: 0 }, pulledRecords: 0 },
  };
  const sockets = new Set<Socket>();
  let lastPrune = 0;

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void serve(req, res).catch((e: unknown) => {
      opts.log?.(`county: internal error ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, errorReply(500, 'internal', 'internal error'));
      else res.destroy();
    });
  };
  const server = opts.tls
    ? https.createServer({ cert: fs.readFileSync(opts.tls.certFile), key: fs.readFileSync(opts.tls.keyFile) }, handler)
    : http.createServer(handler);
  // Longer than the client's 10 s, so the client closes idle connections first (no reset on reuse).
  server.keepAliveTimeout = 65_000;
  server.on(opts.tls ? 'secureConnection' : 'connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });

  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://county.invalid');
    if (url.pathname.startsWith('/control/')) {
      const body = await readBody(req, 64 * 1024 * 1024);
      return send(res, body === null ? errorReply(413, 'too_large', 'control body too large') : handleControl(state, req.method ?? 'GET', url, body));
    }
    const route = url.pathname.match(/\/v1\/(hello|push|pull)$/)?.[1];
    if (!route) return send(res, errorReply(404, 'bad_request', 'no such endpoint; the protocol has /v1/hello, /v1/push and /v1/pull'));
    state.stats.requests++;

    const fault = state.faults.beforeHandling();
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === 'hang') return; // never answered; the client times out, stop() destroys the socket
    if (fault === 'error500') return send(res, errorReply(500, 'internal', 'injected fault'));
    if (fault === 'error503') return send(res, errorReply(503, 'unavailable', 'injected fault', undefined, { 'retry-after': '1' }));
    if (state.mode !== 'normal') return badEndpoint(req, res);

    const nonce = header(req, HEADERS.nonce);
    let centre: Centre | undefined;
    let reply: Reply;
    let lost = false;
    try {
      const body = await readBody(req, LIMITS.bodyMaxBytes);
      if (header(req, HEADERS.protocol) !== String(PROTOCOL_VERSION)) refuse(400, 'unsupported_protocol', `${HEADERS.protocol} must be ${PROTOCOL_VERSION}`);
      centre = store.centre(header(req, HEADERS.centre) ?? '');
      if (!centre) refuse(401, 'unknown_centre', 'unknown centre code');
      if (body === null) refuse(413, 'too_large', `body over ${LIMITS.bodyMaxBytes} bytes`);
      const now = state.now();
      if (now - lastPrune > 60_000) {
        store.pruneNonces(now);
        lastPrune = now;
      }
      const v = verifyRequest({ credential: centre!.credential, method: req.method ?? '', pathWithQuery: req.url ?? '', headers: req.headers, body: body!, now, seenNonce: store.seenNonce });
      if (!v.ok) {
        if (v.failure === 'clock_skew') refuse(401, 'clock_skew', 'timestamp too far from the county clock', { serverTime: now });
        refuse(401, v.failure === 'replayed' ? 'replayed' : 'bad_signature', v.failure);
      }
      if (centre!.expires_at !== null && centre!.expires_at <= now) refuse(401, 'credential_expired', 'credential expired');
      if (route === 'hello') reply = hello(req, centre!, now);
      else if (route === 'push') {
        reply = push(req, centre!, body!, now);
        lost = reply.status === 200 && state.faults.lostAfterCommit();
      } else reply = pull(req, centre!, url);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      reply = e.reply;
      const code = (JSON.parse(e.reply.body.toString()) as { error: { code: string } }).error.code;
      state.stats.refused[code] = (state.stats.refused[code] ?? 0) + 1;
      if (e.reply.status === 413) reply.headers = { connection: 'close' };
    }
    if (lost) return void req.socket.destroy(); // committed, but the answer never arrives
    const signature = centre && nonce ? signResponse(centre.credential, reply.status, nonce, reply.body) : undefined;
    if (signature) reply.headers = { ...reply.headers, [HEADERS.signature]: signature };
    if (state.faults.slow()) return sendSlowly(res, reply);
    send(res, reply);
  }

  function hello(req: http.IncomingMessage, centre: Centre, now: number): Reply {
    if (req.method !== 'GET') refuse(405, 'bad_request', 'hello is GET');
    state.stats.hello++;
    return json(200, {
      protocol: PROTOCOL_VERSION, county: store.countyName(), centreCode: centre.code, centreName: centre.name, serverTime: now,
      idHashKey: store.idHashKey, idHashKeyId: store.idHashKeyId, streams: DOWN_STREAMS,
    });
  }

  function push(req: http.IncomingMessage, centre: Centre, body: Buffer, now: number): Reply {
    if (req.method !== 'POST') refuse(405, 'bad_request', 'push is POST');
    state.stats.push++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      refuse(400, 'bad_request', 'body is not JSON');
    }
    const entries = (parsed as { entries?: unknown } | null)?.entries;
    if (!Array.isArray(entries) || entries.length === 0) refuse(400, 'bad_request', 'entries must be a non-empty array');
    if ((entries as unknown[]).length > LIMITS.pushBatchMax) refuse(400, 'bad_request', `at most ${LIMITS.pushBatchMax} entries per push`);
    const results: PushResult[] = [];
    const good: { index: number; entry: Parameters<CountyStore['receiveBatch']>[1][number] }[] = [];
    for (const raw of entries as unknown[]) {
      const e = pushEntry.safeParse(raw);
      if (!e.success) {
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id !== 'string' || id.length === 0 || id.length > 64) refuse(400, 'bad_request', 'an entry without a usable id');
        const i = e.error.issues[0]!;
        results.push({ id: id as string, status: 'rejected', code: 'invalid_entry', reason: `${i.path.join('.') || 'entry'}: ${i.message}`.slice(0, 500) });
        continue;
      }
      const bad = checkUpPayload(e.data);
      if (bad) {
        results.push({ id: e.data.id, status: 'rejected', code: bad.code, reason: bad.reason.slice(0, 500) });
        continue;
      }
      good.push({ index: results.length, entry: e.data });
      results.push({ id: e.data.id, status: 'accepted' });
    }
    const outcomes = store.receiveBatch(centre, good.map((g) => g.entry), now);
    outcomes.forEach((o, k) => {
      const { index, entry } = good[k]!;
      results[index] = o === 'conflict'
        ? { id: entry.id, status: 'rejected', code: 'conflict', reason: 'this id was received before with different content' }
        : { id: entry.id, status: o };
    });
    for (const r of results) state.stats.entries[r.status === 'rejected' && r.code === 'conflict' ? 'conflict' : r.status]!++;
    return json(200, { results });
  }

  function pull(req: http.IncomingMessage, centre: Centre, url: URL): Reply {
    if (req.method !== 'GET') refuse(405, 'bad_request', 'pull is GET');
    state.stats.pull++;
    const stream = url.searchParams.get('stream') ?? '';
    if (!(DOWN_STREAMS as string[]).includes(stream)) refuse(404, 'unknown_stream', `unknown stream ${stream.slice(0, 40)}`);
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? LIMITS.pullPageMax : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.pullPageMax) refuse(400, 'bad_request', `limit must be 1..${LIMITS.pullPageMax}`);
    const cursorText = url.searchParams.get('cursor');
    let after = cursorText === null ? 0 : decodeCursor(cursorText, store.epoch(), store.maxSeq());
    const duplicate = state.faults.duplicatePull();
    // A duplicate delivery sometimes re-serves the previous page as a whole.
    if (duplicate && after > 0 && state.faults.next() < 0.5) after = store.seqBefore(stream, after, centre.code, limit);
    let rows = store.page(stream, after, centre.code, limit + 1);
    let more = rows.length > limit;
    rows = rows.slice(0, limit);
    let repeats: typeof rows = [];
    if (duplicate && rows.length > 0) {
      const k = Math.max(1, Math.floor(rows.length * 0.2));
      if (rows.length + k > limit) {
        rows = rows.slice(0, Math.max(1, limit - k));
        more = true;
      }
      repeats = rows.filter(() => state.faults.next() < 0.5).slice(0, Math.max(0, limit - rows.length));
      if (repeats.length === 0) repeats = [rows[0]!].slice(0, limit - rows.length);
    }
    const last = rows.length ? rows[rows.length - 1]!.seq : after;
    const page = [...rows, ...repeats].map((r) => JSON.parse(r.body) as unknown);
    if (state.faults.reorderPull()) state.faults.shuffle(page);
    state.stats.pulledRecords += page.length;
    const cursor = last === 0 && cursorText === null ? null : encodeCursor(last, store.epoch());
    return json(200, { stream, records: page, cursor, more });
  }

  function badEndpoint(req: http.IncomingMessage, res: http.ServerResponse) {
    req.resume();
    if (state.mode === 'html') return send(res, { status: 200, body: Buffer.from('<!doctype html><html><body><h1>欢迎访问</h1></body></html>'), headers: { 'content-type': 'text/html; charset=utf-8' } });
    if (state.mode === 'redirect') return send(res, { status: 302, body: Buffer.alloc(0), headers: { location: req.url ?? '/' } });
    if (state.mode === 'notjson') return send(res, { status: 200, body: Buffer.from('ok, not json {'), headers: {} });
    // huge: a JSON body well over the limit
    const filler = 'x'.repeat(1024);
    const parts = [Buffer.from('{"records":[')];
    for (let i = 0; i < (LIMITS.bodyMaxBytes / 1024) * 2; i++) parts.push(Buffer.from(`${i ? ',' : ''}"${filler}"`));
    parts.push(Buffer.from(']}'));
    send(res, { status: 200, body: Buffer.concat(parts) });
  }

  return {
    server,
    state,
    async listen(port = 0): Promise<string> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, opts.host ?? '127.0.0.1', () => resolve());
      });
      const a = server.address() as AddressInfo;
      const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      return `${opts.tls ? 'https' : 'http'}://${host}:${a.port}`;
    },
    async close(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      server.closeAllConnections?.();
      await closed;
      store.close();
    },
  };
}
export type CountyServer = ReturnType<typeof createCountyServer>;

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** The whole body, or null when it is over `max` bytes. */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, r: Reply) {
  res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(r.body.length), ...r.headers });
  res.end(r.body);
}

function sendSlowly(res: http.ServerResponse, r: Reply) {
  res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(r.body.length), ...r.headers });
  const size = Math.max(1, Math.ceil(r.body.length / 8));
  let at = 0;
  const tick = () => {
    if (res.destroyed) return;
    const end = Math.min(r.body.length, at + size);
    res.write(r.body.subarray(at, end));
    at = end;
    if (at >= r.body.length) res.end();
    else setTimeout(tick, 30);
  };
  tick();
}

export function encodeCursor(seq: number, epoch: number): string {
  return Buffer.from(JSON.stringify({ seq, epoch })).toString('base64url');
}

/** The seq a cursor stands for; 410 cursor_unknown when it is not one of ours or from before forgetCursors. */
function decodeCursor(text: string, epoch: number, maxSeq: number): number {
  let c: { seq?: unknown; epoch?: unknown } | null;
  try {
    c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { seq?: unknown; epoch?: unknown } | null;
  } catch {
    c = null;
  }
  const seq = c?.seq;
  if (!c || typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0 || seq > maxSeq || c.epoch !== epoch) refuse(410, 'cursor_unknown', 'cursor unknown; start the stream again without a cursor');
  return seq as number;
}
