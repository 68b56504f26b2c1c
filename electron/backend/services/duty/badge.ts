import crypto from 'node:crypto';
import { fail } from '../../../../shared/contract';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { writeAudit } from '../audit/audit';

/**
 * A personal badge's QR: 'LXS1:' + staff id + '.' + badge version + '.' + an HMAC-SHA256 tag under a
 * centre secret that never leaves the secret store. Without the secret no badge can be made; a
 * reissue bumps the version, so the old badge no longer matches.
 */
export const BADGE_PREFIX = 'LXS1:';
const SECRET = 'duty-badge-key';
const TAG_CHARS = 27; // 160 bits of the tag, base64url

function badgeKey(secrets: SecretStore): Buffer {
  let key = secrets.get(SECRET);
  if (!key) {
    key = crypto.randomBytes(32);
    secrets.set(SECRET, key);
  }
  return key;
}

function tagOf(secrets: SecretStore, staffId: string, version: number): string {
  return crypto.createHmac('sha256', badgeKey(secrets)).update(`${staffId}.${version}`).digest('base64url').slice(0, TAG_CHARS);
}

export function badgeCode(secrets: SecretStore, staffId: string, version: number): string {
  return `${BADGE_PREFIX}${staffId}.${version}.${tagOf(secrets, staffId, version)}`;
}

interface BadgeStaff {
  id: string;
  name: string;
  active: number;
  badge_version: number;
}

const staffRow = (db: Db, staffId: string) =>
  db.prepare('SELECT id, name, active, badge_version FROM staff WHERE id = ?').get(staffId) as BadgeStaff | undefined;

/** The staff member a scanned badge belongs to; refuses a forged, unreadable or replaced badge. */
export function staffOfBadge(db: Db, secrets: SecretStore, code: string): { staffId: string; name: string } {
  const m = /^LXS1:([0-9a-f-]{36})\.(\d{1,6})\.([A-Za-z0-9_-]+)$/i.exec(code.trim());
  if (!m) throw fail.validation('duty.badge.invalid', 'badge');
  const [, staffId, versionText, tag] = m as unknown as [string, string, string, string];
  const version = Number(versionText);
  const expected = Buffer.from(tagOf(secrets, staffId.toLowerCase(), version));
  const given = Buffer.from(tag);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw fail.validation('duty.badge.invalid', 'badge');
  const row = staffRow(db, staffId.toLowerCase());
  if (!row || row.active !== 1) throw fail.validation('duty.badge.inactive', 'badge');
  if (row.badge_version !== version) throw fail.validation('duty.badge.old', 'badge', { name: row.name });
  return { staffId: row.id, name: row.name };
}

/** The badge to print (audited: whoever holds the print holds the badge). Inside the caller's transaction. */
export function issueBadge(db: Db, secrets: SecretStore, staffId: string, reissue: boolean, now: number, user: SessionUser) {
  if (reissue) db.prepare('UPDATE staff SET badge_version = badge_version + 1, updated_at = ? WHERE id = ?').run(now, staffId);
  const row = staffRow(db, staffId);
  if (!row) throw fail.notFound('staff.notFound');
  writeAudit(db, user, now, {
    action: reissue ? 'duty.badge.reissue' : 'duty.badge.issue',
    targetType: 'staff',
    targetId: staffId,
    detail: { version: row.badge_version },
  });
  return { staffId, name: row.name, version: row.badge_version, code: badgeCode(secrets, staffId, row.badge_version) };
}
