import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { createSecretStore } from '../../secrets/secretStore';
import { caInfo, checkEndpoint, CREDENTIAL_SECRET, readConfig, readCredential } from './config';

function keyOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { value: { key: string } }).value.key;
  }
  return 'no error';
}

describe('sync settings', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await makeTestBackend();
  });
  afterEach(() => t.close());

  it('takes https anywhere, http only to this machine', () => {
    expect(checkEndpoint('https://sync.county.gov.cn/lianxin').host).toBe('sync.county.gov.cn');
    for (const ok of ['http://127.0.0.1:8080', 'http://localhost:9000/x', 'http://[::1]:8080', 'http://127.8.9.10']) expect(keyOf(() => checkEndpoint(ok))).toBe('no error');
    for (const refused of ['http://sync.county.gov.cn', 'http://10.1.2.3:8080', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example'])
      expect(keyOf(() => checkEndpoint(refused))).toBe('sync.endpoint.httpRefused');
    for (const bad of ['sync.county.gov.cn', 'ftp://county', 'https://user:pw@county.example', 'not a url', 'https://county.example/?x=1'])
      expect(keyOf(() => checkEndpoint(bad))).toBe('sync.endpoint.invalid');
  });

  it('refuses a CA that is not a certificate', () => {
    expect(keyOf(() => caInfo('hello'))).toBe('sync.ca.invalid');
    expect(keyOf(() => caInfo('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).toBe('sync.ca.invalid');
  });

  it('will not switch sync on without a credential; an empty credential keeps the saved one; the audit never holds it', async () => {
    const base = { endpoint: 'https://county.example/lx', centreCode: 'DEMO-001' };
    const refused = await t.backend.dispatch(t.admin, 'sync.settings.save', { ...base, enabled: true, credential: '' });
    expect(refused.ok ? 'saved' : refused.error.key).toBe('sync.credential.required');
    expect(readConfig(t.backend.db).enabled).toBe(false);
    // Off: nothing to call, so the engine is told but makes no call (no county listens at that address).
    await t.ok(t.admin, 'sync.settings.save', { ...base, enabled: false, credential: 'first-secret-value' });
    await t.ok(t.admin, 'sync.settings.save', { ...base, enabled: false, credential: '' });
    const secrets = createSecretStore(t.dir);
    expect(readCredential(secrets)).toBe('first-secret-value');
    expect(secrets.get(CREDENTIAL_SECRET)?.toString()).toBe('first-secret-value');
    const settings = await t.ok(t.admin, 'sync.settings.get', {});
    expect(settings).toMatchObject({ enabled: false, endpoint: 'https://county.example/lx', centreCode: 'DEMO-001', hasCredential: true, credentialStorage: 'file', ca: null });
    const audit = JSON.stringify(t.backend.db.prepare(`SELECT * FROM audit_log WHERE action LIKE 'sync.%'`).all());
    expect(audit).toContain('sync.settings.save');
    expect(audit).not.toContain('first-secret-value');
  });
});
