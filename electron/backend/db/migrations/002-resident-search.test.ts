import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m001Foundation } from './001-foundation';
import { m002ResidentSearch } from './002-resident-search';

describe('migration 002-resident-search', () => {
  it('indexes the residents already there and keeps the index in step afterwards', () => {
    const db = new Database(':memory:');
    m001Foundation.up(db);
    db.prepare(
      `INSERT INTO residents (id, name, name_pinyin, name_initials, gender, phone, id_number, created_at, updated_at)
       VALUES ('r1', '张小芳', 'zhangxiaofang', 'zxf', 'F', '010-62345678', '11010519491231002X', 1, 1)`,
    ).run();
    m002ResidentSearch.up(db);
    const find = (column: string, pattern: string) =>
      db.prepare(`SELECT rowid FROM residents_fts WHERE ${column} LIKE ?`).all(pattern).length;
    expect(db.prepare('SELECT search_grams, search_digits FROM residents').get()).toEqual({
      search_grams: '张||张小|小||小芳|芳||',
      search_digits: '01062345678 11010519491231002X',
    });
    expect(find('search_digits', '%1062345%')).toBe(1);
    expect(find('name', '%张小芳%')).toBe(1);
    db.prepare("UPDATE residents SET name = '李芬', search_grams = '李||李芬|芬||' WHERE id = 'r1'").run();
    expect(find('name', '%张小芳%')).toBe(0);
    expect(find('search_grams', '%芬||%')).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'residents_live_building'").get()).toBeTruthy();
  });
});
