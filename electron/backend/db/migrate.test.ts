import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA, migrate, NewerSchemaError } from './migrate';
import { migrations } from './migrations';

describe('migrations', () => {
  it('bring an empty database to the latest version, and running again changes nothing', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(LATEST_SCHEMA);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toBe(LATEST_SCHEMA);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
  });

  it('refuse a database from a newer version and leave it untouched', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA + 1}`);
    expect(() => migrate(db)).toThrow(NewerSchemaError);
    expect(() => migrate(db)).toThrow(/数据库版本.*比本程序支持的版本.*新/);
    expect(db.prepare('SELECT count(*) n FROM sqlite_master').get()).toEqual({ n: 0 });
  });

  it('roll back whole when a migration fails', () => {
    const db = new Database(':memory:');
    const broken = { name: 'broken', up: () => { throw new Error('boom'); } };
    migrations.push(broken);
    try {
      expect(() => migrate(db, migrations.length)).toThrow('boom');
    } finally {
      migrations.pop();
    }
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare('SELECT count(*) n FROM sqlite_master').get()).toEqual({ n: 0 });
  });
});
