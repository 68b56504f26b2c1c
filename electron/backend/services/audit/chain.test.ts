import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import type { Db } from '../../db/open';
import { writeAudit } from './audit';
import { auditRowHash, verifyAuditChain } from './chain';
import { ROLES } from '../../../../shared/contract/roles';

let t: TestBackend;
let db: Db;
const admin = { userId: 'u-admin', username: 'admin' };

/** Ten more entries after what setup and login wrote; returns the seqs of all rows. */
function writeTen(): number[] {
  for (let i = 0; i < 10; i++) {
    db.transaction(() => writeAudit(db, admin, t.clock.now() + i, { action: 'resident.update', targetType: 'resident', targetId: `r${i}`, detail: { i, name: '张三' } }))();
  }
  return db.prepare('SELECT seq FROM audit_log ORDER BY seq').pluck().all() as number[];
}

/** What someone with the database file and a SQL shell could do: lift the triggers, change the log. */
function tamper(sql: string, ...args: unknown[]) {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.prepare(sql).run(...args);
}

const rowAt = (seq: number) => db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Parameters<typeof auditRowHash>[1] & { prev_hash: string; hash: string };

beforeEach(async () => {
  t = await makeTestBackend();
  db = t.backend.db;
});
afterEach(() => t.close());

describe('the audit hash chain', () => {
  it('is whole after ordinary writes, each row chained to the one before', () => {
    const seqs = writeTen();
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: seqs.length, firstBad: null, missingAtEnd: 0 });
    const [a, b] = [rowAt(4), rowAt(5)];
    expect(b.prev_hash).toBe(a.hash);
    expect(b.hash).toBe(auditRowHash(a.hash, b));
    // the documented form, computed here independently
    const canonical = JSON.stringify([a.hash, b.id, b.seq, b.at, b.user_id, b.username, b.action, b.target_type, b.target_id, b.detail]);
    expect(b.hash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    expect(rowAt(1).prev_hash).toBe('0'.repeat(64));
  });

  it.each([
    ['detail', `'{"i":99}'`],
    ['detail', 'NULL'],
    ['at', 'at + 1'],
    ['username', `'someone'`],
    ['user_id', 'NULL'],
    ['action', `'login'`],
    ['target_type', `'user'`],
    ['target_id', `'r99'`],
    ['id', `'forged-id'`],
    ['prev_hash', `'0000'`],
    ['hash', `'0000'`],
  ])('finds a row whose %s was changed (to %s)', (column, value) => {
    writeTen();
    const before = rowAt(6);
    tamper(`UPDATE audit_log SET ${column} = ${value} WHERE seq = 6`);
    expect(verifyAuditChain(db)).toEqual({ ok: false, checked: 5, firstBad: { seq: 6, at: rowAt(6).at, action: rowAt(6).action }, missingAtEnd: 0 });
    expect(rowAt(6)).not.toEqual(before);
  });

  it('finds a row deleted from the middle at the row after it', () => {
    writeTen();
    const next = rowAt(7);
    tamper('DELETE FROM audit_log WHERE seq = 6');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: 5, firstBad: { seq: 7, at: next.at, action: next.action } });
  });

  it('finds a row deleted and replaced by a forged one that chains to the row before', () => {
    writeTen();
    const gone = rowAt(6);
    tamper('DELETE FROM audit_log WHERE seq = 6');
    const forged = { ...gone, detail: '{"i":"forged"}' };
    const hash = auditRowHash(rowAt(5).hash, forged);
    db.prepare('INSERT INTO audit_log (seq, id, at, user_id, username, action, target_type, target_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      forged.seq, forged.id, forged.at, forged.user_id, forged.username, forged.action, forged.target_type, forged.target_id, forged.detail, rowAt(5).hash, hash,
    );
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: 6, firstBad: { seq: 7 } });
  });

  it('finds a forged row added at the end without the chain', () => {
    const seqs = writeTen();
    const last = seqs.length;
    tamper(`INSERT INTO audit_log (id, at, action, prev_hash, hash) VALUES ('forged', 1, 'login', ?, 'f00d')`, rowAt(last).hash);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: last, firstBad: { seq: last + 1, at: 1, action: 'login' } });
  });

  it('finds two rows swapped', () => {
    writeTen();
    tamper('UPDATE audit_log SET seq = -seq WHERE seq IN (6, 7)');
    db.exec('UPDATE audit_log SET seq = CASE seq WHEN -6 THEN 7 ELSE 6 END WHERE seq < 0');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: 5, firstBad: { seq: 6 } });
  });

  it('finds a deleted tail by the seqs handed out, and the gap once new entries follow', () => {
    const seqs = writeTen();
    const last = seqs.length;
    tamper('DELETE FROM audit_log WHERE seq >= ?', last - 1);
    expect(verifyAuditChain(db)).toEqual({ ok: false, checked: last - 2, firstBad: null, missingAtEnd: 2 });
    db.transaction(() => writeAudit(db, admin, t.clock.now(), { action: 'login' }))();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, checked: last - 2, firstBad: { seq: last + 1, action: 'login' } });
  });
});

describe('audit.verifyChain', () => {
  it('reports a whole chain to an admin and writes the check itself to the log', async () => {
    writeTen();
    const n = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const result = await t.ok(t.admin, 'audit.verifyChain', {});
    expect(result).toEqual({ ok: true, checked: n, firstBad: null, missingAtEnd: 0 });
    const logged = db.prepare(`SELECT username, detail FROM audit_log WHERE action = 'audit.verifyChain'`).all();
    expect(logged).toEqual([{ username: 'admin', detail: JSON.stringify(result) }]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: n + 1 });
  });

  it('reports the first bad row after tampering', async () => {
    writeTen();
    tamper(`UPDATE audit_log SET detail = '{}' WHERE seq = 8`);
    expect(await t.ok(t.admin, 'audit.verifyChain', {})).toMatchObject({ ok: false, checked: 7, firstBad: { seq: 8, action: 'resident.update' } });
  });

  it('is refused to every role but admin', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const slot = await t.loginAs(role);
      const r = await t.backend.dispatch(slot, 'audit.verifyChain', {});
      expect(r.ok, role).toBe(false);
      if (!r.ok) expect(r.error.code, role).toBe('FORBIDDEN');
    }
  });
});
