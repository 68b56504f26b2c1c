import { fail, type ParsedInput } from '../../../../shared/contract';
import { spanLabel } from '../../../../shared/rules/homeVisit';
import { formatChineseDate, shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { attachHomeVisit } from '../requests/lifecycle';
import { checkDay, checkFitsInDay, checkNoOverlap, checkRequestForVisit, checkResident, checkStaff } from './checks';
import { getHomeVisitRow } from './queries';
import { noteVisitOnRequest } from './requestSteps';

type User = Pick<SessionUser, 'userId' | 'username' | 'displayName'>;

/** 2026年12月5日 09:00–09:45 王社工 */
const when = (day: string, startMinute: number, durationMinutes: number, staffName: string) =>
  `${formatChineseDate(day)} ${spanLabel({ startMinute, durationMinutes })} ${staffName}`;

/**
 * Plans a visit (SPEC §5.3), from a 上门办 request (its address, resident and description by default;
 * the request gets the visit and moves to assigned) or directly. Call inside the write's transaction.
 */
export function createHomeVisit(db: Db, input: ParsedInput<'homeVisits.create'>, now: number, user: User): string {
  const request = input.requestId ? checkRequestForVisit(db, input.requestId) : null;
  const residentId = input.residentId ?? request?.resident_id ?? null;
  checkResident(db, residentId);
  const address = input.address ?? request?.visit_address ?? null;
  if (!address) throw fail.validation('homeVisit.address.required', 'address');
  const purpose = input.purpose ?? request?.description.slice(0, 200) ?? null;
  if (!purpose) throw fail.validation('homeVisit.purpose.required', 'purpose');
  const staff = checkStaff(db, input.staffId);
  checkDay(input.day, shanghaiDate(now));
  const span = { startMinute: input.startMinute, durationMinutes: input.durationMinutes };
  checkFitsInDay(span);
  checkNoOverlap(db, input.staffId, input.day, span, null);

  const id = newId();
  db.prepare(
    `INSERT INTO home_visits (id, request_id, resident_id, staff_id, day, start_minute, duration_minutes, address, purpose,
       status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?)`,
  ).run(id, request?.id ?? null, residentId, input.staffId, input.day, input.startMinute, input.durationMinutes, address, purpose, user.userId, now, now);
  if (request) {
    attachHomeVisit(db, request.id, id, now);
    noteVisitOnRequest(db, request.id, { staffId: input.staffId, address, note: `安排上门：${when(input.day, input.startMinute, input.durationMinutes, staff.name)}` }, now, user);
  }
  return id;
}

/** Only a planned visit can be moved, done or cancelled; the key says what it is instead. */
export function requirePlanned(db: Db, id: string) {
  const v = getHomeVisitRow(db, id);
  if (v.status !== 'planned') throw fail.conflict(v.status === 'completed' ? 'homeVisit.alreadyCompleted' : 'homeVisit.alreadyCancelled');
  return v;
}

/** 改期: another day, time, length or person, with the same checks as a new visit. Call inside the transaction. */
export function rescheduleHomeVisit(db: Db, input: ParsedInput<'homeVisits.reschedule'>, now: number, user: User): void {
  const v = requirePlanned(db, input.id);
  const staffId = input.staffId ?? v.staff_id;
  const durationMinutes = input.durationMinutes ?? v.duration_minutes;
  const staff = checkStaff(db, staffId);
  checkDay(input.day, shanghaiDate(now));
  const span = { startMinute: input.startMinute, durationMinutes };
  checkFitsInDay(span);
  checkNoOverlap(db, staffId, input.day, span, v.id);
  db.prepare('UPDATE home_visits SET staff_id = ?, day = ?, start_minute = ?, duration_minutes = ?, updated_at = ? WHERE id = ?').run(
    staffId,
    input.day,
    input.startMinute,
    durationMinutes,
    now,
    v.id,
  );
  if (v.request_id) {
    const note = `上门改期：${when(v.day, v.start_minute, v.duration_minutes, '')}→ ${when(input.day, input.startMinute, durationMinutes, staff.name)}`;
    noteVisitOnRequest(db, v.request_id, { staffId: staffId !== v.staff_id ? staffId : null, address: null, note }, now, user);
  }
}
