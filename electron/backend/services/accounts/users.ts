import type { Db } from '../../db/open';
import type { Role, User } from '../../../../shared/contract';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_logins: number;
  locked_until: number | null;
  disabled: number;
  staff_id: string | null;
  partner_id: string | null;
  last_login_at: number | null;
}

export function findUserByName(db: Db, username: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function findUser(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) n FROM users').get() as { n: number }).n;
}

export function countActiveAdmins(db: Db, exceptId?: string): number {
  return (
    db
      .prepare(`SELECT count(*) n FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?`)
      .get(exceptId ?? '') as { n: number }
  ).n;
}

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until,
    staffId: r.staff_id,
    lastLoginAt: r.last_login_at,
  };
}

export function insertUser(
  db: Db,
  u: { id: string; username: string; displayName: string; role: Role; passwordHash: string; staffId?: string | null },
  now: number,
): void {
  db.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, staff_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(u.id, u.username, u.displayName, u.role, u.passwordHash, u.staffId ?? null, now, now);
}
