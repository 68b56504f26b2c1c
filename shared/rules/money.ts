/**
 * Money is integer fen (分) everywhere; text is parsed without floating point.
 *
 * The rounding rule (written down, SPEC §4.6): a discount is rounded DOWN to the whole fen, so the
 * subsidy never exceeds the stated benefit and the customer pays any odd fen. Where only part of a
 * purchase is under the monthly cap, only that part gets the benefit.
 */
import type { Benefit } from '../contract/cards';

/** "12", "12.5", "12.50", "¥12.50", "1,234.5" → fen; null for anything else (more than two decimals, signs, letters). */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/^[¥￥]/, '').replace(/,/g, '');
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1250 → "12.50" */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface PriceInput {
  benefit: Benefit;
  /** Shelf price. */
  amountFen: number;
  /** Cost price of the same goods, for a cost-price card. */
  costFen: number | null;
  /** Null: no cap. */
  capLeftFen: number | null;
}

export interface Price {
  /** The part of the amount counted against the cap and given the benefit. */
  eligibleFen: number;
  discountFen: number;
  payFen: number;
}

export function priceOf({ benefit, amountFen, costFen, capLeftFen }: PriceInput): Price {
  const eligibleFen = capLeftFen === null ? amountFen : Math.max(0, Math.min(amountFen, capLeftFen));
  let discountFen: number;
  if (benefit.kind === 'percent') {
    discountFen = Math.floor((eligibleFen * benefit.value) / 100);
  } else {
    const cost = Math.min(costFen ?? amountFen, amountFen);
    // The margin on the eligible share of the goods; integer arithmetic, rounded down.
    discountFen = amountFen === 0 ? 0 : Math.floor(((amountFen - cost) * eligibleFen) / amountFen);
  }
  return { eligibleFen, discountFen, payFen: amountFen - discountFen };
}
