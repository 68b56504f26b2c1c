import { fail } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { requirePlanned } from './plan';
import { noteVisitOnRequest, resolveVisitRequest } from './requestSteps';

type User = Pick<SessionUser, 'userId' | 'username' | 'displayName'>;

/**
 * 完成: the visit is done with its outcome and, in the same transaction, its request is resolved with
 * the outcome as the resolution (when still open: one resolved at the desk meanwhile stays as it is).
 */
export function completeHomeVisit(db: Db, id: string, outcome: string, now: number, user: User): void {
  const v = requirePlanned(db, id);
  if (v.day > shanghaiDate(now)) throw fail.conflict('homeVisit.complete.future');
  db.prepare(`UPDATE home_visits SET status = 'completed', outcome = ?, completed_at = ?, updated_at = ? WHERE id = ?`).run(outcome, now, now, id);
  if (v.request_id) resolveVisitRequest(db, v.request_id, outcome, now, user);
}

/**
 * 取消: the visit stays as history with its reason. Its request keeps the link (requests.home_visit_id
 * names its latest visit) and, with no planned visit left, waits for a new one (安排上门 again).
 */
export function cancelHomeVisit(db: Db, id: string, reason: string, now: number, user: User): void {
  const v = requirePlanned(db, id);
  db.prepare(`UPDATE home_visits SET status = 'cancelled', cancel_reason = ?, updated_at = ? WHERE id = ?`).run(reason, now, id);
  if (v.request_id) noteVisitOnRequest(db, v.request_id, { staffId: null, address: null, note: `上门取消：${reason}` }, now, user);
}
