import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_SESSION_HEADER, MAX_BODY_BYTES } from '../../../shared/contract';
import { makeTestBackend, PASSWORD, type TestBackend } from '../testSupport';
import { startWebHost, type WebHost } from './server';

describe('web host', () => {
  let t: TestBackend;
  let host: WebHost;
  let staticRoot: string;
  let adminToken: string;

  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await makeTestBackend();
    staticRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-static-'));
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>连心前台</title>');
    fs.writeFileSync(path.join(os.tmpdir(), 'lianxin-secret.txt'), 'secret');
    host = await startWebHost({ backend: t.backend, staticRoot, host: '127.0.0.1', port: 0 });
    const res = await post('session.login', { username: 'admin', password: PASSWORD });
    adminToken = res.headers.get(HTTP_SESSION_HEADER)!;
  });
  afterAll(async () => {
    await host.close();
    t.close();
  });

  it('answers /healthz and serves the app with its security headers', async () => {
    expect(await (await fetch(`${host.url}/healthz`)).json()).toMatchObject({ ok: true });
    const page = await fetch(`${host.url}/display`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('连心前台');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('logs in with a token per client and refuses a wrong one', async () => {
    expect(adminToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const ok = await post('users.list', {}, { [HTTP_SESSION_HEADER]: adminToken });
    expect(ok.status).toBe(200);
    const forged = await post('users.list', {}, { [HTTP_SESSION_HEADER]: 'x'.repeat(43) });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'session.required' } });
  });

  it('refuses malformed requests with a typed error and keeps serving', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [post('no.such.method', {}), 400, 'error.unknownMethod'],
      [post('session.login', '{"username": ', {}), 400, 'error.badJson'],
      [fetch(`${host.url}/api/session.get`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } }), 400, 'error.badRequest'],
      [fetch(`${host.url}/api/session.get`), 400, 'error.badRequest'],
      [post('session.login', { username: 123, password: [] }), 422, 'validation.required'],
    ];
    for (const [req, status, key] of cases) {
      const res = await req;
      expect(res.status).toBe(status);
      expect((await res.json()).error.key).toBe(key);
    }
    expect((await fetch(`${host.url}/healthz`)).status).toBe(200);
  });

  it('refuses an oversized body without reading it all', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 10);
    const res = await post('residents.importPreview', { fileBase64: big }, { [HTTP_SESSION_HEADER]: adminToken });
    expect(res.status).toBe(413);
    expect((await res.json()).error.key).toBe('error.tooLarge');
    expect((await fetch(`${host.url}/healthz`)).status).toBe(200);
  });

  it('refuses path traversal and foreign Host headers', async () => {
    for (const p of ['/../lianxin-secret.txt', '/%2e%2e/lianxin-secret.txt', '/assets/..%2f..%2flianxin-secret.txt', '/%00.js']) {
      const status = await rawStatus(p, `127.0.0.1:${host.port}`);
      expect([400, 404]).toContain(status);
    }
    expect(await rawStatus('/healthz', 'evil.example:80')).toBe(421);
  });

  it('pushes data.changed events to a logged-in client over SSE', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.url}/api/events`, { headers: { [HTTP_SESSION_HEADER]: adminToken }, signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ": connected"
    await post('grid.create', { parentId: null, name: '东片区' }, { [HTTP_SESSION_HEADER]: adminToken });
    let text = '';
    while (!text.includes('\n\n') || !text.includes('event:')) text += (await reader.read()).value ?? '';
    expect(text).toContain('event: data.changed');
    expect(text).toContain('"topic":"grid"');
    controller.abort();
  });

  it('the hall listener answers only the display and kiosk, and ignores sessions', async () => {
    const hall = await startWebHost({ backend: t.backend, staticRoot, host: '127.0.0.1', port: 0, hallOnly: true });
    try {
      const hallPost = (method: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${hall.url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
      for (const method of ['session.login', 'users.list', 'residents.search', 'queue.counters', 'system.setup']) {
        const res = await hallPost(method, {}, { [HTTP_SESSION_HEADER]: adminToken });
        expect(res.status, method).toBe(403);
      }
      const display = await hallPost('display.state', {});
      expect(display.status).toBe(200);
      expect((await display.json()).value.counters).toBeInstanceOf(Array);
      expect((await hallPost('kiosk.state', {})).status).toBe(200);
      expect((await fetch(`${hall.url}/display`)).status).toBe(200);

      // An admin's token on the hall's event stream gets the public queue events only.
      const controller = new AbortController();
      const res = await fetch(`${hall.url}/api/events`, { headers: { [HTTP_SESSION_HEADER]: adminToken }, signal: controller.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      await reader.read();
      await post('grid.create', { parentId: null, name: '西片区' }, { [HTTP_SESSION_HEADER]: adminToken });
      await post('queue.saveRules', { counterCount: 2, priorityRun: 2, agingMinutes: 30, elderlyAge: 70, slipPrinter: '' }, { [HTTP_SESSION_HEADER]: adminToken });
      let text = '';
      while (!text.includes('event: queue.changed')) text += (await reader.read()).value ?? '';
      expect(text).not.toContain('data.changed');
      controller.abort();
    } finally {
      await hall.close();
    }
  });

  function rawStatus(p: string, hostHeader: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, path: p, headers: { Host: hostHeader } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
  }
});
