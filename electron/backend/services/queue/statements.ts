import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';

/**
 * Prepared statements kept per database: the queue's hot calls (issue, call next) run a handful of
 * small queries each, and compiling them on every call would be most of their cost.
 */
const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let s = byText.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byText.set(sql, s);
  }
  return s;
}
