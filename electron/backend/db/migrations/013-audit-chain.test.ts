import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { writeAudit } from '../../services/audit/audit';
import { AUDIT_GENESIS, auditRowHash, verifyAuditChain } from '../../services/audit/chain';

/** A database at schema 12 holding `n` audit rows written the old way (no hashes). */
function schema12WithAudit(n: number) {
  const db = new Database(':memory:');
  migrate(db, 12);
  const ins = db.prepare('INSERT INTO audit_log (id, at, user_id, username, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      ins.run(`id-${i}`, 1_700_000_000_000 + i, i % 3 ? 'u1' : null, i % 3 ? 'admin' : null, i % 2 ? 'login' : 'resident.update', 'user', `t${i}`, i % 5 ? null : `{"n":${i}}`);
    }
  })();
  return db;
}

describe('migration 013-audit-chain', () => {
  it('chains the rows already there, in seq order, from the genesis value', () => {
    const db = schema12WithAudit(12_001); // more than one fill batch
    migrate(db, 13);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Parameters<typeof auditRowHash>[1][] & { prev_hash: string; hash: string }[];
    expect(rows).toHaveLength(12_001);
    expect(rows[0]!.prev_hash).toBe(AUDIT_GENESIS);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[5000]!.prev_hash).toBe(rows[4999]!.hash);
    expect(rows[0]!.hash).toBe(auditRowHash(AUDIT_GENESIS, rows[0]!));
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: 12_001, firstBad: null, missingAtEnd: 0 });
  });

  it('puts the append-only triggers back, and new entries continue the chain', () => {
    const db = schema12WithAudit(3);
    migrate(db, 13);
    expect(() => db.prepare(`UPDATE audit_log SET hash = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.transaction(() => writeAudit(db, { userId: 'u1', username: 'admin' }, 1_800_000_000_000, { action: 'settings.update', detail: { a: 1 } }))();
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: 4 });
  });

  it('leaves an empty log empty and valid', () => {
    const db = new Database(':memory:');
    migrate(db, 13);
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: 0, firstBad: null, missingAtEnd: 0 });
  });
});
