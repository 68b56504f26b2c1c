import { fail } from '../../../../shared/contract';
import type { ParsedInput } from '../../../../shared/contract';
import { formatFen, priceOf } from '../../../../shared/rules/money';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { enqueueOutbox } from '../outbox/outbox';
import { getCardRules } from '../cards/rules';
import { tillMode } from './identity';
import { findPurchase, isVoidable } from './rows';
import type { TillUser } from './tillUser';
import { verifyCode } from './verify';

type PurchaseInput = ParsedInput<'till.purchase'>;

/** At the centre the purchase log is the centre's own: the county hears of it through the outbox (no personal data). */
function toOutbox(db: Db, now: number, kind: 'purchase' | 'void', purchaseId: string): void {
  if (tillMode(db) !== 'centre') return;
  const p = findPurchase(db, purchaseId)!;
  enqueueOutbox(db, now, {
    stream: 'purchases',
    kind,
    recordId: p.id,
    payload: {
      cardNo: p.card_no,
      partnerId: p.partner_id,
      at: p.at,
      month: p.month,
      amountFen: p.amount_fen,
      eligibleFen: p.eligible_fen,
      discountFen: p.discount_fen,
      payFen: p.pay_fen,
      voidedAt: p.voided_at,
    },
  });
}

/**
 * Logs a purchase (SPEC §4.6), once: the same purchase id again returns the first one. The card is
 * verified again inside the (immediate) transaction, so the cap seen and the cap spent are the same
 * even when several tills take the same card at once; anything refused writes nothing.
 */
export function recordPurchase(db: Db, input: PurchaseInput, user: TillUser, now: number): string {
  return db
    .transaction(() => {
      const existing = findPurchase(db, input.purchaseId);
      if (existing) {
        if (existing.partner_id !== user.partnerId) throw fail.conflict('till.purchase.otherPartner');
        return existing.id;
      }
      const verdict = verifyCode(db, input.code, now, { withPurchaseId: false });
      if (!verdict.ok || !verdict.benefit || !verdict.cardNo) throw fail.validation(`till.refusal.${verdict.reason}`, 'code');
      const rules = getCardRules(db);
      if (input.amountFen > rules.maxPurchaseFen) {
        throw fail.validation('money.tooLarge', 'amountFen', { max: formatFen(rules.maxPurchaseFen) });
      }
      let costFen: number | null = null;
      if (verdict.benefit.kind === 'cost') {
        if (input.costFen === null) throw fail.validation('till.cost.required', 'costFen');
        if (input.costFen > input.amountFen) throw fail.validation('till.cost.overAmount', 'costFen');
        costFen = input.costFen;
      }
      const price = priceOf({ benefit: verdict.benefit, amountFen: input.amountFen, costFen, capLeftFen: verdict.capLeftFen });
      if (price.discountFen !== input.expectedDiscountFen) {
        // Another till spent from the cap since this screen's check (or the card's benefit changed).
        if (verdict.capLeftFen !== null) throw fail.conflict('till.cap.changed', 'amountFen', { left: formatFen(verdict.capLeftFen) });
        throw fail.conflict('till.discount.changed', 'amountFen', { discount: formatFen(price.discountFen) });
      }
      if (input.delivery && !verdict.delivery) throw fail.validation('till.delivery.notEligible', 'delivery');

      db.prepare(
        `INSERT INTO purchases (id, card_no, partner_id, till_user_name, at, month, amount_fen, cost_fen, eligible_fen, discount_fen, pay_fen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.purchaseId,
        verdict.cardNo,
        user.partnerId,
        user.name,
        now,
        shanghaiDate(now).slice(0, 7),
        input.amountFen,
        costFen,
        price.eligibleFen,
        price.discountFen,
        price.payFen,
      );
      if (input.delivery) {
        insertDelivery(db, { cardNo: verdict.cardNo, address: input.delivery.address, note: input.delivery.note ?? null, purchaseId: input.purchaseId }, user, now);
      }
      toOutbox(db, now, 'purchase', input.purchaseId);
      return input.purchaseId;
    })
    .immediate();
}

export function insertDelivery(
  db: Db,
  d: { cardNo: string; address: string; note: string | null; purchaseId: string | null },
  user: TillUser,
  now: number,
): string {
  const id = newId();
  db.prepare(
    `INSERT INTO deliveries (id, partner_id, card_no, purchase_id, address, note, status, requested_at, requested_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?)`,
  ).run(id, user.partnerId, d.cardNo, d.purchaseId, d.address, d.note, now, user.name, now);
  return id;
}

/**
 * Voids one of this partner's purchases within the void window, with a reason; a delivery still
 * waiting on it is cancelled. On a partner's till the purchase is marked unexported again, so the
 * next purchase log carries the void to the centre.
 */
export function voidPurchase(db: Db, id: string, reason: string, user: TillUser, now: number): void {
  db.transaction(() => {
    const p = findPurchase(db, id);
    if (!p || p.partner_id !== user.partnerId) throw fail.notFound('till.purchase.notFound');
    if (p.voided_at !== null) throw fail.conflict('till.void.already');
    const { voidWindowMinutes } = getCardRules(db);
    if (!isVoidable(p, now, voidWindowMinutes)) throw fail.conflict('till.void.tooLate', undefined, { minutes: voidWindowMinutes });
    db.prepare('UPDATE purchases SET voided_at = ?, void_reason = ?, voided_by = ?, exported_at = NULL WHERE id = ?').run(now, reason, user.name, id);
    db.prepare(`UPDATE deliveries SET status = 'cancelled', updated_at = ? WHERE purchase_id = ? AND status = 'requested'`).run(now, id);
    toOutbox(db, now, 'void', id);
  }).immediate();
}
