import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { writeAudit } from '../audit/audit';
import { fingerprint, publicKeys, rotateSigningKey } from './keys';

/** The centre's keys with their fingerprints (to compare over the phone); the highest id signs new cards. */
export function listSigningKeys(db: Db) {
  const keys = publicKeys(db);
  const current = Math.max(0, ...keys.map((k) => k.keyId));
  return keys.map((k) => ({ keyId: k.keyId, createdAt: k.createdAt, fingerprint: fingerprint(k.publicKey), current: k.keyId === current }));
}

/** A new key signs the cards from now on; cards printed earlier stay valid (the tills keep the old public keys). */
export function rotateKeyAudited(db: Db, secrets: SecretStore, now: number, user: Pick<SessionUser, 'userId' | 'username'>): void {
  db.transaction(() => {
    const keyId = rotateSigningKey(db, secrets, now);
    const key = publicKeys(db).find((k) => k.keyId === keyId)!;
    writeAudit(db, user, now, { action: 'card.key.rotate', targetType: 'signingKey', targetId: String(keyId), detail: { keyId, fingerprint: fingerprint(key.publicKey) } });
  })();
}
