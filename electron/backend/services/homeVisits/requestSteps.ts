import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { rerouteRequest, resolveRequest } from '../requests/lifecycle';
import { getRequestRow } from '../requests/lookup';
import { isOpen } from '../requests/rows';

type User = Pick<SessionUser, 'userId' | 'username' | 'displayName'>;

/**
 * Writes a visit's planning, move or cancellation into its request's log through the request's own
 * 改派 step (steps and outbox as any routing change): a received request becomes assigned to the
 * visiting staff member. `staffId` null keeps the request's assignee. A finished request is left alone.
 */
export function noteVisitOnRequest(
  db: Db,
  requestId: string,
  change: { staffId: string | null; address: string | null; note: string },
  now: number,
  user: User,
): void {
  const r = getRequestRow(db, requestId);
  if (!isOpen(r.status)) return;
  const keepAssignee =
    r.assignee_staff_id !== null &&
    (db.prepare('SELECT active FROM staff WHERE id = ?').get(r.assignee_staff_id) as { active: number } | undefined)?.active === 1;
  rerouteRequest(
    db,
    requestId,
    {
      mode: r.mode,
      assigneeStaffId: change.staffId ?? (keepAssignee ? r.assignee_staff_id : null),
      visitAddress: r.mode === 'homevisit' && change.address ? change.address : r.visit_address,
      department: r.department,
      note: change.note,
    },
    now,
    user,
  );
}

/** The visit done: its open request is resolved (办结) with the outcome; 回访 follows as for any request. */
export function resolveVisitRequest(db: Db, requestId: string, outcome: string, now: number, user: User): boolean {
  if (!isOpen(getRequestRow(db, requestId).status)) return false;
  resolveRequest(db, requestId, outcome, now, user);
  return true;
}
