import type { Benefit } from '../../../../shared/contract/cards';
import { priceOf } from '../../../../shared/rules/money';
import type { Db } from '../../db/open';
import { DELIVERY_NOTES, VOID_REASONS } from './cardTexts';
import { fictionalId } from './intake';
import type { Rng } from './prng';

/*
 * The purchases at the partners' tills and the delivery requests they made, month by month, as the
 * till service would have logged them: each card's monthly cap holds (a purchase over what is left
 * gets the benefit on the part under the cap, and once nothing is left the card is refused and
 * nothing is logged); a voided purchase does not count against the cap; prices through the same
 * `priceOf` the till uses.
 */

export interface UsableCard {
  cardNo: string;
  benefit: Benefit;
  monthlyCapFen: number | null;
  delivery: boolean;
  /** Where deliveries go (the household's address). */
  address: string;
  /** Day ranges, both ends included (YYYY-MM-DD), when the card could be used: valid, not suspended. */
  periods: [string, string][];
  /** Indexes into the partners, the usual shop first. */
  shops: number[];
  /** Purchases in a whole month of use, on average. */
  perMonth: number;
}

export interface ShopPartner {
  id: string;
  /** Display names of its verifier accounts, as the till logs them. */
  tillUsers: string[];
  /** Open from this day; closed from `closedFrom` on (null: still open). */
  openFrom: string;
  closedFrom: string | null;
}

export interface PurchasePlan {
  /** First and last day of the history, both included. */
  from: string;
  to: string;
  now: number;
  /** Share of purchases voided at the till soon after (default 0.4 %). */
  voidShare?: number;
  /** Share of a delivery card's purchases delivered to the home. */
  deliveryShare: number;
  /** Every n-th delivery was cancelled (besides those of voided purchases). */
  cancelEvery: number;
  /** When the purchase reached the centre (a partner's exported log), or null when it was logged at the centre. */
  importedAt(at: number): number | null;
  progress?(month: string, counts: PurchaseCounts): void;
}

export interface PurchaseCounts {
  purchases: number;
  voided: number;
  deliveries: number;
  /** Purchases that would have gone over a used-up cap: refused at the till, not logged. */
  refusedAtCap: number;
}

const DAY_MS = 86_400_000;
const MIN = 60_000;
/** Tills are open 08:00–20:00, busiest in the morning and late afternoon. [from, to, weight] in minutes. */
const HOURS: readonly (readonly [readonly [number, number], number])[] = [
  [[480, 600], 30], [[600, 720], 22], [[720, 840], 10], [[840, 1020], 24], [[1020, 1200], 14],
];

const dayNo = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 00:00 in Shanghai of a day number. */
const midnightOf = (n: number) => n * DAY_MS - 8 * 3_600_000;

/** Shelf price in fen: most baskets ¥15–¥70, a few big ones. */
function basket(rng: Rng): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.max(300, Math.min(60_000, Math.round(Math.exp(Math.log(3_300) + 0.55 * z))));
}

interface Planned {
  card: UsableCard;
  at: number;
  partner: ShopPartner;
}

