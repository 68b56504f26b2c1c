import { fail, type ParsedInput } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import { addDays } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { assertApplicationAllows } from './applicationTransitions';
import { recordApplicationStep } from './applicationSteps';
import { checkRealDate } from './dates';
import type { Actor } from './issue';
import { CURRENT_CARD_SQL, OPEN_APPLICATION_SQL, type ApplicationRow } from './rows';

export type StoredApplication = Omit<ApplicationRow, 'head_name' | 'holder_name' | 'open_objections'>;

export interface Review {
  meetingDate: string;
  present: string;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  decision: 'approve' | 'reject';
  note: string | null;
}

export function getApplicationRow(db: Db, id: string): StoredApplication {
  const row = db.prepare('SELECT * FROM card_applications WHERE id = ?').get(id) as StoredApplication | undefined;
  if (!row) throw fail.notFound('application.notFound');
  return row;
}

export function reviewOf(a: Pick<StoredApplication, 'review'>): Review | null {
  return a.review ? (JSON.parse(a.review) as Review) : null;
}

/** SQ2026-0001: the year (Asia/Shanghai) and its running number. */
export function nextApplicationNumber(db: Db, now: number): string {
  const prefix = `SQ${shanghaiDate(now).slice(0, 4)}-`;
  const { n } = db
    .prepare('SELECT max(CAST(substr(number, 8) AS INTEGER)) n FROM card_applications WHERE number >= ? AND number < ?')
    .get(prefix, `SQ${shanghaiDate(now).slice(0, 4)}.`) as { n: number | null };
  return `${prefix}${String((n ?? 0) + 1).padStart(4, '0')}`;
}

function update(db: Db, id: string, now: number, set: Record<string, string | number | null>): void {
  const names = Object.keys(set);
  db.prepare(`UPDATE card_applications SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
    ...names.map((n) => set[n]),
    now,
    id,
  );
}

/** Records an application at the desk (SPEC §4.2). Call inside a transaction; returns its id. */
export function createApplication(db: Db, input: ParsedInput<'cardApplications.create'>, now: number, actor: Actor): string {
  const h = db.prepare('SELECT head_resident_id FROM households WHERE id = ?').get(input.householdId) as { head_resident_id: string } | undefined;
  if (!h) throw fail.validation('household.notFound', 'householdId');
  const holderId = input.holderResidentId ?? h.head_resident_id;
  const member = db
    .prepare(
      `SELECT r.voided_at FROM household_members m JOIN residents r ON r.id = m.resident_id WHERE m.household_id = ? AND m.resident_id = ?`,
    )
    .get(input.householdId, holderId) as { voided_at: number | null } | undefined;
  if (!member) throw fail.validation('application.holder.notMember', 'holderResidentId');
  if (member.voided_at !== null) throw fail.validation('application.holder.voided', 'holderResidentId');
  const open = db
    .prepare(`SELECT number FROM card_applications WHERE household_id = ? AND ${OPEN_APPLICATION_SQL} LIMIT 1`)
    .get(input.householdId) as { number: string } | undefined;
  if (open) throw fail.conflict('application.create.openExists', 'householdId', { number: open.number });
  const card = db
    .prepare(`SELECT card_no FROM cards WHERE household_id = ? AND ${CURRENT_CARD_SQL} LIMIT 1`)
    .get(input.householdId) as { card_no: string } | undefined;
  if (card) throw fail.conflict('application.create.cardExists', 'householdId', { cardNo: card.card_no });

  const id = newId();
  db.prepare(
    `INSERT INTO card_applications (id, number, household_id, holder_resident_id, status, benefit_kind, benefit_value,
       monthly_cap_fen, delivery, reason, submitted_at, submitted_by, updated_at)
     VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    nextApplicationNumber(db, now),
    input.householdId,
    holderId,
    input.benefit.kind,
    input.benefit.value,
    input.monthlyCapFen,
    input.delivery ? 1 : 0,
    input.reason,
    now,
    actor.userId,
    now,
  );
  recordApplicationStep(db, id, now, actor, 'submitted', null);
  return id;
}

