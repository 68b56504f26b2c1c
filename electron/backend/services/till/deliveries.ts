import { fail } from '../../../../shared/contract';
import type { Delivery } from '../../../../shared/contract/till';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';
import { findDelivery, findPurchase } from './rows';
import { insertDelivery } from './purchases';
import { tillStatements } from './tillCardRow';
import type { TillUser } from './tillUser';

/** A delivery is for a known, delivery-eligible card that is in use today. */
function assertDeliverable(db: Db, cardNo: string, now: number): void {
  const card = tillStatements(db).card.get(cardNo);
  if (!card) throw fail.validation('till.refusal.unknown', 'cardNo');
  if (card.status !== 'active') throw fail.validation(`till.refusal.${card.status}`, 'cardNo');
  const today = shanghaiDate(now);
  if (today < card.valid_from) throw fail.validation('till.refusal.notYetValid', 'cardNo');
  if (today > card.valid_to) throw fail.validation('till.refusal.expired', 'cardNo');
  if (card.delivery !== 1) throw fail.validation('till.delivery.notEligible', 'cardNo');
}

export function requestDelivery(
  db: Db,
  input: { cardNo: string; address: string; note?: string; purchaseId: string | null },
  user: TillUser,
  now: number,
): string {
  return db
    .transaction(() => {
      assertDeliverable(db, input.cardNo, now);
      if (input.purchaseId) {
        const p = findPurchase(db, input.purchaseId);
        if (!p || p.partner_id !== user.partnerId || p.card_no !== input.cardNo || p.voided_at !== null) {
          throw fail.validation('till.delivery.purchase', 'purchaseId');
        }
      }
      return insertDelivery(db, { cardNo: input.cardNo, address: input.address, note: input.note ?? null, purchaseId: input.purchaseId }, user, now);
    })
    .immediate();
}

/** requested → delivered or cancelled; a finished delivery stays as it is. */
export function setDeliveryStatus(db: Db, id: string, status: Delivery['status'], user: TillUser, now: number): void {
  db.transaction(() => {
    const d = findDelivery(db, id);
    if (!d || d.partner_id !== user.partnerId) throw fail.notFound('till.delivery.notFound');
    if (status === 'requested') throw fail.validation('till.delivery.backToRequested', 'status');
    if (d.status !== 'requested') throw fail.conflict('till.delivery.finished', 'status');
    db.prepare('UPDATE deliveries SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
  }).immediate();
}

/** The one address a till may see (SPEC §4.7): a delivery-eligible card's delivery address. */
export function deliveryAddress(db: Db, cardNo: string): string | null {
  const card = tillStatements(db).card.get(cardNo);
  return card && card.delivery === 1 ? card.delivery_address : null;
}
