import { fail } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { tillIdentity } from '../till/identity';
import { fileNameSafe } from './fileName';
import { PURCHASE_LOG_FORMAT, PURCHASE_LOG_VERSION, type DeliveryLogRow, type PurchaseLogRow } from './purchaseLogFormat';


/**
 * The partner's purchase log for the centre (till.exportPurchases): every purchase and delivery of
 * this shop, not only the new ones — the centre's import skips what it already has, so a lost or
 * repeated file does no harm. Marks the purchases exported and audits, in one transaction.
 */
export function exportPurchaseLog(db: Db, user: SessionUser, now: number) {
  const me = tillIdentity(db);
  if (me.mode !== 'partner') throw fail.conflict('purchases.exportAtCentre');
  if (!user.partnerId || user.partnerId !== me.partnerId) throw fail.forbidden('purchases.noPartner');
  const partnerId = user.partnerId;
  return db.transaction(() => {
    const purchases = db
      .prepare(
        `SELECT id, card_no AS cardNo, at, month, amount_fen AS amountFen, cost_fen AS costFen, eligible_fen AS eligibleFen,
                discount_fen AS discountFen, pay_fen AS payFen, till_user_name AS tillUserName, voided_at AS voidedAt,
                void_reason AS voidReason
           FROM purchases WHERE partner_id = ? ORDER BY at, id`,
      )
      .all(partnerId) as PurchaseLogRow[];
    const deliveries = db
      .prepare(
        `SELECT id, card_no AS cardNo, purchase_id AS purchaseId, address, note, status, requested_at AS requestedAt,
                requested_by AS requestedBy, updated_at AS updatedAt
           FROM deliveries WHERE partner_id = ? ORDER BY requested_at, id`,
      )
      .all(partnerId) as DeliveryLogRow[];
    const marked = db.prepare('UPDATE purchases SET exported_at = ? WHERE partner_id = ? AND exported_at IS NULL').run(now, partnerId).changes;
    writeAudit(db, user, now, {
      action: 'till.purchases.export',
      targetType: 'partner',
      targetId: partnerId,
      detail: { purchases: purchases.length, newlyExported: marked, deliveries: deliveries.length },
    });
    const file = {
      format: PURCHASE_LOG_FORMAT,
      version: PURCHASE_LOG_VERSION,
      centreCode: me.centreCode,
      partnerId,
      partnerName: me.partnerName ?? '',
      exportedAt: now,
      purchases,
      deliveries,
    };
    return {
      fileName: `爱心商户消费记录-${fileNameSafe(me.partnerName ?? '')}-${shanghaiDate(now)}.json`,
      base64: Buffer.from(JSON.stringify(file), 'utf8').toString('base64'),
      rows: purchases.length,
    };
  })();
}
