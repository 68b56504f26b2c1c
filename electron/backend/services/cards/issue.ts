import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import type { Benefit } from '../../../../shared/contract/cards';
import { cardNumberFromSerial, firstCardSerial, serialOf } from '../../../../shared/rules/cardNumber';
import { newId } from '../../db/ids';
import { enqueueOutbox } from '../outbox/outbox';
import { ensureSigningKey } from './keys';
import { refreshTillCard } from './tillCards';

export interface IssueCardInput {
  householdId: string;
  holderResidentId: string;
  benefit: Benefit;
  monthlyCapFen: number | null;
  delivery: boolean;
  /** ISO date; the card is valid for one year: validTo = validFrom + 1 year − 1 day. */
  validFrom: string;
  /** When set, the card ends here instead of one year on (a replacement keeps the lost card's end). */
  validTo?: string;
  applicationId: string | null;
  /** The `issued` event's note (a replacement names the card it replaces). */
  note?: string | null;
}

export interface Actor {
  userId: string | null;
  userName: string;
}

/** validFrom + 1 year − 1 day (2026-11-23 → 2027-11-22; 2028-02-29 → 2029-02-28). */
export function oneYearFrom(validFrom: string): string {
  const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February + 1 year lands on 1 March; the card then ends on 28 February.
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  else next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

export function nextCardNumber(db: Db): string {
  const row = db.prepare('SELECT MAX(card_no) AS n FROM cards').get() as { n: string | null };
  return cardNumberFromSerial(row.n ? serialOf(row.n) + 1 : firstCardSerial());
}

export function recordCardEvent(db: Db, cardId: string, at: number, actor: Actor, action: string, note: string | null): void {
  db.prepare('INSERT INTO card_events (card_id, at, action, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    cardId,
    at,
    action,
    actor.userId,
    actor.userName,
    note,
  );
}

/**
 * Issues a card: a new number, signed with the current key, mirrored to the till table, an `issued`
 * event and an outbox entry (no personal data: the county gets the card number and household id).
 * Call inside the caller's transaction; the signing key is made first if the centre has none yet.
 */
export function issueCard(db: Db, secrets: SecretStore, now: number, actor: Actor, input: IssueCardInput): string {
  const keyId = ensureSigningKey(db, secrets, now);
  const id = newId();
  const cardNo = nextCardNumber(db);
  const validTo = input.validTo ?? oneYearFrom(input.validFrom);
  db.prepare(
    `INSERT INTO cards (id, card_no, household_id, holder_resident_id, application_id, benefit_kind, benefit_value,
       monthly_cap_fen, delivery, valid_from, valid_to, status, key_id, issued_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
  ).run(
    id,
    cardNo,
    input.householdId,
    input.holderResidentId,
    input.applicationId,
    input.benefit.kind,
    input.benefit.value,
    input.monthlyCapFen,
    input.delivery ? 1 : 0,
    input.validFrom,
    validTo,
    keyId,
    now,
    now,
  );
  refreshTillCard(db, id);
  recordCardEvent(db, id, now, actor, 'issued', input.note ?? null);
  enqueueOutbox(db, now, {
    stream: 'cards',
    kind: 'issued',
    recordId: id,
    payload: { cardNo, householdId: input.householdId, status: 'active', validTo, at: now },
  });
  return id;
}
