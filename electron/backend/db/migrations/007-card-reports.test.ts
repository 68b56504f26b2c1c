import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('migration 007: the card report index', () => {
  it('lets the trend and the per-card sums read the index alone, in card order', () => {
    const db = new Database(':memory:');
    for (const m of migrations) m.up(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const trend = plan(
      `SELECT month, COUNT(*), TOTAL(amount_fen), TOTAL(discount_fen) FROM purchases WHERE month BETWEEN '2025-12' AND '2026-11' AND voided_at IS NULL GROUP BY month`,
    );
    expect(trend).toMatch(/COVERING INDEX purchases_month_card_sums/);
    const perCard = plan(
      `SELECT card_no, COUNT(*), TOTAL(amount_fen), TOTAL(discount_fen) FROM purchases WHERE month = '2026-11' AND voided_at IS NULL GROUP BY card_no`,
    );
    expect(perCard).toMatch(/COVERING INDEX purchases_month_card_sums/);
    expect(perCard).not.toMatch(/TEMP B-TREE/);
  });
});