class PurchaseWriter {
  readonly purchase;
  readonly delivery;
  constructor(db: Db) {
    this.purchase = db.prepare(`INSERT INTO purchases (id, card_no, partner_id, till_user_name, at, month, amount_fen, cost_fen, eligible_fen,
      discount_fen, pay_fen, voided_at, void_reason, voided_by, exported_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.delivery = db.prepare(`INSERT INTO deliveries (id, partner_id, card_no, purchase_id, address, note, status, requested_at, requested_by, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }
}

/** Writes every month's purchases in `plan.from`…`plan.to`, in time order. Call inside a transaction. */
export function fillPurchases(db: Db, rng: Rng, cards: UsableCard[], partners: ShopPartner[], plan: PurchasePlan): PurchaseCounts {
  const w = new PurchaseWriter(db);
  const counts: PurchaseCounts = { purchases: 0, voided: 0, deliveries: 0, refusedAtCap: 0 };
  const first = dayNo(plan.from);
  const last = dayNo(plan.to);
  const periods = cards.map((c) => c.periods.map(([a, b]) => [Math.max(first, dayNo(a)), Math.min(last, dayNo(b))] as const).filter(([a, b]) => a <= b));
  const open = partners.map((p) => [dayNo(p.openFrom), p.closedFrom ? dayNo(p.closedFrom) : Infinity] as const);
  const isOpen = (i: number, day: number) => open[i]![0] <= day && day < open[i]![1];

  for (let monthStart = first; monthStart <= last; ) {
    const d = new Date(monthStart * DAY_MS);
    const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
    const monthEnd = Math.min(last, nextMonth - 1);
    const daysInMonth = nextMonth - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
    const month = dayOf(monthStart).slice(0, 7);
    const planned: Planned[] = [];
    cards.forEach((card, ci) => {
      const usable = periods[ci]!.map(([a, b]) => [Math.max(a, monthStart), Math.min(b, monthEnd)] as const).filter(([a, b]) => a <= b);
      const days = usable.reduce((s, [a, b]) => s + b - a + 1, 0);
      if (!days) return;
      const expected = (card.perMonth * days) / daysInMonth;
      const n = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
      for (let i = 0; i < n; i++) {
        let k = rng.int(0, days - 1);
        let day = 0;
        for (const [a, b] of usable) {
          if (k <= b - a) {
            day = a + k;
            break;
          }
          k -= b - a + 1;
        }
        const shop = card.shops.find((s, rank) => isOpen(s, day) && rng.chance(rank === card.shops.length - 1 ? 1 : 0.65));
        // The usual shops all closed that day: any shop that was open.
        const others = shop === undefined ? partners.map((_, pi) => pi).filter((pi) => isOpen(pi, day)) : [];
        if (shop === undefined && !others.length) continue;
        const partnerIndex = shop ?? rng.pick(others);
        const [from, to] = rng.weighted(HOURS);
        planned.push({ card, partner: partners[partnerIndex]!, at: midnightOf(day) + Math.floor((from + rng.next() * (to - from)) * MIN) + rng.int(0, 59_999) });
      }
    });
    planned.sort((a, b) => a.at - b.at);
    const used = new Map<string, number>();
    for (const p of planned) writeOne(w, rng, plan, p, month, used, counts);
    plan.progress?.(month, counts);
    monthStart = nextMonth;
  }
  return counts;
}

function writeOne(w: PurchaseWriter, rng: Rng, plan: PurchasePlan, p: Planned, month: string, used: Map<string, number>, counts: PurchaseCounts): void {
  const { card, at } = p;
  const spent = used.get(card.cardNo) ?? 0;
  const capLeftFen = card.monthlyCapFen === null ? null : Math.max(0, card.monthlyCapFen - spent);
  if (capLeftFen === 0) {
    counts.refusedAtCap++;
    return;
  }
  const amountFen = basket(rng);
  const costFen = card.benefit.kind === 'cost' ? Math.round(amountFen * (0.7 + 0.2 * rng.next())) : null;
  const price = priceOf({ benefit: card.benefit, amountFen, costFen, capLeftFen });
  const tillUser = rng.pick(p.partner.tillUsers);
  let voidedAt = rng.chance(plan.voidShare ?? 0.004) ? at + rng.int(1, 25) * MIN : null;
  if (voidedAt !== null && voidedAt > plan.now) voidedAt = null;
  const voided = voidedAt !== null;
  if (!voided) used.set(card.cardNo, spent + price.eligibleFen);
  const id = fictionalId(rng, at);
  const importedAt = plan.importedAt(voidedAt ?? at);
  w.purchase.run(id, card.cardNo, p.partner.id, tillUser, at, month, amountFen, costFen, price.eligibleFen, price.discountFen, price.payFen,
    voidedAt, voided ? rng.pick(VOID_REASONS) : null, voided ? tillUser : null, null, importedAt);
  counts.purchases++;
  if (voided) counts.voided++;
  if (!card.delivery || !rng.chance(plan.deliveryShare)) return;
  const requestedAt = at + rng.int(20, 180) * 1000;
  let status: 'requested' | 'delivered' | 'cancelled';
  let updatedAt = requestedAt;
  if (voided) {
    status = 'cancelled';
    updatedAt = voidedAt!;
  } else if (requestedAt > plan.now - 2 * DAY_MS && rng.chance(0.6)) {
    status = 'requested';
  } else {
    status = counts.deliveries % plan.cancelEvery === plan.cancelEvery - 1 ? 'cancelled' : 'delivered';
    updatedAt = Math.min(plan.now, requestedAt + rng.int(status === 'delivered' ? 60 : 10, status === 'delivered' ? 300 : 60) * MIN);
  }
  w.delivery.run(fictionalId(rng, requestedAt), p.partner.id, card.cardNo, id, card.address, rng.pick(DELIVERY_NOTES), status, requestedAt, tillUser, updatedAt);
  counts.deliveries++;
}

/** Each partner's latest `n` deliveries are still on their way (requested): every till's 送货上门 list has work in it. */
export function keepLatestDeliveriesOpen(db: Db, n: number): number {
  return db
    .prepare(
      `UPDATE deliveries SET status = 'requested', updated_at = requested_at
        WHERE id IN (SELECT id FROM (SELECT d.id, row_number() OVER (PARTITION BY d.partner_id ORDER BY d.requested_at DESC) k
                                       FROM deliveries d JOIN purchases p ON p.id = d.purchase_id
                                      WHERE d.status = 'delivered' AND p.voided_at IS NULL)
                      WHERE k <= ?)`,
    )
    .run(n).changes;
}
