import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('migration 008: the purchase detail indexes', () => {
  it('reads a month newest first without sorting, for all partners or one', () => {
    const db = new Database(':memory:');
    for (const m of migrations) m.up(db);
    const plan = (where: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM purchases p WHERE ${where} ORDER BY p.at DESC, p.id DESC LIMIT 50`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan("p.month = '2026-11'")).toMatch(/purchases_month_at/);
    expect(plan("p.month = '2026-11' AND p.partner_id = 'x'")).toMatch(/purchases_month_partner_at/);
    // Ties on the same millisecond are ordered by id: only those few rows are sorted.
    expect(plan("p.month = '2026-11'")).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});
