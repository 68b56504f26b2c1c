import { fail, type Output, type ParsedInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';

type PurchaseListRow = Output<'cardReports.purchases'>['rows'][number];

export interface PurchaseFilter {
  month: string;
  partnerId?: string;
  /** Digits: a whole card number or its beginning. */
  cardNo?: string;
}

function where(f: PurchaseFilter): { sql: string; args: string[] } {
  const parts = ['p.month = ?'];
  const args = [f.month];
  if (f.partnerId) {
    parts.push('p.partner_id = ?');
    args.push(f.partnerId);
  }
  if (f.cardNo) {
    const digits = f.cardNo.replace(/\s+/g, '');
    if (!/^\d{1,10}$/.test(digits)) throw fail.validation('cardReports.cardNo.digits', 'cardNo');
    parts.push('p.card_no LIKE ?');
    args.push(`${digits}%`);
  }
  return { sql: parts.join(' AND '), args };
}

const SELECT = `SELECT p.id, p.at, COALESCE(pt.name, p.partner_id) AS partnerName, p.card_no AS cardNo, r.name AS holderName,
                       p.amount_fen AS amountFen, p.discount_fen AS discountFen, p.pay_fen AS payFen,
                       p.voided_at IS NOT NULL AS voided, p.void_reason AS voidReason, p.till_user_name AS tillUserName
                  FROM purchases p
                  LEFT JOIN partners pt ON pt.id = p.partner_id
                  LEFT JOIN cards c ON c.card_no = p.card_no
                  LEFT JOIN residents r ON r.id = c.holder_resident_id`;

type Raw = Omit<PurchaseListRow, 'voided'> & { voided: number; tillUserName: string };

/** Every purchase of the month matching the filter, newest first (for the export: all of them). */
export function purchaseRows(db: Db, f: PurchaseFilter, limit = -1, offset = 0): (PurchaseListRow & { tillUserName: string })[] {
  const w = where(f);
  return (db.prepare(`${SELECT} WHERE ${w.sql} ORDER BY p.at DESC, p.id DESC LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as Raw[]).map(
    (r) => ({ ...r, voided: r.voided === 1 }),
  );
}

export function listPurchases(db: Db, input: ParsedInput<'cardReports.purchases'>): Output<'cardReports.purchases'> {
  const w = where(input);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM purchases p WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = purchaseRows(db, input, input.limit, input.offset).map(({ tillUserName: _, ...r }) => r);
  return { rows, total };
}
