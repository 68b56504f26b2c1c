import { fail } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { keyChainIsValid, verifySignature } from '../cards/keys';
import { tillIdentity } from '../till/identity';
import { packageBody, packageFile, packageKeys, type PackageBody, type PackageKey } from './packageFormat';

const FIELD = 'fileBase64';

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

const raw = (k: PackageKey) => ({
  keyId: k.keyId,
  publicKey: Buffer.from(k.publicKey, 'base64'),
  endorsement: k.endorsement === null ? null : Buffer.from(k.endorsement, 'base64'),
});

/**
 * A partner package, checked before anything in it is believed: our format; signed by one of its own
 * keys over the body's exact bytes (else the file was changed); the keys a chain where each endorses
 * the next. Returns the body. Trust in the keys themselves is `assertTrusted`'s job.
 */
export function readPackage(fileBase64: string): PackageBody {
  const file = packageFile.safeParse(parseJson(Buffer.from(fileBase64, 'base64')));
  if (!file.success) throw fail.validation('package.unreadable', FIELD);
  const bytes = Buffer.from(file.data.body, 'base64');
  // A body that is not even JSON inside a well-formed file was changed after it was signed.
  const keys = packageKeys.safeParse(parseJson(bytes));
  if (!keys.success) throw fail.validation('package.badSignature', FIELD);
  const signer = keys.data.keys.find((k) => k.keyId === file.data.keyId);
  if (!signer || !verifySignature(raw(signer).publicKey, bytes, Buffer.from(file.data.signature, 'base64'))) {
    throw fail.validation('package.badSignature', FIELD);
  }
  const body = packageBody.safeParse(parseJson(bytes));
  if (!body.success) throw fail.validation('package.unreadable', FIELD);
  if (!keyChainIsValid(body.data.keys.map(raw))) throw fail.validation('package.untrusted', FIELD);
  return body.data;
}

/**
 * On a till that already runs on a package: the same centre and partner, every key it trusts still in
 * the package unchanged (a new key is only believed when an old one endorsed it), and newer than the
 * package in use (an older one would bring revoked cards back).
 */
export function assertTrusted(db: Db, body: PackageBody): void {
  const me = tillIdentity(db);
  if (me.mode !== 'partner' || me.partnerId === null) throw fail.conflict('package.notPartnerPc');
  if (body.centreCode !== me.centreCode) throw fail.validation('package.otherCentre', FIELD, { centre: body.centreName });
  const trusted = db.prepare('SELECT key_id, public_key FROM till_keys WHERE centre_code = ?').all(me.centreCode) as {
    key_id: number;
    public_key: Buffer;
  }[];
  const inPackage = new Map(body.keys.map((k) => [k.keyId, Buffer.from(k.publicKey, 'base64')]));
  if (trusted.length === 0 || !trusted.every((t) => inPackage.get(t.key_id)?.equals(t.public_key))) {
    throw fail.validation('package.untrusted', FIELD);
  }
  if (body.partner.id !== me.partnerId) throw fail.validation('package.otherPartner', FIELD, { partner: body.partner.name });
  if (me.packageIssuedAt !== null && body.issuedAt <= me.packageIssuedAt) throw fail.validation('package.older', FIELD);
}
