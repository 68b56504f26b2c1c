import type { Db } from '../../db/open';
import type { Delivery, Purchase } from '../../../../shared/contract/till';

/**
 * Purchase and delivery rows as the till shows them. The masked name comes from `till_cards`; a card
 * issued after the last package (verified on its signature alone) has no row there yet, hence the dash.
 */
const NO_NAME = '—';

export interface PurchaseRow {
  id: string;
  card_no: string;
  partner_id: string;
  till_user_name: string;
  at: number;
  month: string;
  amount_fen: number;
  cost_fen: number | null;
  eligible_fen: number;
  discount_fen: number;
  pay_fen: number;
  voided_at: number | null;
  void_reason: string | null;
  exported_at: number | null;
  masked_name: string | null;
}

export const PURCHASE_SELECT = `SELECT p.*, t.masked_name FROM purchases p LEFT JOIN till_cards t ON t.card_no = p.card_no`;

export function findPurchase(db: Db, id: string): PurchaseRow | undefined {
  return db.prepare(`${PURCHASE_SELECT} WHERE p.id = ?`).get(id) as PurchaseRow | undefined;
}

/** A purchase may be voided by its till within the void window (inclusive) of when it was logged. */
export function isVoidable(r: Pick<PurchaseRow, 'at' | 'voided_at'>, now: number, voidWindowMinutes: number): boolean {
  return r.voided_at === null && now - r.at <= voidWindowMinutes * 60_000;
}

export function toPurchase(r: PurchaseRow, now: number, voidWindowMinutes: number): Purchase {
  return {
    id: r.id,
    at: r.at,
    cardNo: r.card_no,
    maskedName: r.masked_name ?? NO_NAME,
    amountFen: r.amount_fen,
    costFen: r.cost_fen,
    eligibleFen: r.eligible_fen,
    discountFen: r.discount_fen,
    payFen: r.pay_fen,
    tillUserName: r.till_user_name,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    voidable: isVoidable(r, now, voidWindowMinutes),
  };
}

export interface DeliveryRow {
  id: string;
  partner_id: string;
  card_no: string;
  purchase_id: string | null;
  address: string;
  note: string | null;
  status: Delivery['status'];
  requested_at: number;
  requested_by: string;
  updated_at: number;
  masked_name: string | null;
}

export const DELIVERY_SELECT = `SELECT d.*, t.masked_name FROM deliveries d LEFT JOIN till_cards t ON t.card_no = d.card_no`;

export function findDelivery(db: Db, id: string): DeliveryRow | undefined {
  return db.prepare(`${DELIVERY_SELECT} WHERE d.id = ?`).get(id) as DeliveryRow | undefined;
}

export function toDelivery(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    requestedAt: r.requested_at,
    cardNo: r.card_no,
    maskedName: r.masked_name ?? NO_NAME,
    address: r.address,
    note: r.note,
    status: r.status,
    purchaseId: r.purchase_id,
    updatedAt: r.updated_at,
  };
}
