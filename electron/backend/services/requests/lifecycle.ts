import { fail } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { getRequestRow } from './lookup';
import { checkRouting, isRouted, type RoutingInput } from './routing';
import type { RequestStatus, Satisfaction } from './rows';
import { recordSteps, type StepInput } from './steps';
import { assertAllowed, type Action } from './transitions';

type User = Pick<SessionUser, 'userId' | 'username' | 'displayName'>;

/**
 * One status change: checks the action is allowed from the current status, applies the column
 * changes, appends the steps and the outbox entries. Call inside the write's transaction.
 */
function transition(
  db: Db,
  id: string,
  action: Action,
  now: number,
  user: User,
  change: (from: RequestStatus) => { set: Record<string, unknown>; steps: StepInput[] },
): void {
  const before = getRequestRow(db, id);
  assertAllowed(action, before.status);
  const { set, steps } = change(before.status);
  const columns = { ...set, status: steps[steps.length - 1]!.status, updated_at: now };
  const names = Object.keys(columns);
  db.prepare(`UPDATE requests SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`).run(
    ...names.map((n) => columns[n as keyof typeof columns]),
    id,
  );
  recordSteps(db, getRequestRow(db, id), before.status, steps, user, now);
}

export function startRequest(db: Db, id: string, note: string | null, now: number, user: User): void {
  transition(db, id, 'start', now, user, () => ({ set: {}, steps: [{ action: 'started', status: 'in_progress', note }] }));
}

export function resolveRequest(db: Db, id: string, resolution: string, now: number, user: User): void {
  transition(db, id, 'resolve', now, user, () => ({
    set: { resolved_at: now, resolved_day: shanghaiDate(now), resolution },
    steps: [{ action: 'resolved', status: 'resolved', note: resolution }],
  }));
}

/**
 * 回访: satisfied or basically satisfied closes the request; unsatisfied reopens it — back to
 * in progress, and no longer counted as resolved until it is resolved again.
 */
export function feedbackRequest(db: Db, id: string, satisfaction: Satisfaction, note: string | null, now: number, user: User): void {
  transition(db, id, 'feedback', now, user, () => {
    const feedback = { satisfaction, feedback_note: note, feedback_at: now };
    const step: StepInput = { action: 'feedback', status: 'resolved', note };
    if (satisfaction === 'unsatisfied') {
      return {
        set: { ...feedback, reopen_count: getRequestRow(db, id).reopen_count + 1, resolved_at: null, resolved_day: null },
        steps: [step, { action: 'reopened', status: 'in_progress' }],
      };
    }
    return { set: { ...feedback, closed_at: now }, steps: [step, { action: 'closed', status: 'closed' }] };
  });
}

export function voidRequest(db: Db, id: string, reason: string, now: number, user: User): void {
  transition(db, id, 'void', now, user, () => ({
    set: { void_reason: reason, voided_at: now },
    steps: [{ action: 'voided', status: 'void', note: reason }],
  }));
  const r = getRequestRow(db, id);
  writeAudit(db, user, now, { action: 'request.void', targetType: 'request', targetId: id, detail: { number: r.number, reason } });
}

/** 改派: a new handling mode with what it needs; a received request named to someone becomes assigned. */
export function rerouteRequest(db: Db, id: string, input: RoutingInput & { note?: string | null }, now: number, user: User): void {
  transition(db, id, 'reroute', now, user, (from) => {
    const routing = checkRouting(db, input);
    const status: RequestStatus = from === 'received' && isRouted(routing) ? 'assigned' : from;
    return {
      set: {
        mode: routing.mode,
        assignee_staff_id: routing.assigneeStaffId,
        visit_address: routing.visitAddress,
        department: routing.department,
      },
      steps: [{ action: 'rerouted', status, note: input.note ?? null }],
    };
  });
}

/** The appointments issue links the home visit it booked for a 上门办 request. */
export function attachHomeVisit(db: Db, requestId: string, homeVisitId: string, now = Date.now()): void {
  if (getRequestRow(db, requestId).status === 'void') throw fail.conflict('request.transition.voided', undefined, { from: 'void', action: 'attachHomeVisit' });
  db.prepare('UPDATE requests SET home_visit_id = ?, updated_at = ? WHERE id = ?').run(homeVisitId, now, requestId);
}