/** 民主评议: the meeting's record; approve → waits for the notice, reject → the application ends here. */
export function reviewApplication(db: Db, input: ParsedInput<'cardApplications.review'>, now: number, actor: Actor): void {
  const a = getApplicationRow(db, input.id);
  assertApplicationAllows('review', a.status);
  checkRealDate(input.meetingDate, 'meetingDate');
  if (input.meetingDate > shanghaiDate(now)) throw fail.validation('application.review.futureDate', 'meetingDate');
  if (input.votesFor + input.votesAgainst + input.votesAbstain === 0) throw fail.validation('application.review.noVotes', 'votesFor');
  if (input.decision === 'approve' && input.votesFor <= input.votesAgainst) throw fail.validation('application.review.votesDisagree', 'decision');
  const review: Review = {
    meetingDate: input.meetingDate,
    present: input.present,
    votesFor: input.votesFor,
    votesAgainst: input.votesAgainst,
    votesAbstain: input.votesAbstain,
    decision: input.decision,
    note: input.note ?? null,
  };
  const rejected = input.decision === 'reject';
  update(db, a.id, now, { status: rejected ? 'rejected' : 'reviewed', review: JSON.stringify(review), ...(rejected ? { decided_at: now } : {}) });
  recordApplicationStep(db, a.id, now, actor, 'reviewed', input.note ?? null);
  if (rejected) recordApplicationStep(db, a.id, now, actor, 'rejected', input.note ?? null);
}

/** 公示: from the start day for `days` days, both ends included. */
export function postNotice(db: Db, input: ParsedInput<'cardApplications.postNotice'>, now: number, actor: Actor): void {
  const a = getApplicationRow(db, input.id);
  assertApplicationAllows('postNotice', a.status);
  checkRealDate(input.startDate, 'startDate');
  const meetingDate = reviewOf(a)?.meetingDate;
  if (meetingDate && input.startDate < meetingDate) throw fail.validation('application.notice.beforeMeeting', 'startDate', { meetingDate });
  const end = addDays(input.startDate, input.days - 1);
  update(db, a.id, now, { status: 'notice', notice_start: input.startDate, notice_end: end, notice_place: input.place });
  recordApplicationStep(db, a.id, now, actor, 'noticePosted', input.place);
}

/** An objection can be lodged while the notice is up: from its first day to its last (Asia/Shanghai). */
export function lodgeObjection(db: Db, input: ParsedInput<'cardApplications.lodgeObjection'>, now: number, actor: Actor): void {
  const a = getApplicationRow(db, input.id);
  assertApplicationAllows('lodgeObjection', a.status);
  const today = shanghaiDate(now);
  if (a.notice_start && today < a.notice_start) throw fail.conflict('application.objection.noticeNotStarted', undefined, { start: a.notice_start });
  if (a.notice_end && today > a.notice_end) throw fail.conflict('application.objection.noticeOver', undefined, { end: a.notice_end });
  db.prepare('INSERT INTO application_objections (id, application_id, lodged_at, lodged_by, objector, content) VALUES (?, ?, ?, ?, ?, ?)').run(
    newId(),
    a.id,
    now,
    actor.userId,
    input.objector ?? null,
    input.content,
  );
  recordApplicationStep(db, a.id, now, actor, 'objection', input.content);
}

/** Settles an objection; an upheld one ends the application (rejected). Returns the application's id. */
export function settleObjection(db: Db, input: ParsedInput<'cardApplications.settleObjection'>, now: number, actor: Actor): string {
  const o = db.prepare('SELECT application_id, settled_at FROM application_objections WHERE id = ?').get(input.objectionId) as
    | { application_id: string; settled_at: number | null }
    | undefined;
  if (!o) throw fail.notFound('application.objection.notFound');
  if (o.settled_at !== null) throw fail.conflict('application.objection.alreadySettled');
  const a = getApplicationRow(db, o.application_id);
  assertApplicationAllows('settleObjection', a.status);
  db.prepare('UPDATE application_objections SET settled_at = ?, settled_by = ?, settlement = ?, upheld = ? WHERE id = ?').run(
    now,
    actor.userId,
    input.settlement,
    input.upheld ? 1 : 0,
    input.objectionId,
  );
  recordApplicationStep(db, a.id, now, actor, 'objectionSettled', input.settlement);
  if (input.upheld) {
    update(db, a.id, now, { status: 'rejected', decided_at: now });
    recordApplicationStep(db, a.id, now, actor, 'rejected', input.settlement);
  }
  return a.id;
}

/** Ends an open application: rejected by the admin, or withdrawn at the household's request. */
export function closeApplication(db: Db, id: string, how: 'reject' | 'withdraw', reason: string, now: number, actor: Actor): void {
  const a = getApplicationRow(db, id);
  assertApplicationAllows(how, a.status);
  update(db, id, now, { status: how === 'reject' ? 'rejected' : 'withdrawn', decided_at: now });
  recordApplicationStep(db, id, now, actor, how === 'reject' ? 'rejected' : 'withdrawn', reason);
}
