import { fail } from '../../../../shared/contract/errors';
import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { shanghaiDate } from '../../../../shared/rules/time';
import { addDays } from '../../../../shared/rules/workdays';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { writeAudit } from '../audit/audit';
import { enqueueOutbox } from '../outbox/outbox';
import { assertCardAllows, type CardAction } from './cardTransitions';
import { issueCard, oneYearFrom, recordCardEvent, type Actor } from './issue';
import { ensureSigningKey } from './keys';
import { getCardRules } from './rules';
import type { CARD_EVENT_ACTIONS } from '../../../../shared/contract/cards';
import type { CardStatus } from './rows';
import { refreshTillCard } from './tillCards';

type EventAction = (typeof CARD_EVENT_ACTIONS)[number];
type AuditUser = Pick<SessionUser, 'userId' | 'username'>;

interface StoredCard {
  id: string;
  card_no: string;
  household_id: string;
  holder_resident_id: string;
  application_id: string | null;
  benefit_kind: 'percent' | 'cost';
  benefit_value: number;
  monthly_cap_fen: number | null;
  delivery: number;
  valid_from: string;
  valid_to: string;
  status: CardStatus;
}

function getCard(db: Db, id: string): StoredCard {
  const c = db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as StoredCard | undefined;
  if (!c) throw fail.notFound('card.notFound');
  return c;
}

/**
 * One change to a card: checks it is allowed from the card's status, applies the columns, and in the
 * same transaction mirrors the card to the till table, appends the event and the outbox entry (the
 * card number and household id only: no name, ID number or phone leaves with it).
 */
function changeCard(
  db: Db,
  id: string,
  action: CardAction,
  event: EventAction,
  now: number,
  actor: Actor,
  note: string | null,
  set: (c: StoredCard) => Record<string, string | number | null>,
): StoredCard {
  const before = getCard(db, id);
  assertCardAllows(action, before.status);
  const columns = set(before);
  const names = Object.keys(columns);
  db.prepare(`UPDATE cards SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...names.map((n) => columns[n]), now, id);
  refreshTillCard(db, id);
  recordCardEvent(db, id, now, actor, event, note);
  const after = getCard(db, id);
  const replacedBy = columns.replaced_by_card_id
    ? (db.prepare('SELECT card_no FROM cards WHERE id = ?').get(columns.replaced_by_card_id) as { card_no: string }).card_no
    : undefined;
  enqueueOutbox(db, now, {
    stream: 'cards',
    kind: event,
    recordId: id,
    payload: { cardNo: after.card_no, householdId: after.household_id, status: after.status, validTo: after.valid_to, at: now, ...(replacedBy ? { replacedByCardNo: replacedBy } : {}) },
  });
  return after;
}

export function suspendCard(db: Db, id: string, reason: string, now: number, actor: Actor): void {
  changeCard(db, id, 'suspend', 'suspended', now, actor, reason, () => ({ status: 'suspended', status_reason: reason }));
}

export function resumeCard(db: Db, id: string, note: string | null, now: number, actor: Actor): void {
  changeCard(db, id, 'resume', 'resumed', now, actor, note, () => ({ status: 'active', status_reason: null }));
}

export function revokeCard(db: Db, id: string, reason: string, now: number, actor: Actor, user: AuditUser): void {
  const c = changeCard(db, id, 'revoke', 'revoked', now, actor, reason, () => ({ status: 'revoked', status_reason: reason }));
  writeAudit(db, user, now, { action: 'card.revoke', targetType: 'card', targetId: id, detail: { cardNo: c.card_no, reason } });
}

/**
 * 挂失补卡: a new card with a new number, the same benefit, cap and delivery, valid until the lost
 * card would have ended; the lost card becomes `replaced` and is refused at the tills from now on.
 * Returns the new card's id.
 */
export function replaceCard(db: Db, secrets: SecretStore, id: string, reason: string, now: number, actor: Actor, user: AuditUser): string {
  const old = getCard(db, id);
  assertCardAllows('replace', old.status);
  const today = shanghaiDate(now);
  if (old.valid_to < today) throw fail.conflict('card.replace.expired', undefined, { validTo: old.valid_to });
  const newId = issueCard(db, secrets, now, actor, {
    householdId: old.household_id,
    holderResidentId: old.holder_resident_id,
    benefit: { kind: old.benefit_kind, value: old.benefit_value },
    monthlyCapFen: old.monthly_cap_fen,
    delivery: old.delivery === 1,
    validFrom: old.valid_from > today ? old.valid_from : today,
    validTo: old.valid_to,
    applicationId: old.application_id,
    note: `补卡，原卡号 ${formatCardNumber(old.card_no)}`,
  });
  changeCard(db, id, 'replace', 'replaced', now, actor, reason, () => ({ status: 'replaced', status_reason: reason, replaced_by_card_id: newId }));
  const { card_no: newNo } = db.prepare('SELECT card_no FROM cards WHERE id = ?').get(newId) as { card_no: string };
  writeAudit(db, user, now, { action: 'card.replace', targetType: 'card', targetId: id, detail: { cardNo: old.card_no, newCardNo: newNo, reason } });
  return newId;
}

/**
 * 年审续期: one more year from the old end, or from today when the card has already lapsed. Only
 * within the review window (reviewAheadDays before the end, or after it), so a second click does not
 * add a second year. The card is signed again with the current key.
 */
export function renewCard(db: Db, secrets: SecretStore, id: string, note: string | null, now: number, actor: Actor): void {
  const today = shanghaiDate(now);
  const current = getCard(db, id);
  assertCardAllows('renew', current.status);
  const { reviewAheadDays } = getCardRules(db);
  if (current.valid_to > addDays(today, reviewAheadDays)) {
    throw fail.conflict('card.renew.notDue', undefined, { validTo: current.valid_to, from: addDays(current.valid_to, -reviewAheadDays) });
  }
  const keyId = ensureSigningKey(db, secrets, now);
  changeCard(db, id, 'renew', 'renewed', now, actor, note, (c): Record<string, string | number> =>
    c.valid_to < today
      ? { valid_from: today, valid_to: oneYearFrom(today), key_id: keyId }
      : { valid_to: oneYearFrom(addDays(c.valid_to, 1)), key_id: keyId },
  );
}
