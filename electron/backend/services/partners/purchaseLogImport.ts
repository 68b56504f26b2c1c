import { fail } from '../../../../shared/contract';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { getCentreSettings } from '../centre/settings';
import { enqueueOutbox } from '../outbox/outbox';
import { findPartnerRow } from './partners';
import { deliveryLogRow, purchaseLogFile, purchaseLogRow, type DeliveryLogRow, type PurchaseLogRow } from './purchaseLogFormat';

const FIELD = 'fileBase64';

function parseFile(fileBase64: string) {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(fileBase64, 'base64').toString('utf8'));
  } catch {
    throw fail.validation('purchases.unreadable', FIELD);
  }
  const file = purchaseLogFile.safeParse(json);
  if (!file.success) throw fail.validation('purchases.unreadable', FIELD);
  return file.data;
}

/** Every row checked before anything is written: one bad row refuses the file, naming it (1-based). */
function checkedRows<T>(rows: unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, key: string): T[] {
  return rows.map((raw, i) => {
    const r = schema.safeParse(raw);
    if (!r.success) throw fail.validation(key, FIELD, { row: i + 1 });
    return r.data;
  });
}

export interface PurchaseImportResult {
  partnerName: string;
  added: number;
  alreadyHad: number;
  voidsApplied: number;
  deliveries: number;
  unknownCards: number;
}

function applyPurchases(db: Db, partnerId: string, rows: PurchaseLogRow[], now: number) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO purchases (id, card_no, partner_id, till_user_name, at, month, amount_fen, cost_fen, eligible_fen,
       discount_fen, pay_fen, voided_at, void_reason, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A void made at the till after the purchase reached the centre comes with a later file.
  const applyVoid = db.prepare(
    'UPDATE purchases SET voided_at = ?, void_reason = ? WHERE id = ? AND partner_id = ? AND voided_at IS NULL',
  );
  const known = db.prepare('SELECT 1 FROM cards WHERE card_no = ?').pluck();
  const counts = { added: 0, alreadyHad: 0, voidsApplied: 0, unknownCards: 0 };
  for (const p of rows) {
    if (!known.get(p.cardNo)) counts.unknownCards++;
    const added = insert.run(p.id, p.cardNo, partnerId, p.tillUserName, p.at, p.month, p.amountFen, p.costFen, p.eligibleFen,
      p.discountFen, p.payFen, p.voidedAt, p.voidReason, now).changes === 1;
    // The county gets amounts and the card number, never a name.
    const payload = { cardNo: p.cardNo, partnerId, at: p.at, month: p.month, amountFen: p.amountFen, eligibleFen: p.eligibleFen, discountFen: p.discountFen, payFen: p.payFen };
    if (added) {
      counts.added++;
      enqueueOutbox(db, now, { stream: 'purchases', kind: 'purchase', recordId: p.id, payload: { ...payload, voidedAt: p.voidedAt } });
      continue;
    }
    counts.alreadyHad++;
    if (p.voidedAt !== null && applyVoid.run(p.voidedAt, p.voidReason, p.id, partnerId).changes === 1) {
      counts.voidsApplied++;
      enqueueOutbox(db, now, { stream: 'purchases', kind: 'void', recordId: p.id, payload: { ...payload, voidedAt: p.voidedAt } });
    }
  }
  return counts;
}

/** Deliveries by id: a new one is added, a known one takes the till's newer status; returns how many changed. */
function applyDeliveries(db: Db, partnerId: string, rows: DeliveryLogRow[]): number {
  const upsert = db.prepare(
    `INSERT INTO deliveries (id, partner_id, card_no, purchase_id, address, note, status, requested_at, requested_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET status = excluded.status, note = excluded.note, address = excluded.address, updated_at = excluded.updated_at
       WHERE deliveries.partner_id = excluded.partner_id AND excluded.updated_at > deliveries.updated_at`,
  );
  let changed = 0;
  for (const d of rows) {
    changed += upsert.run(d.id, partnerId, d.cardNo, d.purchaseId, d.address, d.note, d.status, d.requestedAt, d.requestedBy, d.updatedAt).changes;
  }
  return changed;
}

/**
 * A partner's purchase log, imported at the centre (partners.importPurchases): checked whole first,
 * then written in one transaction. Purchases go in by id, so the same file twice adds nothing.
 */
export function importPurchaseLog(db: Db, fileBase64: string, now: number, actor: SessionUser): PurchaseImportResult {
  const file = parseFile(fileBase64);
  if (file.centreCode !== getCentreSettings(db).centreCode) throw fail.validation('purchases.otherCentre', FIELD);
  const purchases = checkedRows(file.purchases, purchaseLogRow, 'purchases.badRow');
  const deliveries = checkedRows(file.deliveries, deliveryLogRow, 'purchases.badDelivery');
  return db.transaction(() => {
    const partner = findPartnerRow(db, file.partnerId);
    if (!partner) throw fail.validation('purchases.unknownPartner', FIELD, { partner: file.partnerName });
    const counts = applyPurchases(db, partner.id, purchases, now);
    const changedDeliveries = applyDeliveries(db, partner.id, deliveries);
    db.prepare('UPDATE partners SET last_import_at = ? WHERE id = ?').run(now, partner.id);
    const result = { partnerName: partner.name, ...counts, deliveries: changedDeliveries };
    writeAudit(db, actor, now, {
      action: 'partner.purchases.import',
      targetType: 'partner',
      targetId: partner.id,
      detail: { exportedAt: file.exportedAt, rows: purchases.length, ...result },
    });
    return result;
  }).immediate();
}
