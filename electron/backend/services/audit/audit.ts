import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import type { AuditEntryRow } from '../../../../shared/contract';
import type { SessionUser } from '../../context';
import { AUDIT_GENESIS, auditRowHash, type ChainedAuditRow } from './chain';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
}

interface ChainStatements {
  last: Statement<[], { hash: string }>;
  lastSeq: Statement<[], number>;
  insert: Statement<[string, string, number, number, string | null, string | null, string, string | null, string | null, string | null, string]>;
}

const cache = new WeakMap<Db, ChainStatements>();

function chainStatements(db: Db): ChainStatements {
  let s = cache.get(db);
  if (!s) {
    s = {
      last: db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      // the highest seq ever handed out, not max(seq): after a deleted tail the next row leaves a gap verify sees
      lastSeq: db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).pluck() as Statement<[], number>,
      insert: db.prepare(
        `INSERT INTO audit_log (prev_hash, id, seq, at, user_id, username, action, target_type, target_id, detail, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/**
 * Appends to the audit log, chained to the row before (see chain.ts; the table refuses updates and
 * deletes). Call inside the write's transaction: that makes reading the last hash and inserting atomic.
 */
export function writeAudit(db: Db, user: Pick<SessionUser, 'userId' | 'username'> | null, at: number, e: AuditEntry): void {
  const s = chainStatements(db);
  const prevHash = s.last.get()?.hash ?? AUDIT_GENESIS;
  const row: ChainedAuditRow = {
    id: newId(),
    seq: (s.lastSeq.get() ?? 0) + 1,
    at,
    user_id: user?.userId ?? null,
    username: user?.username ?? null,
    action: e.action,
    target_type: e.targetType ?? null,
    target_id: e.targetId ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
  s.insert.run(prevHash, row.id, row.seq, row.at, row.user_id, row.username, row.action, row.target_type, row.target_id, row.detail, auditRowHash(prevHash, row));
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
