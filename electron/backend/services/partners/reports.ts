import type { CardReport } from '../../../../shared/contract/partners';
import { shanghaiDate } from '../../../../shared/rules/time';
import { addDays } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { getCardRules } from '../cards/rules';

/**
 * The card reports (SPEC §4.8): per partner, per household (card) and the trend, for one month. A
 * voided purchase counts as voided and nowhere else. They run on the read worker; each query walks one
 * month through the index purchases_month_partner_at (a month is some 17,000 rows at a big centre).
 */

type PartnerMonthRow = CardReport['byPartner'][number];
type HouseholdMonthRow = CardReport['byHousehold'][number];

/** The twelve months ending at `month`, oldest first. */
export function monthsEnding(month: string, n = 12): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

const partnerFilter = (partnerId: string | undefined) => (partnerId ? 'AND p.partner_id = ?' : '');
const args = (month: string, partnerId: string | undefined) => (partnerId ? [month, partnerId] : [month]);

export function partnerMonthRows(db: Db, month: string, partnerId?: string): PartnerMonthRow[] {
  return db
    .prepare(
      `SELECT g.partner_id AS partnerId, COALESCE(pt.name, g.partner_id) AS partnerName, g.purchases, g.voided, g.cards,
              g.amountFen, g.discountFen, g.payFen
         FROM (SELECT p.partner_id,
                      SUM(p.voided_at IS NULL) AS purchases, SUM(p.voided_at IS NOT NULL) AS voided,
                      COUNT(DISTINCT CASE WHEN p.voided_at IS NULL THEN p.card_no END) AS cards,
                      TOTAL(CASE WHEN p.voided_at IS NULL THEN p.amount_fen END) AS amountFen,
                      TOTAL(CASE WHEN p.voided_at IS NULL THEN p.discount_fen END) AS discountFen,
                      TOTAL(CASE WHEN p.voided_at IS NULL THEN p.pay_fen END) AS payFen
                 FROM purchases p WHERE p.month = ? ${partnerFilter(partnerId)} GROUP BY p.partner_id) g
         LEFT JOIN partners pt ON pt.id = g.partner_id
        ORDER BY g.discountFen DESC, partnerName`,
    )
    .all(...args(month, partnerId)) as PartnerMonthRow[];
}

/**
 * Per card (and so per household) with spending this month, biggest discount first. The sums come from
 * the index alone (migration 007); names are looked up only for the rows asked for.
 */
export function householdMonthRows(db: Db, month: string, partnerId?: string, limit = -1): HouseholdMonthRow[] {
  return db
    .prepare(
      `SELECT c.household_id AS householdId, COALESCE(r.name, '未登记的卡号') AS headName, g.card_no AS cardNo, g.purchases,
              g.amountFen, g.discountFen, c.monthly_cap_fen AS capFen
         FROM (SELECT p.card_no, COUNT(*) AS purchases, TOTAL(p.amount_fen) AS amountFen, TOTAL(p.discount_fen) AS discountFen
                 FROM purchases p WHERE p.month = ? AND p.voided_at IS NULL ${partnerFilter(partnerId)}
                GROUP BY p.card_no ORDER BY discountFen DESC, p.card_no LIMIT ?) g
         LEFT JOIN cards c ON c.card_no = g.card_no
         LEFT JOIN households h ON h.id = c.household_id
         LEFT JOIN residents r ON r.id = h.head_resident_id
        ORDER BY g.discountFen DESC, g.card_no`,
    )
    .all(...args(month, partnerId), limit) as HouseholdMonthRow[];
}

function cardsWithSpending(db: Db, month: string): number {
  return db.prepare('SELECT COUNT(DISTINCT card_no) FROM purchases WHERE month = ? AND voided_at IS NULL').pluck().get(month) as number;
}

function trend(db: Db, month: string): CardReport['trend'] {
  const months = monthsEnding(month);
  const rows = db
    .prepare(
      `SELECT month, COUNT(*) AS purchases, TOTAL(amount_fen) AS amountFen, TOTAL(discount_fen) AS discountFen
         FROM purchases WHERE month BETWEEN ? AND ? AND voided_at IS NULL GROUP BY month`,
    )
    .all(months[0], month) as CardReport['trend'];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((m) => byMonth.get(m) ?? { month: m, purchases: 0, amountFen: 0, discountFen: 0 });
}

function cardCounts(db: Db, now: number): { activeCards: number; reviewsDue: number } {
  const today = shanghaiDate(now);
  const dueBy = addDays(today, getCardRules(db).reviewAheadDays);
  return db
    .prepare(
      `SELECT COUNT(*) AS activeCards, TOTAL(valid_to <= ?) AS reviewsDue FROM cards WHERE status = 'active' AND valid_to >= ?`,
    )
    .get(dueBy, today) as { activeCards: number; reviewsDue: number };
}

/** Active partners with nothing this month are listed too, with zeros: the reconciliation names every shop. */
function withIdlePartners(db: Db, rows: PartnerMonthRow[]): PartnerMonthRow[] {
  const seen = new Set(rows.map((r) => r.partnerId));
  const idle = (db.prepare('SELECT id, name FROM partners WHERE active = 1 ORDER BY name').all() as { id: string; name: string }[])
    .filter((p) => !seen.has(p.id))
    .map((p) => ({ partnerId: p.id, partnerName: p.name, purchases: 0, voided: 0, cards: 0, amountFen: 0, discountFen: 0, payFen: 0 }));
  return [...rows, ...idle];
}

export function cardMonthReport(db: Db, month: string, now: number): CardReport {
  const byPartner = withIdlePartners(db, partnerMonthRows(db, month));
  const sum = (f: (r: PartnerMonthRow) => number) => byPartner.reduce((n, r) => n + f(r), 0);
  return {
    month,
    ...cardCounts(db, now),
    byPartner,
    totals: {
      purchases: sum((r) => r.purchases),
      voided: sum((r) => r.voided),
      cards: cardsWithSpending(db, month),
      amountFen: sum((r) => r.amountFen),
      discountFen: sum((r) => r.discountFen),
      payFen: sum((r) => r.payFen),
    },
    trend: trend(db, month),
    byHousehold: householdMonthRows(db, month, undefined, 200),
  };
}
