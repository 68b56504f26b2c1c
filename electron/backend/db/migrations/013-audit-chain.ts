import type Database from 'better-sqlite3';
import { AUDIT_GENESIS, auditRowHash, type ChainedAuditRow } from '../../services/audit/chain';
import type { Migration } from './index';

const BATCH = 5000;

/**
 * The audit log becomes a hash chain (issue 8; the hash's exact form is in services/audit/chain.ts).
 * Rows already there are chained in seq order: the chain vouches for them from today, not for what
 * happened to them before. The no-update trigger is lifted only for this fill, inside the
 * migration's transaction, and put back exactly as 001 made it.
 */
export const m013AuditChain: Migration = {
  name: '013-audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      DROP TRIGGER audit_log_no_update;
    `);
    fillChain(db);
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};

/** In batches by seq: better-sqlite3 cannot write while a read is still being iterated. */
function fillChain(db: Database.Database): void {
  const read = db.prepare(
    'SELECT id, seq, at, user_id, username, action, target_type, target_id, detail FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const write = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = AUDIT_GENESIS;
  let after = 0;
  for (;;) {
    const rows = read.all(after, BATCH) as ChainedAuditRow[];
    for (const r of rows) {
      const hash = auditRowHash(prev, r);
      write.run(prev, hash, r.seq);
      prev = hash;
    }
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.seq;
  }
}
