import { fail } from '../../../../shared/contract';
import type { RequestStatus } from './rows';

export const ACTIONS = ['start', 'resolve', 'feedback', 'void', 'reroute'] as const;
export type Action = (typeof ACTIONS)[number];

/** Which statuses each action may start from (SPEC §3.5). */
export const ALLOWED_FROM: Record<Action, readonly RequestStatus[]> = {
  start: ['received', 'assigned'],
  resolve: ['received', 'assigned', 'in_progress'],
  feedback: ['resolved'],
  void: ['received', 'assigned', 'in_progress', 'resolved', 'closed'],
  reroute: ['received', 'assigned', 'in_progress'],
};

/** Why an action is refused from a status, in words the desk understands; the rest get the general key. */
const REFUSALS: { action: Action | '*'; from: readonly RequestStatus[]; key: string }[] = [
  { action: 'void', from: ['void'], key: 'request.void.already' },
  { action: '*', from: ['void'], key: 'request.transition.voided' },
  { action: 'start', from: ['in_progress'], key: 'request.start.alreadyStarted' },
  { action: 'start', from: ['resolved', 'closed'], key: 'request.start.finished' },
  { action: 'resolve', from: ['resolved', 'closed'], key: 'request.resolve.alreadyResolved' },
  { action: 'feedback', from: ['closed'], key: 'request.feedback.closed' },
  { action: 'feedback', from: ['received', 'assigned', 'in_progress'], key: 'request.feedback.notResolved' },
  { action: 'reroute', from: ['resolved', 'closed'], key: 'request.reroute.finished' },
];

export function refusalKey(action: Action, from: RequestStatus): string {
  return REFUSALS.find((r) => (r.action === action || r.action === '*') && r.from.includes(from))?.key ?? 'request.transition.refused';
}

/** Throws the conflict that names the case when `action` is not allowed from `from`. */
export function assertAllowed(action: Action, from: RequestStatus): void {
  if (ALLOWED_FROM[action].includes(from)) return;
  throw fail.conflict(refusalKey(action, from), undefined, { from, action });
}
