import { fail } from '../../../../shared/contract';
import { formatChineseDate } from '../../../../shared/rules/time';
import { spanLabel, spansOverlap, type TimeSpan } from '../../../../shared/rules/homeVisit';
import type { Db } from '../../db/open';
import { getRequestRow } from '../requests/lookup';
import type { RequestRow } from '../requests/rows';

/** The staff member who goes: there and still working here. */
export function checkStaff(db: Db, staffId: string): { name: string } {
  const s = db.prepare('SELECT name, active FROM staff WHERE id = ?').get(staffId) as { name: string; active: number } | undefined;
  if (!s) throw fail.validation('staff.notFound', 'staffId');
  if (s.active !== 1) throw fail.validation('homeVisit.staff.inactive', 'staffId', { name: s.name });
  return s;
}

export function checkResident(db: Db, residentId: string | null): void {
  if (residentId === null) return;
  const r = db.prepare('SELECT voided_at FROM residents WHERE id = ?').get(residentId) as { voided_at: number | null } | undefined;
  if (!r || r.voided_at !== null) throw fail.validation('resident.notFound', 'residentId');
}

/** Today is allowed (a visit fitted in this afternoon); an earlier day is not. */
export function checkDay(day: string, today: string): void {
  if (day < today) throw fail.validation('homeVisit.day.past', 'day', { today: formatChineseDate(today) });
}

/** A visit ends by midnight: the day plan is one day. */
export function checkFitsInDay(span: TimeSpan): void {
  if (span.startMinute + span.durationMinutes > 1440) throw fail.validation('homeVisit.duration.pastMidnight', 'durationMinutes');
}

/** One person, one place at a time: no two planned visits of a staff member overlap (`exceptId`: the one being moved). */
export function checkNoOverlap(db: Db, staffId: string, day: string, span: TimeSpan, exceptId: string | null): void {
  const others = db
    .prepare(
      `SELECT id, start_minute, duration_minutes, address FROM home_visits
       WHERE staff_id = ? AND day = ? AND status = 'planned' ORDER BY start_minute`,
    )
    .all(staffId, day) as { id: string; start_minute: number; duration_minutes: number; address: string }[];
  const clash = others.find(
    (o) => o.id !== exceptId && spansOverlap(span, { startMinute: o.start_minute, durationMinutes: o.duration_minutes }),
  );
  if (clash) {
    throw fail.conflict('homeVisit.overlap', 'startMinute', {
      time: spanLabel({ startMinute: clash.start_minute, durationMinutes: clash.duration_minutes }),
      address: clash.address,
    });
  }
}

/** The visit still planned for a request, if any. */
export function liveVisitOf(db: Db, requestId: string): { id: string; day: string; start_minute: number } | undefined {
  return db
    .prepare(`SELECT id, day, start_minute FROM home_visits WHERE request_id = ? AND status = 'planned' LIMIT 1`)
    .get(requestId) as { id: string; day: string; start_minute: number } | undefined;
}

/** A request a visit can be planned for: 上门办, still open, with no visit already planned. */
export function checkRequestForVisit(db: Db, requestId: string): RequestRow {
  const r = (() => {
    try {
      return getRequestRow(db, requestId);
    } catch {
      throw fail.validation('request.notFound', 'requestId');
    }
  })();
  if (r.status === 'void') throw fail.validation('homeVisit.request.voided', 'requestId', { number: r.number });
  if (r.status === 'resolved' || r.status === 'closed') throw fail.validation('homeVisit.request.finished', 'requestId', { number: r.number });
  if (r.mode !== 'homevisit') throw fail.validation('homeVisit.request.notHomevisit', 'requestId', { number: r.number });
  const live = liveVisitOf(db, requestId);
  if (live) throw fail.conflict('homeVisit.request.hasLiveVisit', 'requestId', { number: r.number, day: formatChineseDate(live.day) });
  return r;
}
