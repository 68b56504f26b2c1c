import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { Benefit } from '../../../../shared/contract/cards';

/** A row of `till_cards`: what a till knows of a card (migration 006). */
export interface TillCardRow {
  card_no: string;
  masked_name: string;
  benefit_kind: Benefit['kind'];
  benefit_value: number;
  monthly_cap_fen: number | null;
  delivery: number;
  valid_from: string;
  valid_to: string;
  status: 'active' | 'suspended' | 'revoked' | 'replaced';
  delivery_address: string | null;
  used_month: string | null;
  used_elsewhere_fen: number;
}

export interface TillStatements {
  key: Statement<[string, number], { public_key: Buffer }>;
  card: Statement<[string], TillCardRow>;
  /** This till's own spending against a card's cap in a month (the partial index purchases_card_month). */
  usedLocally: Statement<[string, string], { used: number }>;
  /** A revocation the county reported (county sync), which the till refuses whatever the card row says. */
  countyRevoked: Statement<[string], { card_no: string }>;
}

const cache = new WeakMap<Db, TillStatements>();

/** Verification is hot (every scan, and again inside each purchase): its statements are prepared once per database. */
export function tillStatements(db: Db): TillStatements {
  let s = cache.get(db);
  if (!s) {
    s = {
      key: db.prepare('SELECT public_key FROM till_keys WHERE centre_code = ? AND key_id = ?'),
      card: db.prepare('SELECT * FROM till_cards WHERE card_no = ?'),
      usedLocally: db.prepare(
        'SELECT COALESCE(SUM(eligible_fen), 0) AS used FROM purchases WHERE card_no = ? AND month = ? AND voided_at IS NULL',
      ),
      countyRevoked: db.prepare('SELECT card_no FROM county_revocations WHERE card_no = ?'),
    };
    cache.set(db, s);
  }
  return s;
}
