import { fail } from '../../../../shared/contract/errors';
import type { ApplicationStatus } from './rows';

export type ApplicationAction = 'review' | 'postNotice' | 'lodgeObjection' | 'settleObjection' | 'approve' | 'reject' | 'withdraw';

/** Which statuses each step may start from (SPEC §4.2). */
const ALLOWED_FROM: Record<ApplicationAction, readonly ApplicationStatus[]> = {
  review: ['submitted'],
  postNotice: ['reviewed'],
  lodgeObjection: ['notice'],
  settleObjection: ['notice'],
  approve: ['notice'],
  reject: ['submitted', 'reviewed', 'notice'],
  withdraw: ['submitted', 'reviewed', 'notice'],
};

/** Why a step is refused from a status, in words the desk understands. */
const REFUSALS: { action: ApplicationAction | '*'; from: readonly ApplicationStatus[]; key: string }[] = [
  { action: '*', from: ['approved'], key: 'application.state.approved' },
  { action: '*', from: ['rejected'], key: 'application.state.rejected' },
  { action: '*', from: ['withdrawn'], key: 'application.state.withdrawn' },
  { action: 'review', from: ['reviewed', 'notice'], key: 'application.review.already' },
  { action: 'postNotice', from: ['submitted'], key: 'application.notice.notReviewed' },
  { action: 'postNotice', from: ['notice'], key: 'application.notice.already' },
  { action: '*', from: ['submitted', 'reviewed'], key: 'application.state.notInNotice' },
];

/** The refusal key for `action` from `from`, or null when the step is allowed. */
export function applicationRefusal(action: ApplicationAction, from: ApplicationStatus): string | null {
  if (ALLOWED_FROM[action].includes(from)) return null;
  return REFUSALS.find((r) => (r.action === action || r.action === '*') && r.from.includes(from))?.key ?? 'application.state.refused';
}

export function assertApplicationAllows(action: ApplicationAction, from: ApplicationStatus): void {
  const key = applicationRefusal(action, from);
  if (key) throw fail.conflict(key, undefined, { from, action });
}
