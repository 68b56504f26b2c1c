import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { createSecretStore } from '../../secrets/secretStore';
import { ensureSigningKey, keyChainIsValid, publicKeys, rotateSigningKey, sign, verifySignature } from './keys';

function setup() {
  const db = new Database(':memory:');
  for (const m of migrations) m.up(db);
  const secrets = createSecretStore(fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-keys-')));
  return { db, secrets };
}

describe('card signing keys', () => {
  it('makes one key, signs with it and keeps the private half out of the database', () => {
    const { db, secrets } = setup();
    expect(ensureSigningKey(db, secrets, 1)).toBe(1);
    expect(ensureSigningKey(db, secrets, 2)).toBe(1);
    const [k] = publicKeys(db);
    const msg = Buffer.from('card');
    const sig = sign(secrets, 1, msg);
    expect(verifySignature(k!.publicKey, msg, sig)).toBe(true);
    expect(verifySignature(k!.publicKey, Buffer.from('cart'), sig)).toBe(false);
    const flipped = Buffer.from(sig);
    flipped[5]! ^= 1;
    expect(verifySignature(k!.publicKey, msg, flipped)).toBe(false);
    expect(verifySignature(k!.publicKey, msg, sig.subarray(0, 63))).toBe(false);
    expect(secrets.get('card-key-1')).not.toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM till_keys').get()).toEqual({ n: 1 });
  });

  it('rotates to a key endorsed by the previous one', () => {
    const { db, secrets } = setup();
    ensureSigningKey(db, secrets, 1);
    expect(rotateSigningKey(db, secrets, 2)).toBe(2);
    const keys = publicKeys(db);
    expect(keyChainIsValid(keys)).toBe(true);
    const other = setup();
    ensureSigningKey(other.db, other.secrets, 1);
    // A key from another centre slipped into the chain breaks it.
    expect(keyChainIsValid([keys[0]!, { ...publicKeys(other.db)[0]!, keyId: 2, endorsement: keys[1]!.endorsement }])).toBe(false);
  });
});
