import type { Db } from '../../db/open';
import type { Delivery, Purchase } from '../../../../shared/contract/till';
import { getCardRules } from '../cards/rules';
import { DELIVERY_SELECT, PURCHASE_SELECT, toDelivery, toPurchase, type DeliveryRow, type PurchaseRow } from './rows';

const DAY_MS = 86_400_000;

export interface DayPurchases {
  rows: Purchase[];
  /** Totals of the purchases that stand (voided ones are listed but not counted). */
  count: number;
  amountFen: number;
  discountFen: number;
  payFen: number;
}

/** One partner's purchases of one Asia/Shanghai day, newest first. */
export function dayPurchases(db: Db, partnerId: string, date: string, now: number): DayPurchases {
  const start = Date.parse(`${date}T00:00:00+08:00`);
  const rows = db
    .prepare(`${PURCHASE_SELECT} WHERE p.partner_id = ? AND p.at >= ? AND p.at < ? ORDER BY p.at DESC, p.id DESC`)
    .all(partnerId, start, start + DAY_MS) as PurchaseRow[];
  const { voidWindowMinutes } = getCardRules(db);
  const standing = rows.filter((r) => r.voided_at === null);
  return {
    rows: rows.map((r) => toPurchase(r, now, voidWindowMinutes)),
    count: standing.length,
    amountFen: standing.reduce((s, r) => s + r.amount_fen, 0),
    discountFen: standing.reduce((s, r) => s + r.discount_fen, 0),
    payFen: standing.reduce((s, r) => s + r.pay_fen, 0),
  };
}

/** How many deliveries a till lists at most (the open ones first, then the newest). */
const DELIVERY_LIMIT = 500;

export function partnerDeliveries(db: Db, partnerId: string, status: Delivery['status'] | undefined): Delivery[] {
  const rows = db
    .prepare(
      `${DELIVERY_SELECT} WHERE d.partner_id = ? AND (? IS NULL OR d.status = ?)
        ORDER BY d.status = 'requested' DESC, d.requested_at DESC LIMIT ${DELIVERY_LIMIT}`,
    )
    .all(partnerId, status ?? null, status ?? null) as DeliveryRow[];
  return rows.map(toDelivery);
}
