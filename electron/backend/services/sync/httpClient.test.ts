import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createCountyHttp, proxyFromPac, SyncFailure, type CountyTarget } from './httpClient';
import { HEADERS } from './protocol';
import { signResponse } from './signing';

/**
 * The client's answers to everything a wrong endpoint can do, against tiny real servers on loopback.
 * TLS cases (untrusted CA, CA imported, wrong host) are in httpClient.tls.test.ts.
 */
const CREDENTIAL = 'test-credential-0001';
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

const servers: http.Server[] = [];
async function serve(handler: Handler): Promise<CountyTarget> {
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(parts)));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/county`, centreCode: 'DEMO-001', credential: CREDENTIAL, caPem: null };
}

function signedJson(req: http.IncomingMessage, res: http.ServerResponse, status: number, value: unknown) {
  const body = Buffer.from(JSON.stringify(value));
  const nonce = String(req.headers[HEADERS.nonce]);
  res.writeHead(status, { 'content-type': 'application/json', [HEADERS.signature]: signResponse(CREDENTIAL, status, nonce, body) });
  res.end(body);
}

function errorJson(res: http.ServerResponse, status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { code, message: code, ...extra } }));
}

const client = createCountyHttp({ timeoutMs: 400 });
afterAll(async () => {
  await client.close();
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function failureOf(p: Promise<unknown>): Promise<SyncFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncFailure) return e;
    throw e;
  }
  throw new Error('the call succeeded');
}

describe('county HTTP client', () => {
  it('signs the request under the endpoint path and returns a signed JSON answer', async () => {
    let seen: { url?: string; centre?: string; sig?: string } = {};
    const t = await serve((req, res) => {
      seen = { url: req.url, centre: String(req.headers[HEADERS.centre]), sig: String(req.headers[HEADERS.signature]) };
      signedJson(req, res, 200, { hello: '你好' });
    });
    expect(await client.call(t, 'GET', '/v1/hello')).toEqual({ hello: '你好' });
    expect(seen.url).toBe('/county/v1/hello');
    expect(seen.centre).toBe('DEMO-001');
    expect(seen.sig).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('refuses an unsigned or wrongly signed 2xx as not the county', async () => {
    const unsigned = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"results":[]}');
    });
    expect((await failureOf(client.call(unsigned, 'GET', '/v1/hello'))).code).toBe('not_county');
    const wrong = await serve((req, res) => {
      const body = '{"results":[]}';
      res.writeHead(200, { 'content-type': 'application/json', [HEADERS.signature]: signResponse('another-credential', 200, String(req.headers[HEADERS.nonce]), body) });
      res.end(body);
    });
    expect((await failureOf(client.call(wrong, 'GET', '/v1/hello'))).code).toBe('not_county');
  });

  it('says not_county for an HTML page and for a redirect loop, and does not follow redirects', async () => {
    const html = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>登录</body></html>');
    });
    expect((await failureOf(client.call(html, 'GET', '/v1/hello'))).code).toBe('not_county');
    let hits = 0;
    const loop = await serve((req, res) => {
      hits++;
      res.writeHead(302, { location: req.url });
      res.end();
    });
    const f = await failureOf(client.call(loop, 'GET', '/v1/hello'));
    expect(f.code).toBe('not_county');
    expect(hits).toBe(1);
  });

  it('says bad_response for a signed 2xx that is not JSON, and for a body over the limit', async () => {
    const notJson = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('this is not json');
    });
    expect((await failureOf(client.call(notJson, 'GET', '/v1/hello'))).code).toBe('bad_response');
    const huge = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      for (let i = 0; i < 12; i++) res.write(chunk);
      res.end('{}');
    });
    const f = await failureOf(client.call(huge, 'GET', '/v1/hello'));
    expect(f.code).toBe('bad_response');
    expect(f.detail).toMatch(/body over/);
    const declared = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      res.write('{');
    });
    expect((await failureOf(client.call(declared, 'GET', '/v1/hello'))).detail).toMatch(/body of/);
  });

  it('times out a county that never answers, and one that stops halfway through the body', async () => {
    const hang = await serve(() => undefined);
    const started = Date.now();
    const f = await failureOf(client.call(hang, 'GET', '/v1/hello'));
    expect(f.code).toBe('timeout');
    expect(f.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    const half = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    expect((await failureOf(client.call(half, 'GET', '/v1/hello'))).code).toBe('timeout');
  });

  it('says unreachable when nothing listens or the connection drops', async () => {
    const gone = await serve(() => undefined);
    const port = new URL(gone.endpoint).port;
    servers.at(-1)!.close();
    const refused = { ...gone, endpoint: `http://127.0.0.1:${port}` };
    const f = await failureOf(client.call(refused, 'GET', '/v1/hello'));
    expect(f.code).toBe('unreachable');
    expect(f.retryable).toBe(true);
    const drop = await serve((req) => req.socket.destroy());
    expect((await failureOf(client.call(drop, 'POST', '/v1/push', { entries: [] }))).code).toBe('unreachable');
  });

  it('maps the county error codes', async () => {
    const serverTime = Date.now() - 17 * 60_000;
    const t = await serve((req, res) => {
      const p = req.url!;
      if (p.includes('badsig')) return errorJson(res, 401, 'bad_signature');
      if (p.includes('expired')) return errorJson(res, 401, 'credential_expired');
      if (p.includes('centre')) return errorJson(res, 401, 'unknown_centre');
      if (p.includes('skew')) return errorJson(res, 401, 'clock_skew', { serverTime });
      if (p.includes('gone')) return errorJson(res, 410, 'cursor_unknown');
      if (p.includes('busy')) return errorJson(res, 503, 'unavailable', {}, { 'retry-after': '7' });
      if (p.includes('limit')) return errorJson(res, 429, 'rate_limited');
      if (p.includes('bad')) return errorJson(res, 400, 'bad_request');
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
    });
    const code = async (path: string) => failureOf(client.call(t, 'GET', path));
    expect((await code('/badsig')).code).toBe('bad_credential');
    expect((await code('/expired')).code).toBe('credential_expired');
    expect((await code('/centre')).code).toBe('unknown_centre');
    const skew = await code('/skew');
    expect(skew.code).toBe('clock_skew');
    expect(skew.extra.skewMinutes).toBe(17);
    expect((await code('/gone')).code).toBe('cursor_unknown');
    const busy = await code('/busy');
    expect([busy.code, busy.retryable, busy.extra.retryAfterMs]).toEqual(['server_error', true, 7_000]);
    expect((await code('/limit')).code).toBe('server_error');
    expect((await code('/bad')).code).toBe('bad_response');
    expect((await code('/other')).code).toBe('not_county');
  });

  it('tries once more with a fresh nonce when the county says the nonce was replayed', async () => {
    const nonces: string[] = [];
    const t = await serve((req, res) => {
      nonces.push(String(req.headers[HEADERS.nonce]));
      if (nonces.length === 1) return errorJson(res, 401, 'replayed');
      signedJson(req, res, 200, { ok: true });
    });
    expect(await client.call(t, 'GET', '/v1/hello')).toEqual({ ok: true });
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('never puts the credential on the wire or in a failure', async () => {
    let raw = '';
    const t = await serve((req, res, body) => {
      raw = JSON.stringify(req.headers) + body.toString();
      errorJson(res, 401, 'bad_signature');
    });
    const f = await failureOf(client.call(t, 'POST', '/v1/push', { entries: [] }));
    expect(raw).not.toContain(CREDENTIAL);
    expect(JSON.stringify(f) + f.message + String(f.detail)).not.toContain(CREDENTIAL);
  });

  it("goes through the system proxy: Electron's answer, or HTTP_PROXY for the web host", async () => {
    const connects: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      connects.push(String(req.url));
      const [host, port] = String(req.url).split(':');
      const upstream = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    servers.push(proxy);
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyPort = (proxy.address() as AddressInfo).port;
    const t = await serve((req, res) => signedJson(req, res, 200, { via: 'proxy' }));
    const countyHost = new URL(t.endpoint).host;

    const electron = createCountyHttp({ timeoutMs: 2_000, resolveProxy: async () => `PROXY 127.0.0.1:${proxyPort}; DIRECT` });
    expect(await electron.call(t, 'GET', '/v1/hello')).toEqual({ via: 'proxy' });
    await electron.close();
    expect(connects).toEqual([countyHost]);

    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = `http://127.0.0.1:${proxyPort}`;
    try {
      const web = createCountyHttp({ timeoutMs: 2_000 });
      expect(await web.call(t, 'GET', '/v1/hello')).toEqual({ via: 'proxy' });
      await web.close();
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
    expect(connects).toEqual([countyHost, countyHost]);
  });

  it("reads Electron's proxy answer", () => {
    expect(proxyFromPac('PROXY 10.0.0.1:3128; DIRECT')).toBe('http://10.0.0.1:3128');
    expect(proxyFromPac('HTTPS proxy.example:443')).toBe('https://proxy.example:443');
    expect(proxyFromPac('DIRECT')).toBeNull();
    expect(proxyFromPac(null)).toBeNull();
  });
});
