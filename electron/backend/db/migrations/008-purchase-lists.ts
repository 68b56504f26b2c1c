import type { Migration } from './index';

/**
 * The purchase detail (爱心卡报表 → 消费明细) reads newest first within a month, for all partners or one:
 * these indexes give that order directly instead of sorting a whole month (~100 ms at 25,000 rows).
 * (month, partner_id, at) also serves everything (month, partner_id) did, so that one goes.
 */
export const m008PurchaseLists: Migration = {
  name: '008-purchase-lists',
  up(db) {
    db.exec(`
      DROP INDEX purchases_month_partner;
      CREATE INDEX purchases_month_partner_at ON purchases(month, partner_id, at);
      CREATE INDEX purchases_month_at ON purchases(month, at);
    `);
  },
};
