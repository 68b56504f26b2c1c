import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import type { AuditEntryRow } from '../../../../shared/contract';
import type { SessionUser } from '../../context';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log (the table refuses updates and deletes). Call inside the write's transaction. */
export function writeAudit(db: Db, user: Pick<SessionUser, 'userId' | 'username'> | null, at: number, e: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (id, at, user_id, username, action, target_type, target_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    at,
    user?.userId ?? null,
    user?.username ?? null,
    e.action,
    e.targetType ?? null,
    e.targetId ?? null,
    e.detail ? JSON.stringify(e.detail) : null,
  );
}

export function listAudit(db: Db, q: { action?: string; limit: number; offset: number }) {
  const where = q.action ? 'WHERE action = ?' : '';
  const args = q.action ? [q.action] : [];
  const total = (db.prepare(`SELECT count(*) n FROM audit_log ${where}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, at, username, action, target_type targetType, target_id targetId, detail
       FROM audit_log ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset) as AuditEntryRow[];
  return { total, rows };
}
