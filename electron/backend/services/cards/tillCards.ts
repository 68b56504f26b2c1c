import type { Db } from '../../db/open';
import { maskName } from '../../../../shared/rules/mask';

/**
 * At the centre, `till_cards` mirrors `cards` (see migration 006): called in the same transaction as
 * every card change, so the centre's own till and the next partner package see the change at once.
 * Only what a till may know: number, masked name, benefit, cap, validity, status, and the delivery
 * address for delivery-eligible cards.
 */
export function refreshTillCard(db: Db, cardId: string): void {
  const c = db
    .prepare(
      `SELECT c.card_no, r.name, c.benefit_kind, c.benefit_value, c.monthly_cap_fen, c.delivery,
              c.valid_from, c.valid_to, c.status, h.address
         FROM cards c JOIN residents r ON r.id = c.holder_resident_id JOIN households h ON h.id = c.household_id
        WHERE c.id = ?`,
    )
    .get(cardId) as
    | {
        card_no: string;
        name: string;
        benefit_kind: string;
        benefit_value: number;
        monthly_cap_fen: number | null;
        delivery: number;
        valid_from: string;
        valid_to: string;
        status: string;
        address: string;
      }
    | undefined;
  if (!c) throw new Error(`card ${cardId} not found`);
  db.prepare(
    `INSERT INTO till_cards (card_no, masked_name, benefit_kind, benefit_value, monthly_cap_fen, delivery, valid_from, valid_to, status, delivery_address)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(card_no) DO UPDATE SET masked_name = excluded.masked_name, benefit_kind = excluded.benefit_kind,
       benefit_value = excluded.benefit_value, monthly_cap_fen = excluded.monthly_cap_fen, delivery = excluded.delivery,
       valid_from = excluded.valid_from, valid_to = excluded.valid_to, status = excluded.status,
       delivery_address = excluded.delivery_address`,
  ).run(
    c.card_no,
    maskName(c.name),
    c.benefit_kind,
    c.benefit_value,
    c.monthly_cap_fen,
    c.delivery,
    c.valid_from,
    c.valid_to,
    c.status,
    c.delivery ? c.address : null,
  );
}
