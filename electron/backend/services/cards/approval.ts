import { AppError, fail, type ParsedInput } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { writeAudit } from '../audit/audit';
import { applicationRefusal } from './applicationTransitions';
import { recordApplicationStep } from './applicationSteps';
import { getApplicationRow, type StoredApplication } from './applications';
import { checkRealDate } from './dates';
import { issueCard, type Actor } from './issue';
import { CURRENT_CARD_SQL } from './rows';

/**
 * Why the admin cannot approve now, or null: the application is not in its notice, the notice is
 * still running (approval from the day after its last day), or an objection is not settled yet.
 */
export function approvalBlock(db: Db, a: StoredApplication, today: string): AppError | null {
  const refusal = applicationRefusal('approve', a.status);
  if (refusal) return fail.conflict(refusal, undefined, { from: a.status, action: 'approve' });
  if (a.notice_end && today <= a.notice_end) return fail.validation('application.approve.noticeRunning', undefined, { end: a.notice_end });
  const { n } = db.prepare('SELECT count(*) n FROM application_objections WHERE application_id = ? AND settled_at IS NULL').get(a.id) as { n: number };
  if (n > 0) return fail.conflict('application.approve.openObjections', undefined, { count: n });
  const card = db.prepare(`SELECT card_no FROM cards WHERE household_id = ? AND ${CURRENT_CARD_SQL} LIMIT 1`).get(a.household_id) as
    | { card_no: string }
    | undefined;
  if (card) return fail.conflict('application.create.cardExists', undefined, { cardNo: card.card_no });
  return null;
}

/** Approves after the notice and issues the card (SPEC §4.2–4.3). Call inside a transaction. */
export function approveApplication(
  db: Db,
  secrets: SecretStore,
  input: ParsedInput<'cardApplications.approve'>,
  now: number,
  actor: Actor,
  user: Pick<SessionUser, 'userId' | 'username'>,
): void {
  const a = getApplicationRow(db, input.id);
  const today = shanghaiDate(now);
  const block = approvalBlock(db, a, today);
  if (block) throw block;
  const validFrom = input.validFrom ? checkRealDate(input.validFrom, 'validFrom') : today;
  if (validFrom < today) throw fail.validation('application.approve.validFromPast', 'validFrom');
  const cardId = issueCard(db, secrets, now, actor, {
    householdId: a.household_id,
    holderResidentId: a.holder_resident_id,
    benefit: { kind: a.benefit_kind, value: a.benefit_value },
    monthlyCapFen: a.monthly_cap_fen,
    delivery: a.delivery === 1,
    validFrom,
    applicationId: a.id,
  });
  db.prepare(`UPDATE card_applications SET status = 'approved', card_id = ?, decided_at = ?, updated_at = ? WHERE id = ?`).run(cardId, now, now, a.id);
  recordApplicationStep(db, a.id, now, actor, 'approved', null);
  const { card_no: cardNo } = db.prepare('SELECT card_no FROM cards WHERE id = ?').get(cardId) as { card_no: string };
  writeAudit(db, user, now, { action: 'card.issue', targetType: 'card', targetId: cardId, detail: { cardNo, application: a.number } });
}
