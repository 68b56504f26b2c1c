import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m001Foundation } from './001-foundation';

describe('migration 001-foundation', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  m001Foundation.up(db);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);

  it('creates the foundation tables, outbox and audit log included', () => {
    for (const t of ['settings', 'users', 'audit_log', 'outbox', 'grid_nodes', 'residents', 'staff', 'services', 'stations', 'calendar_days']) {
      expect(tables).toContain(t);
    }
  });

  it('makes the audit log append-only', () => {
    db.prepare("INSERT INTO audit_log (id, at, action) VALUES ('a', 1, 'x')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('allows one live resident per ID number, but a voided record does not block a new one', () => {
    const ins = db.prepare(
      `INSERT INTO residents (id, name, name_pinyin, name_initials, gender, id_number, created_at, updated_at, voided_at)
       VALUES (?, '张三', 'zhangsan', 'zs', 'M', '11010519491231002X', 1, 1, ?)`,
    );
    ins.run('r1', 5);
    ins.run('r2', null);
    expect(() => ins.run('r3', null)).toThrow(/UNIQUE/);
  });

  it('checks roles and genders', () => {
    expect(() =>
      db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES ('u', 'u', 'u', 'root', 'h', 1, 1)").run(),
    ).toThrow(/CHECK/);
  });
});
