import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import {
  HALL_METHODS,
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  HTTP_SESSION_HEADER,
  MAX_BODY_BYTES,
  type ApiResult,
  type AppErrorValue,
  type ErrorCode,
} from '../../../shared/contract';
import type { Backend } from '../app';
import type { SessionSlot } from '../context';
import { LATEST_SCHEMA } from '../db/migrate';
import { CONTENT_SECURITY_POLICY, resolveStaticPath } from './staticFiles';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export interface WebHostOptions {
  backend: Backend;
  /** The built renderer (out/renderer); the API works without it. */
  staticRoot: string | null;
  host: string;
  port: number;
  /**
   * The hall listener for the centre's LAN (the TV's browser, the kiosk): only the public hall calls
   * and events; sessions are ignored, so nothing else — no login, no resident data — is reachable.
   */
  hallOnly?: boolean;
  /** Tests shorten these; the defaults suit a LAN with a slow old PC on it. */
  timeouts?: Partial<WebHostTimeouts>;
}

/**
 * A client that dribbles its headers or body (slowloris) would hold a connection for ever: Node cuts
 * it once the headers or the whole request take too long, checked every `checkIntervalMs`.
 */
export interface WebHostTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
  checkIntervalMs: number;
}
const DEFAULT_TIMEOUTS: WebHostTimeouts = { headersMs: 15_000, requestMs: 60_000, keepAliveMs: 5_000, checkIntervalMs: 5_000 };

export interface WebHost {
  url: string;
  port: number;
  /** Stops accepting, lets calls under way finish, ends event streams. Does not close the backend. */
  close(): Promise<void>;
}

/** Bound to every interface (the centre's LAN): the PC's own addresses are valid Host names too. */
function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    .map((a) => (a.family === 'IPv6' ? `[${a.address}]` : a.address));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end(data);
}

function refuse(res: http.ServerResponse, error: AppErrorValue) {
  sendJson(res, STATUS[error.code], { ok: false, error } satisfies ApiResult);
}

/**
 * Reads at most MAX_BODY_BYTES; resolves null (and reads nothing more) when the body is larger. The
 * caller answers 413 and closes the connection, so the rest of the body is never read.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        // Not req.destroy() here: that would drop the socket before the 413 could be sent.
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** How long, and how much more, a refused upload is read and thrown away before its connection is cut. */
const LINGER_MS = 1_000;
const LINGER_BYTES = 2 * 1024 * 1024;

/**
 * 413 with `Connection: close`, then a lingering close: the host stops sending but reads and throws
 * away what the client is still sending for at most a second or 2 MB, then cuts the connection. Cut at
 * once, the kernel answers the client's next bytes with a reset, which can wipe the 413 before the
 * client has read it; never cut, a client could make the host read a huge body to the end.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse) {
  const error: AppErrorValue = { code: 'BAD_REQUEST', key: 'error.tooLarge' };
  const socket = req.socket;
  res.on('finish', () => {
    // Node's own close for `Connection: close` (end, then destroy once the end is written): we destroy later.
    socket.removeListener('finish', socket.destroy);
    if (socket.destroyed) return;
    let discarded = 0;
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.on('close', () => clearTimeout(cut));
    socket.on('data', (c: Buffer) => {
      discarded += c.length;
      if (discarded > LINGER_BYTES) socket.destroy();
    });
    socket.resume();
  });
  sendJson(res, 413, { ok: false, error } satisfies ApiResult, { Connection: 'close' });
}

function sessionOf(req: http.IncomingMessage, hallOnly: boolean): string | null {
  if (hallOnly) return null;
  const h = req.headers[HTTP_SESSION_HEADER];
  return typeof h === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(h) ? h : null;
}

/**
 * The web host: the same backend as the desktop app, over HTTP + Server-Sent Events, serving the
 * built renderer. Bound to 127.0.0.1 unless told otherwise. A Host header that is not ours is
 * refused (a web page elsewhere cannot reach the API through DNS rebinding).
 */
export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { backend } = opts;
  const streams = new Set<http.ServerResponse>();
  let allowedHosts = new Set<string>();

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') return refuse(res, { code: 'BAD_REQUEST', key: 'error.badRequest' });
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return refuse(res, { code: 'BAD_REQUEST', key: 'error.badRequest' });
    const body = await readBody(req);
    if (body === null) return refuseTooLarge(req, res);
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, { code: 'BAD_REQUEST', key: 'error.badJson' });
      }
    }
    if (opts.hallOnly && !HALL_METHODS.has(method)) return refuse(res, { code: 'FORBIDDEN', key: 'error.forbidden' });
    const before = sessionOf(req, opts.hallOnly === true);
    const slot: SessionSlot = { sessionId: before };
    const result = await backend.dispatch(slot, method, input);
    const headers: Record<string, string> = {};
    if (slot.sessionId !== before) headers[HTTP_SESSION_HEADER] = slot.sessionId ?? '';
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result, headers);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    const slot: SessionSlot = { sessionId: sessionOf(req, opts.hallOnly === true) };
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      ...SECURITY_HEADERS,
    });
    res.write(': connected\n\n');
    const unsubscribe = backend.subscribe(slot, (name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    streams.add(res);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('close', end);
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, { code: 'BAD_REQUEST', key: 'error.badRequest' });
    const resolved = opts.staticRoot ? resolveStaticPath(opts.staticRoot, pathname) : null;
    const file = resolved?.ok ? resolved.filePath : null;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return res.end(opts.staticRoot ? '404' : '界面未构建：请先运行 npm run build / renderer not built: run npm run build');
    }
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': resolved!.ok ? resolved!.mimeType : 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }

  const timeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const server = http.createServer({ connectionsCheckingInterval: timeouts.checkIntervalMs }, (req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host.toLowerCase())) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('misdirected request');
    }
    let pathname: string;
    try {
      // The raw path: URL() would fold `..` segments away before the static check could refuse them.
      pathname = (req.url ?? '/').split(/[?#]/)[0]!;
    } catch {
      return refuse(res, { code: 'BAD_REQUEST', key: 'error.badRequest' });
    }
    if (pathname === '/healthz') return sendJson(res, 200, { ok: true, schemaVersion: LATEST_SCHEMA });
    if (pathname === HTTP_EVENTS_PATH) return handleEvents(req, res);
    if (pathname.startsWith(HTTP_API_PREFIX)) {
      handleCall(req, res, pathname.slice(HTTP_API_PREFIX.length)).catch((e: unknown) => {
        // The client went away mid-body, or a timeout cut it off: nobody is left to answer.
        if (req.destroyed && !res.headersSent) return;
        console.error('web host: request failed', e);
        if (!res.headersSent) refuse(res, { code: 'INTERNAL', key: 'error.internal' });
        else res.destroy();
      });
      return;
    }
    handleStatic(req, res, pathname);
  });
  server.requestTimeout = timeouts.requestMs;
  server.headersTimeout = timeouts.headersMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.maxHeadersCount = 50;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const port = (server.address() as AddressInfo).port;
      const names = new Set([opts.host, '127.0.0.1', 'localhost', '[::1]', ...lanAddresses(opts.host)]);
      allowedHosts = new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
      const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
      resolve({
        url,
        port,
        // Calls under way finish (each transaction is synchronous, so it is whole or not begun);
        // a connection still open after 5 s is cut.
        close: () =>
          new Promise<void>((res) => {
            const force = setTimeout(() => server.closeAllConnections(), 5_000);
            server.close(() => {
              clearTimeout(force);
              res();
            });
            for (const s of streams) s.end();
            server.closeIdleConnections();
          }),
      });
    });
  });
}
