import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretStore } from './secretStore';

describe('secret store', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-secrets-'));

  it('keeps a secret in a file only the app user can read', () => {
    const dir = tmp();
    const store = createSecretStore(dir);
    expect(store.get('card-key-1')).toBeNull();
    store.set('card-key-1', Buffer.from('secret'));
    expect(store.get('card-key-1')?.toString()).toBe('secret');
    const file = path.join(dir, 'secrets', 'card-key-1.key');
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
  });

  it('stores only sealed bytes when a seal is given', () => {
    const dir = tmp();
    const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0xff));
    const store = createSecretStore(dir, { encrypt: flip, decrypt: flip });
    store.set('card-key-1', Buffer.from('secret'));
    expect(fs.readFileSync(path.join(dir, 'secrets', 'card-key-1.sealed')).toString()).not.toContain('secret');
    expect(store.get('card-key-1')?.toString()).toBe('secret');
    expect(store.kind).toBe('safeStorage');
  });

  it('seals a secret first written as a plain file, and drops the plain copy', () => {
    const dir = tmp();
    createSecretStore(dir).set('card-key-1', Buffer.from('secret'));
    const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0xff));
    const sealed = createSecretStore(dir, { encrypt: flip, decrypt: flip });
    expect(sealed.get('card-key-1')?.toString()).toBe('secret');
    expect(fs.existsSync(path.join(dir, 'secrets', 'card-key-1.key'))).toBe(false);
    expect(sealed.get('card-key-1')?.toString()).toBe('secret');
  });

  it('refuses names that could leave the folder', () => {
    expect(() => createSecretStore(tmp()).get('../x')).toThrow(/bad secret name/);
  });
});
