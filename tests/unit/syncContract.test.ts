import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method, Role } from '../../shared/contract';
import { contract } from '../../shared/contract';
import { makeTestBackend, type TestBackend } from '../../electron/backend/testSupport';

/**
 * Only the admin reaches the sync settings and the sync page; the desk sees the badge; and the
 * credential, once saved, never comes back out of the backend through any call.
 */
const CREDENTIAL = 'county-credential-never-shown-7f3a';
const ADMIN_ONLY: [Method, unknown][] = [
  ['sync.settings.get', {}],
  ['sync.settings.save', { enabled: false, endpoint: 'https://county.example/lx', centreCode: 'DEMO-001', credential: 'x' }],
  ['sync.settings.importCa', { pem: 'x' }],
  ['sync.settings.removeCa', {}],
  ['sync.testConnection', { endpoint: 'https://county.example/lx', centreCode: 'DEMO-001', credential: '' }],
  ['sync.activity', {}],
  ['sync.now', {}],
  ['sync.retryParked', { direction: 'up', id: 'x' }],
];

describe('sync contract', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await makeTestBackend();
  });
  afterAll(() => t.close());

  it('declares admin-only access for settings, test, activity, now and retry', () => {
    for (const [m] of ADMIN_ONLY) expect([m, (contract as Record<string, { access: unknown }>)[m]!.access]).toEqual([m, ['admin']]);
  });

  it.each(['desk', 'duty', 'partner'] as Role[])('refuses %s every admin-only sync call', async (role) => {
    const slot = await t.loginAs(role);
    for (const [m, input] of ADMIN_ONLY) {
      const r = await t.backend.dispatch(slot, m, input);
      expect([m, r.ok ? 'ok' : r.error.code]).toEqual([m, 'FORBIDDEN']);
    }
  });

  it('lets the desk see the badge but not the duty officer or a partner', async () => {
    const desk = await t.backend.dispatch(await t.loginAs('desk'), 'sync.status', {});
    expect(desk.ok && desk.value).toMatchObject({ badge: 'off', pending: expect.any(Number) });
    for (const role of ['duty', 'partner'] as Role[]) {
      const r = await t.backend.dispatch(await t.loginAs(role), 'sync.status', {});
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
  });

  it('never sends the saved credential back to the renderer', async () => {
    await t.ok(t.admin, 'sync.settings.save', { enabled: false, endpoint: 'https://county.example/lx', centreCode: 'DEMO-001', credential: CREDENTIAL });
    const seen: unknown[] = [];
    const off = t.backend.subscribe(t.admin, (name, payload) => seen.push([name, payload]));
    const outputs = [
      await t.ok(t.admin, 'sync.settings.get', {}),
      await t.ok(t.admin, 'sync.status', {}),
      await t.ok(t.admin, 'sync.activity', {}),
      await t.backend.dispatch(t.admin, 'sync.settings.save', { enabled: true, endpoint: 'http://county.example', centreCode: 'DEMO-001', credential: '' }),
      await t.backend.dispatch(t.admin, 'audit.list', { limit: 100, offset: 0 }),
    ];
    off();
    const text = JSON.stringify([outputs, seen]);
    expect(text).toContain('hasCredential');
    expect(text).toContain('sync.endpoint.httpRefused');
    expect(text).not.toContain(CREDENTIAL);
    expect(outputs[0]).toMatchObject({ hasCredential: true });
    expect(Object.keys(outputs[0] as object).sort()).toEqual(['ca', 'centreCode', 'credentialStorage', 'enabled', 'endpoint', 'hasCredential']);
  });
});
