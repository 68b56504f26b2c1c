import { priceOf } from '../../../../shared/rules/money';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';

/*
 * For the tests of the demo and the bench dataset: do the written purchases look exactly like what
 * the till would have logged? Each is replayed in time order against its card.
 */

interface Row {
  id: string;
  card_no: string;
  at: number;
  month: string;
  amount_fen: number;
  cost_fen: number | null;
  eligible_fen: number;
  discount_fen: number;
  pay_fen: number;
  voided_at: number | null;
  benefit_kind: 'percent' | 'cost';
  benefit_value: number;
  monthly_cap_fen: number | null;
  valid_to: string;
}

/**
 * What is wrong with the purchases, at most `limit` lines: a price the till would not have computed
 * with what was left of the cap at that moment (so a cap overspent shows here too), a purchase on a
 * card that was not yet issued, was suspended, revoked or replaced that day, or past its validity.
 */
export function purchaseProblems(db: Db, limit = 20): string[] {
  const problems: string[] = [];
  const say = (s: string) => problems.length < limit && problems.push(s);
  const events = new Map<string, { day: string; action: string }[]>();
  for (const e of db
    .prepare(`SELECT c.card_no, e.at, e.action FROM card_events e JOIN cards c ON c.id = e.card_id WHERE e.action IN ('issued', 'suspended', 'resumed', 'revoked', 'replaced') ORDER BY e.seq`)
    .iterate() as Iterable<{ card_no: string; at: number; action: string }>) {
    const list = events.get(e.card_no) ?? [];
    list.push({ day: shanghaiDate(e.at), action: e.action });
    events.set(e.card_no, list);
  }
  /** Could the card be used at a till on that day, by its events? (From the day it was issued or resumed, not on the day it stopped.) */
  const usable = (cardNo: string, day: string) => {
    let state = 'none';
    for (const e of events.get(cardNo) ?? []) {
      if (e.day > day) break;
      state = e.action;
    }
    return state === 'issued' || state === 'resumed';
  };
  const used = new Map<string, number>();
  const rows = db
    .prepare(
      `SELECT p.*, c.benefit_kind, c.benefit_value, c.monthly_cap_fen, c.valid_to FROM purchases p JOIN cards c ON c.card_no = p.card_no ORDER BY p.at, p.id`,
    )
    .iterate() as Iterable<Row>;
  for (const p of rows) {
    const day = shanghaiDate(p.at);
    if (p.month !== day.slice(0, 7)) say(`${p.id}: month ${p.month} for a purchase on ${day}`);
    if (!usable(p.card_no, day) || day > p.valid_to) say(`${p.id}: card ${p.card_no} could not be used on ${day}`);
    const key = `${p.card_no}|${p.month}`;
    const spent = used.get(key) ?? 0;
    const capLeftFen = p.monthly_cap_fen === null ? null : p.monthly_cap_fen - spent;
    if (capLeftFen !== null && capLeftFen <= 0) say(`${p.id}: card ${p.card_no} had nothing left of its cap in ${p.month}`);
    if ((p.cost_fen === null) !== (p.benefit_kind === 'percent')) say(`${p.id}: cost price ${p.cost_fen} on a ${p.benefit_kind} card`);
    const price = priceOf({ benefit: { kind: p.benefit_kind, value: p.benefit_value }, amountFen: p.amount_fen, costFen: p.cost_fen, capLeftFen });
    if (price.eligibleFen !== p.eligible_fen || price.discountFen !== p.discount_fen || price.payFen !== p.pay_fen) {
      say(`${p.id}: logged ${p.eligible_fen}/${p.discount_fen}/${p.pay_fen}, the till computes ${price.eligibleFen}/${price.discountFen}/${price.payFen}`);
    }
    if (p.voided_at === null) used.set(key, spent + p.eligible_fen);
  }
  return problems;
}
