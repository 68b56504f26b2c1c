import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_SESSION_HEADER, MAX_BODY_BYTES } from '../../../shared/contract';
import { makeTestBackend, PASSWORD, type TestBackend } from '../testSupport';
import { startWebHost, type WebHost } from './server';

/**
 * Issue 8: the web host over raw HTTP from a hostile or broken client — bad JSON, wrong types, bodies
 * past the limit, slowloris, a crowd of connections. Each is refused (typed, or cut off by a timeout)
 * and the host goes on serving. Timeouts are shortened so the slow cases take a second, not a minute.
 */
const TIMEOUTS = { headersMs: 1_000, requestMs: 2_000, keepAliveMs: 500, checkIntervalMs: 200 };

interface RawAnswer {
  /** Everything the server sent before it closed the connection. */
  text: string;
  closedAfterMs: number;
  /** Bytes of the request the client managed to hand to the socket before the server closed it. */
  sent: number;
}

describe('web host under abuse', () => {
  let t: TestBackend;
  let host: WebHost;
  let hostHeader: string;

  beforeAll(async () => {
    t = await makeTestBackend();
    host = await startWebHost({ backend: t.backend, staticRoot: null, host: '127.0.0.1', port: 0, timeouts: TIMEOUTS });
    hostHeader = `127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
    t.close();
  });

  const post = (method: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    fetch(`${host.url}/api/${method}`, { method: 'POST', headers, body });

  async function stillServes() {
    const res = await post('session.login', JSON.stringify({ username: 'admin', password: PASSWORD }));
    expect(res.status).toBe(200);
    expect(res.headers.get(HTTP_SESSION_HEADER)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  }

  /**
   * Opens a raw TCP connection, writes `head`, then `body` piece by piece (each after `gapMs`), and
   * collects what comes back until the server closes the connection.
   */
  function raw(head: string, opts: { pieces?: Buffer[]; gapMs?: number; timeoutMs?: number } = {}): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = net.connect(host.port, '127.0.0.1');
      const chunks: Buffer[] = [];
      let sent = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(guard);
        resolve({ text: Buffer.concat(chunks).toString('utf8'), closedAfterMs: Date.now() - started, sent });
      };
      const guard = setTimeout(() => {
        socket.destroy();
        reject(new Error(`server kept the connection open for ${opts.timeoutMs ?? 10_000} ms`));
      }, opts.timeoutMs ?? 10_000);
      socket.on('data', (c) => chunks.push(c));
      socket.on('close', finish);
      socket.on('error', () => finish()); // a reset after the answer counts as closed
      socket.on('connect', async () => {
        const write = (b: Buffer | string) =>
          new Promise<void>((res) => {
            if (done || socket.destroyed) return res();
            socket.write(b, () => {
              sent += Buffer.byteLength(b);
              res();
            });
          });
        await write(head);
        for (const p of opts.pieces ?? []) {
          if (done || socket.destroyed) break;
          if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
          await write(p);
        }
      });
    });
  }

  it('refuses malformed JSON with 400 error.badJson', async () => {
    const bodies = ['{', '{"username": ', 'nul', "{'a': 1}", '{"a":1}}', '\u0000', '[' .repeat(200_000)];
    for (const body of bodies) {
      const res = await post('session.login', body);
      expect(res.status, body.slice(0, 20)).toBe(400);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', key: 'error.badJson' } });
    }
    // bytes that are not UTF-8 become U+FFFD: still no JSON
    const res = await fetch(`${host.url}/api/session.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.from([0xff, 0xfe, 0x7b]) });
    expect(res.status).toBe(400);
    // JSON of the wrong shape reaches the contract and is refused there, typed
    for (const body of ['[]', '"text"', '123', 'null', 'true', JSON.stringify({ username: { $ne: 1 }, password: ['x'] })]) {
      const r = await post('session.login', body);
      expect([400, 422], body).toContain(r.status);
      expect((await r.json()).ok).toBe(false);
    }
    await stillServes();
  });

  it('refuses a wrong or missing content type, and a GET of a call', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await post('session.get', '{}', type ? { 'Content-Type': type } : {});
      expect(res.status, type).toBe(400);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', key: 'error.badRequest' } });
    }
    expect((await fetch(`${host.url}/api/session.get`)).status).toBe(400);
    await stillServes();
  });

  it('answers a declared oversized body with 413 and closes the connection without reading it', async () => {
    const total = MAX_BODY_BYTES + 1;
    const piece = Buffer.alloc(256 * 1024, 0x78);
    const pieces = Array.from({ length: Math.ceil(total / piece.length) }, () => piece);
    const a = await raw(
      `POST /api/residents.importPreview HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`,
      { pieces },
    );
    expect(a.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(a.text).toMatch(/connection: close/i);
    expect(a.text).toContain('"key":"error.tooLarge"');
    expect(a.sent).toBeLessThan(total);
    await stillServes();
  });

  it('answers a chunked body that grows past the limit with 413 and closes the connection', async () => {
    const piece = Buffer.alloc(1024 * 1024, 0x78);
    const chunk = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    const count = Math.ceil(MAX_BODY_BYTES / piece.length) + 40;
    const a = await raw(
      `POST /api/residents.importPreview HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      { pieces: Array.from({ length: count }, () => chunk) },
    );
    expect(a.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(a.text).toContain('"key":"error.tooLarge"');
    expect(a.sent).toBeLessThan(count * chunk.length);
    await stillServes();
  });

  it('cuts off a slowloris that dribbles its headers one byte at a time', async () => {
    const head = `POST /api/session.get HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Type: application/json\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n{}`;
    const [first, ...rest] = Buffer.from(head);
    const a = await raw(String.fromCharCode(first!), { pieces: rest.map((b) => Buffer.from([b])), gapMs: 50, timeoutMs: 8_000 });
    // 200+ bytes at 50 ms each would take over 10 s; the headers timeout ends it after about one
    expect(a.closedAfterMs).toBeLessThan(TIMEOUTS.headersMs + TIMEOUTS.checkIntervalMs * 2 + 3_000);
    expect(a.text === '' || /^HTTP\/1\.1 408 /.test(a.text)).toBe(true);
    await stillServes();
  });

  it('cuts off a client that sends its headers and then dribbles the body', async () => {
    const head = `POST /api/session.get HTTP/1.1\r\nHost: ${hostHeader}\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n`;
    const a = await raw(head, { pieces: Array.from({ length: 400 }, () => Buffer.from(' ')), gapMs: 50, timeoutMs: 8_000 });
    expect(a.closedAfterMs).toBeLessThan(TIMEOUTS.requestMs + TIMEOUTS.checkIntervalMs * 2 + 3_000);
    expect(a.text).not.toMatch(/^HTTP\/1\.1 200 /);
    await stillServes();
  });

  it('closes an idle kept-alive connection after the keep-alive timeout', async () => {
    const a = await raw(`GET /healthz HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`, { timeoutMs: 5_000 });
    expect(a.text).toMatch(/^HTTP\/1\.1 200 /);
    expect(a.closedAfterMs).toBeLessThan(TIMEOUTS.keepAliveMs + 3_000);
  });

  it('answers 200 parallel connections, then still serves an ordinary call', async () => {
    const one = (i: number) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify({});
        // agent: false — a connection each, not a shared pool
        const req = http.request(
          { host: '127.0.0.1', port: host.port, path: i % 2 ? '/api/system.status' : '/healthz', method: i % 2 ? 'POST' : 'GET', agent: false, headers: { Host: hostHeader, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          },
        );
        req.on('error', reject);
        req.end(i % 2 ? body : undefined);
      });
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => one(i)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await stillServes();
  });
});
