import { X509Certificate } from 'node:crypto';
import { fail, type SyncSettings } from '../../../../shared/contract';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { writeAudit } from '../audit/audit';

/** Settings of county sync: the row in sync_config; the credential and the id-hash key live in the secret store. */
export interface SyncConfig {
  enabled: boolean;
  endpoint: string;
  centreCode: string;
  caPem: string | null;
}

export const CREDENTIAL_SECRET = 'county-credential';
export const ID_HASH_KEY_SECRET = 'county-id-hash-key';

export function readConfig(db: Db): SyncConfig {
  const r = db.prepare(`SELECT enabled, endpoint, centre_code, ca_pem FROM sync_config WHERE id = 1`).get() as
    | { enabled: number; endpoint: string; centre_code: string; ca_pem: string | null }
    | undefined;
  if (!r) return { enabled: false, endpoint: '', centreCode: '', caPem: null };
  return { enabled: r.enabled === 1, endpoint: r.endpoint, centreCode: r.centre_code, caPem: r.ca_pem };
}

export function readCredential(secrets: SecretStore): string | null {
  const b = secrets.get(CREDENTIAL_SECRET);
  const s = b?.toString('utf8') ?? '';
  return s === '' ? null : s;
}

/** The county's key for ID-number hashes (from hello) and its id, or null before the first hello. */
export function readIdHashKey(db: Db, secrets: SecretStore): { idHashKey: string; idHashKeyId: string } | null {
  const keyId = (db.prepare(`SELECT id_hash_key_id k FROM sync_state WHERE id = 1`).get() as { k: string | null } | undefined)?.k;
  const key = secrets.get(ID_HASH_KEY_SECRET)?.toString('utf8');
  return keyId && key ? { idHashKey: key, idHashKeyId: keyId } : null;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * An endpoint the engine may call: https, or http only to this machine (the reference county in
 * tests). Plain http elsewhere would send the records in clear over the county network.
 */
export function checkEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw fail.validation('sync.endpoint.invalid', 'endpoint');
  }
  if (url.username || url.password || url.hash || url.search) throw fail.validation('sync.endpoint.invalid', 'endpoint');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return url;
    throw fail.validation('sync.endpoint.httpRefused', 'endpoint');
  }
  throw fail.validation('sync.endpoint.invalid', 'endpoint');
}

export function caInfo(pem: string): { subject: string; validTo: string; fingerprint: string } {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw fail.validation('sync.ca.invalid', 'pem');
  }
  return { subject: cert.subject.replace(/\n/g, ', '), validTo: cert.validTo, fingerprint: cert.fingerprint256 };
}

export function settingsView(db: Db, secrets: SecretStore): SyncSettings {
  const c = readConfig(db);
  let ca: SyncSettings['ca'] = null;
  if (c.caPem) {
    try {
      ca = caInfo(c.caPem);
    } catch {
      ca = null;
    }
  }
  return {
    enabled: c.enabled,
    endpoint: c.endpoint,
    centreCode: c.centreCode,
    hasCredential: readCredential(secrets) !== null,
    credentialStorage: secrets.kind,
    ca,
  };
}

type Actor = Pick<SessionUser, 'userId' | 'username'> | null;

export function saveSettings(
  db: Db,
  secrets: SecretStore,
  user: Actor,
  now: number,
  input: { enabled: boolean; endpoint: string; centreCode: string; credential: string },
): void {
  const endpoint = checkEndpoint(input.endpoint).toString().replace(/\/+$/, '');
  const credential = input.credential.trim();
  if (input.enabled && credential === '' && readCredential(secrets) === null) throw fail.validation('sync.credential.required', 'credential');
  // Empty keeps the saved credential; the secret file is written before the row so a crash between
  // the two never leaves sync switched on without one.
  if (credential !== '') secrets.set(CREDENTIAL_SECRET, Buffer.from(credential, 'utf8'));
  db.transaction(() => {
    db.prepare(`UPDATE sync_config SET enabled = ?, endpoint = ?, centre_code = ?, updated_at = ? WHERE id = 1`).run(
      input.enabled ? 1 : 0,
      endpoint,
      input.centreCode.trim(),
      now,
    );
    writeAudit(db, user, now, {
      action: 'sync.settings.save',
      targetType: 'sync',
      detail: { enabled: input.enabled, endpoint, centreCode: input.centreCode.trim(), credentialChanged: credential !== '' },
    });
  })();
}

export function importCa(db: Db, user: Actor, now: number, pem: string): void {
  const info = caInfo(pem);
  db.transaction(() => {
    db.prepare(`UPDATE sync_config SET ca_pem = ?, updated_at = ? WHERE id = 1`).run(pem.trim(), now);
    writeAudit(db, user, now, { action: 'sync.settings.importCa', targetType: 'sync', detail: { subject: info.subject, fingerprint: info.fingerprint } });
  })();
}

export function removeCa(db: Db, user: Actor, now: number): void {
  db.transaction(() => {
    db.prepare(`UPDATE sync_config SET ca_pem = NULL, updated_at = ? WHERE id = 1`).run(now);
    writeAudit(db, user, now, { action: 'sync.settings.removeCa', targetType: 'sync' });
  })();
}
