import { fail } from '../../../../shared/contract';
import type { AppointmentRules } from '../../../../shared/contract/appointments';
import type { Role } from '../../../../shared/contract/roles';
import type { Db } from '../../db/open';
import type { SessionUser } from '../../context';
import { getRules } from '../queue/rules';
import { issueAppointmentTicket } from '../queue/tickets';
import { instantOf, localNow, reached } from './clock';
import { addEvent } from './events';
import { bookAppointment, type BookingContext } from './book';
import { getAppointmentRow, type AppointmentRow } from './rows';
import { timeOf } from './words';

type Actor = Pick<SessionUser, 'userId' | 'displayName' | 'role'>;

/** A wrong status says what the appointment already is (已完成, 已取消…): the message fits every action. */
function requireStatus(row: AppointmentRow, allowed: readonly AppointmentRow['status'][]): void {
  if (!allowed.includes(row.status)) throw fail.conflict(`appointment.status.${row.status}`, undefined, { number: row.number });
}

/**
 * Cancel and reschedule: only a booking not yet started. Desk and duty staff stop at the cut-off (the
 * freed place could not be offered to anyone else in time); the admin may still do it until the start.
 * Returns the error key that applies, or null.
 */
export function changeRefusal(row: AppointmentRow, now: number, rules: AppointmentRules, role: Role): string | null {
  if (row.status !== 'booked') return 'status';
  const start = instantOf(row.day, row.start_minute);
  if (now >= start) return 'started';
  if (role !== 'admin' && now > start - rules.cutoffMinutes * 60_000) return 'cutoff';
  return null;
}

function checkChange(row: AppointmentRow, now: number, rules: AppointmentRules, user: Actor, action: 'cancel' | 'reschedule'): void {
  const why = changeRefusal(row, now, rules, user.role);
  if (why === 'status') requireStatus(row, ['booked']);
  if (why === 'started') throw fail.conflict(`appointment.${action}.started`, undefined, { number: row.number, time: timeOf(row.start_minute) });
  if (why === 'cutoff') {
    throw fail.conflict(`appointment.${action}.cutoff`, undefined, { number: row.number, minutes: rules.cutoffMinutes, time: timeOf(row.start_minute) });
  }
}

export function cancelAppointment(db: Db, id: string, reason: string, now: number, rules: AppointmentRules, user: Actor): void {
  const row = getAppointmentRow(db, id);
  checkChange(row, now, rules, user, 'cancel');
  db.prepare(`UPDATE appointments SET status = 'cancelled', cancel_reason = ?, finished_at = ?, updated_at = ? WHERE id = ?`).run(reason, now, now, id);
  addEvent(db, id, now, 'cancelled', 'cancelled', user, reason);
}

/** A new booking through every booking check, the old one marked rescheduled, both linked: one transaction. */
export function rescheduleAppointment(
  db: Db,
  input: { id: string; stationServiceId?: string | undefined; day: string; startMinute: number; reason: string },
  c: BookingContext & { user: Actor },
): string {
  const old = getAppointmentRow(db, input.id);
  checkChange(old, c.now, c.rules, c.user, 'reschedule');
  const newId = bookAppointment(
    db,
    { stationServiceId: input.stationServiceId ?? old.station_service_id, day: input.day, startMinute: input.startMinute, residentId: old.resident_id, note: old.note ?? undefined },
    c,
    { rescheduledFrom: old.id, reason: input.reason },
  );
  db.prepare(`UPDATE appointments SET status = 'rescheduled', rescheduled_to = ?, cancel_reason = ?, finished_at = ?, updated_at = ? WHERE id = ?`).run(
    newId,
    input.reason,
    c.now,
    c.now,
    old.id,
  );
  addEvent(db, old.id, c.now, 'rescheduled', 'rescheduled', c.user, input.reason);
  return newId;
}

/**
 * Arrival: only on the appointment's own day, while booked (before the grace runs out). The resident
 * joins the queue as an appointment ticket (called ahead of walk-ins), for one counter when given;
 * returns the ticket number.
 */
export function checkInAppointment(db: Db, id: string, now: number, user: Actor, counter: number | null = null): string {
  const row = getAppointmentRow(db, id);
  const counters = getRules(db).counterCount;
  if (counter !== null && counter > counters) throw fail.validation('appointment.checkIn.counter', 'counter', { counter, counters });
  requireStatus(row, ['booked']);
  const { today } = localNow(now);
  if (row.day !== today) throw fail.conflict(row.day > today ? 'appointment.checkIn.early' : 'appointment.checkIn.late', undefined, { number: row.number });
  const issued = issueAppointmentTicket(db, now, { serviceId: row.service_id, residentId: row.resident_id, appointmentId: row.id });
  // At a station's own counter: only that counter calls the ticket (the queue clears it if the counter closes).
  if (counter !== null) db.prepare('UPDATE tickets SET target_counter = ? WHERE id = ?').run(counter, issued.ticket.id);
  db.prepare(`UPDATE appointments SET status = 'checked_in', ticket_id = ?, checked_in_at = ?, updated_at = ? WHERE id = ?`).run(issued.ticket.id, now, now, id);
  addEvent(db, id, now, 'checkedIn', 'checked_in', user, issued.ticket.number);
  return issued.ticket.number;
}

/** Done, with what was done: after check-in, or a booking served on its day without one (a meeting). */
export function completeAppointment(db: Db, id: string, outcome: string, now: number, user: Actor): void {
  const row = getAppointmentRow(db, id);
  requireStatus(row, ['booked', 'checked_in']);
  if (row.status === 'booked' && row.day !== localNow(now).today) throw fail.conflict('appointment.complete.notToday', undefined, { number: row.number });
  db.prepare(`UPDATE appointments SET status = 'completed', outcome = ?, finished_at = ?, updated_at = ? WHERE id = ?`).run(outcome, now, now, id);
  addEvent(db, id, now, 'completed', 'completed', user, outcome);
}

/** By hand: a booking whose start has come without the resident. */
export function markNoShow(db: Db, id: string, note: string | null, now: number, user: Actor): void {
  const row = getAppointmentRow(db, id);
  requireStatus(row, ['booked']);
  if (!reached(now, row.day, row.start_minute)) throw fail.conflict('appointment.noShow.notStarted', undefined, { number: row.number, time: timeOf(row.start_minute) });
  db.prepare(`UPDATE appointments SET status = 'no_show', finished_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
  addEvent(db, id, now, 'noShow', 'no_show', user, note);
}

export function setReminded(db: Db, id: string, reminded: boolean, now: number, user: Actor): void {
  const row = getAppointmentRow(db, id);
  if (reminded === (row.reminded_at !== null)) return;
  db.prepare('UPDATE appointments SET reminded_at = ?, reminded_by = ?, updated_at = ? WHERE id = ?').run(
    reminded ? now : null,
    reminded ? user.userId : null,
    now,
    id,
  );
  addEvent(db, id, now, reminded ? 'reminded' : 'unreminded', row.status, user);
}
