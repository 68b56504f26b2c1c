import type { Db } from '../../../db/open';
import { newId } from '../../../db/ids';

/**
 * Who "received" a county-dispatched request. requests.received_by must name a user, and steps keep
 * a name, so the county gets its own account: disabled, with no usable password (no one can sign in
 * as it). It is made on the first dispatch, not by the migration, because an empty users table is
 * how the app knows it is on its first run and must create the admin.
 */
export const COUNTY_USER_ID = 'system-county';
export const COUNTY_USER_NAME = '县级平台';
const COUNTY_USERNAME = 'system-county';

/** The service a dispatch lands on when its serviceCode names none of ours: kept inactive, so the
 * queue and the intake form never offer it. */
export const COUNTY_SERVICE_ID = 'system-county-dispatch';
const COUNTY_SERVICE_NAME = '县级平台交办';
const COUNTY_SERVICE_DAYS = 10;

export function countyUser(db: Db, now: number): { userId: string; displayName: string } {
  if (!db.prepare(`SELECT 1 FROM users WHERE id = ?`).get(COUNTY_USER_ID)) {
    // Someone may already have taken the username for a person: then the account gets a unique one.
    const taken = db.prepare(`SELECT 1 FROM users WHERE username = ?`).get(COUNTY_USERNAME) !== undefined;
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, 'desk', '!', 1, ?, ?)`,
    ).run(COUNTY_USER_ID, taken ? `${COUNTY_USERNAME}-${newId()}` : COUNTY_USERNAME, COUNTY_USER_NAME, now, now);
  }
  return { userId: COUNTY_USER_ID, displayName: COUNTY_USER_NAME };
}

/** Our service for the county's serviceCode (an active service with that prefix or id), else the
 * inactive 县级平台交办 one. */
export function serviceForDispatch(db: Db, serviceCode: string | null, now: number): string {
  if (serviceCode) {
    const s = db
      .prepare(`SELECT id FROM services WHERE active = 1 AND (prefix = ? OR id = ?) ORDER BY prefix = ? DESC LIMIT 1`)
      .get(serviceCode, serviceCode, serviceCode) as { id: string } | undefined;
    if (s) return s.id;
  }
  db.prepare(
    `INSERT INTO services (id, category, name, prefix, default_mode, time_limit_days, active, created_at, updated_at)
     VALUES (?, '县级交办', ?, 'XJ', 'escalated', ?, 0, ?, ?) ON CONFLICT(id) DO NOTHING`,
  ).run(COUNTY_SERVICE_ID, COUNTY_SERVICE_NAME, COUNTY_SERVICE_DAYS, now, now);
  return COUNTY_SERVICE_ID;
}
