import crypto from 'node:crypto';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { getCentreSettings } from '../centre/settings';

/**
 * The centre's Ed25519 signing keys (SPEC §4.4). The private key lives in the secret store (safeStorage
 * under Electron, a user-only file otherwise), never in the database; the public halves are in
 * `signing_keys` and, for verification, `till_keys`. Rotation makes key N+1 and has key N sign it
 * (the endorsement), so a till that trusts key N can accept a package signed by key N+1.
 */

export interface PublicKeyRow {
  keyId: number;
  publicKey: Buffer;
  endorsement: Buffer | null;
  createdAt: number;
}

const secretName = (keyId: number) => `card-key-${keyId}`;

/** What key N signs to endorse key N+1. */
export function endorsementMessage(keyId: number, publicKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`lianxin-key-endorsement:${keyId}:`, 'utf8'), Buffer.from(publicKey)]);
}

const publicKeyCache = new Map<string, crypto.KeyObject>();

/** A public key object from its 32 raw bytes (cached: verification at the till is hot). */
export function publicKeyFromRaw(raw: Uint8Array): crypto.KeyObject {
  const x = Buffer.from(raw).toString('base64url');
  let key = publicKeyCache.get(x);
  if (!key) {
    key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    publicKeyCache.set(x, key);
  }
  return key;
}

export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return crypto.verify(null, message, publicKeyFromRaw(publicKey), signature);
  } catch {
    return false;
  }
}

/** Short, readable fingerprint of a public key (to compare over the phone): 8 hex groups of SHA-256. */
export function fingerprint(publicKey: Uint8Array): string {
  const hex = crypto.createHash('sha256').update(publicKey).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export function publicKeys(db: Db): PublicKeyRow[] {
  return (
    db.prepare('SELECT key_id, public_key, endorsement, created_at FROM signing_keys ORDER BY key_id').all() as {
      key_id: number;
      public_key: Buffer;
      endorsement: Buffer | null;
      created_at: number;
    }[]
  ).map((r) => ({ keyId: r.key_id, publicKey: r.public_key, endorsement: r.endorsement, createdAt: r.created_at }));
}

export function currentKeyId(db: Db): number | null {
  const row = db.prepare('SELECT MAX(key_id) AS k FROM signing_keys').get() as { k: number | null };
  return row.k;
}

function loadPrivateKey(secrets: SecretStore, keyId: number): crypto.KeyObject {
  const der = secrets.get(secretName(keyId));
  if (!der) throw new Error(`the private half of card key ${keyId} is missing from the secret store`);
  return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function sign(secrets: SecretStore, keyId: number, message: Uint8Array): Buffer {
  return crypto.sign(null, message, loadPrivateKey(secrets, keyId));
}

function rawPublic(key: crypto.KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

/** Keeps `till_keys` (what this PC's till verifies against) in step with the centre's own keys. */
export function syncCentreTillKeys(db: Db): void {
  const { centreCode } = getCentreSettings(db);
  db.prepare('DELETE FROM till_keys').run();
  const insert = db.prepare('INSERT INTO till_keys (centre_code, key_id, public_key) VALUES (?, ?, ?)');
  for (const k of publicKeys(db)) insert.run(centreCode, k.keyId, k.publicKey);
}

function addKey(db: Db, secrets: SecretStore, now: number): number {
  const previous = currentKeyId(db);
  const keyId = (previous ?? 0) + 1;
  if (keyId > 255) throw new Error('no key ids left (a card code holds one byte)');
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const pub = rawPublic(publicKey);
  // The secret first: a key row without its private half would be useless; a stray secret file is harmless.
  secrets.set(secretName(keyId), privateKey.export({ format: 'der', type: 'pkcs8' }));
  const endorsement = previous === null ? null : sign(secrets, previous, endorsementMessage(keyId, pub));
  db.transaction(() => {
    db.prepare('INSERT INTO signing_keys (key_id, public_key, endorsement, created_at) VALUES (?, ?, ?, ?)').run(keyId, pub, endorsement, now);
    syncCentreTillKeys(db);
  })();
  return keyId;
}

/** Made at setup (and on first use by an older database); returns the current key id. */
export function ensureSigningKey(db: Db, secrets: SecretStore, now: number): number {
  return currentKeyId(db) ?? addKey(db, secrets, now);
}

export function rotateSigningKey(db: Db, secrets: SecretStore, now: number): number {
  ensureSigningKey(db, secrets, now);
  return addKey(db, secrets, now);
}

/** Checks that each key after the first is endorsed by the one before it. */
export function keyChainIsValid(keys: { keyId: number; publicKey: Uint8Array; endorsement: Uint8Array | null }[]): boolean {
  const sorted = [...keys].sort((a, b) => a.keyId - b.keyId);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const k = sorted[i]!;
    if (!k.endorsement || !verifySignature(prev.publicKey, endorsementMessage(k.keyId, k.publicKey), k.endorsement)) return false;
  }
  return true;
}
