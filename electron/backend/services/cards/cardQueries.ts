import { fail, type CardDetail, type ParsedInput } from '../../../../shared/contract';
import type { CARD_EVENT_ACTIONS, CARD_LISTS } from '../../../../shared/contract/cards';
import { addDays } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { residentWhere } from '../residents/residents';
import { monthOf } from './dates';
import { getCardRules } from './rules';
import { CARD_SELECT, toCardSummary, type CardRow } from './rows';

export type CardList = (typeof CARD_LISTS)[number];
export interface CardFilter {
  list: CardList;
  q?: string | undefined;
}

/**
 * The WHERE and ORDER of a card list. The lists by validity are written on (status, valid_to) so
 * they walk the index cards_status_valid_to; the others show the newest card first (ids are UUIDv7).
 */
export function cardWhere(db: Db, f: CardFilter, today: string): { sql: string; args: unknown[]; order: string } {
  const parts: string[] = [];
  const args: unknown[] = [];
  let order = 'c.id DESC';
  switch (f.list) {
    case 'active':
      parts.push(`c.status = 'active' AND c.valid_to >= ?`);
      args.push(today);
      break;
    case 'expired':
      parts.push(`c.status = 'active' AND c.valid_to < ?`);
      args.push(today);
      order = 'c.valid_to DESC, c.id DESC';
      break;
    case 'reviewDue':
      parts.push(`c.status = 'active' AND c.valid_to >= ? AND c.valid_to <= ?`);
      args.push(today, addDays(today, getCardRules(db).reviewAheadDays));
      order = 'c.valid_to, c.id';
      break;
    case 'suspended':
    case 'revoked':
    case 'replaced':
      parts.push('c.status = ?');
      args.push(f.list);
      break;
    case 'all':
      break;
  }
  const q = f.q?.trim();
  if (q && /^[\d\s]+$/.test(q)) {
    // A card number or part of it, as printed (1000 0001 23) or typed.
    parts.push('c.card_no LIKE ?');
    args.push(`%${q.replace(/\s/g, '')}%`);
  } else if (q) {
    const w = residentWhere(db, { q });
    parts.push(`c.holder_resident_id IN (SELECT r.id FROM residents r WHERE ${w.sql})`);
    args.push(...w.args);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', args, order };
}

export function listCards(db: Db, f: ParsedInput<'cards.list'>, today: string) {
  const w = cardWhere(db, f, today);
  const total = (db.prepare(`SELECT count(*) n FROM cards c WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = db
    .prepare(`${CARD_SELECT} WHERE c.rowid IN (SELECT c.rowid FROM cards c WHERE ${w.sql} ORDER BY ${w.order} LIMIT ? OFFSET ?) ORDER BY ${w.order}`)
    .all(...w.args, f.limit, f.offset) as CardRow[];
  return { total, rows: rows.map((r) => toCardSummary(r, today)) };
}

/** Every card of a list, for the export. */
export function allMatchingCards(db: Db, f: CardFilter, today: string): CardRow[] {
  const w = cardWhere(db, f, today);
  return db.prepare(`${CARD_SELECT} WHERE ${w.sql} ORDER BY ${w.order}`).all(...w.args) as CardRow[];
}

export function cardsOfHousehold(db: Db, householdId: string, today: string) {
  return (db.prepare(`${CARD_SELECT} WHERE c.household_id = ? ORDER BY c.id DESC`).all(householdId) as CardRow[]).map((r) => toCardSummary(r, today));
}

export function getCardRow(db: Db, id: string): CardRow {
  const row = db.prepare(`${CARD_SELECT} WHERE c.id = ?`).get(id) as CardRow | undefined;
  if (!row) throw fail.notFound('card.notFound');
  return row;
}

/** Discounted spending counted against the cap in the month of `today` (voided purchases do not count). */
export function monthUsedFen(db: Db, cardNo: string, today: string): number {
  const r = db.prepare('SELECT coalesce(sum(eligible_fen), 0) n FROM purchases WHERE card_no = ? AND month = ? AND voided_at IS NULL').get(cardNo, monthOf(today)) as {
    n: number;
  };
  return r.n;
}

export function getCardDetail(db: Db, id: string, today: string): CardDetail {
  const c = getCardRow(db, id);
  const replacedBy = c.replaced_by_card_id
    ? (db.prepare('SELECT card_no FROM cards WHERE id = ?').get(c.replaced_by_card_id) as { card_no: string } | undefined)
    : undefined;
  const events = db.prepare('SELECT at, action, user_name, note FROM card_events WHERE card_id = ? ORDER BY seq').all(id) as {
    at: number;
    action: (typeof CARD_EVENT_ACTIONS)[number];
    user_name: string;
    note: string | null;
  }[];
  return {
    ...toCardSummary(c, today),
    holderResidentId: c.holder_resident_id,
    applicationId: c.application_id,
    replacedByCardNo: replacedBy?.card_no ?? null,
    keyId: c.key_id,
    monthUsedFen: monthUsedFen(db, c.card_no, today),
    events: events.map((e) => ({ at: e.at, action: e.action, userName: e.user_name, note: e.note })),
  };
}
