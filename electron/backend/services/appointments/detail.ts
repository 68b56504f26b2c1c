import { fail } from '../../../../shared/contract';
import type { AppointmentDetail, AppointmentRules, AppointmentSummary } from '../../../../shared/contract/appointments';
import type { Role } from '../../../../shared/contract/roles';
import type { Db } from '../../db/open';
import { localNow, reached } from './clock';
import { getNamedRow, SELECT_NAMED, toSummary, type NamedRow } from './rows';
import { changeRefusal } from './transitions';

interface EventRow {
  at: number;
  action: AppointmentDetail['events'][number]['action'];
  status: AppointmentDetail['status'];
  user_name: string;
  note: string | null;
}

function numberOf(db: Db, id: string | null): string | null {
  if (id === null) return null;
  return (db.prepare('SELECT number FROM appointments WHERE id = ?').get(id) as { number: string } | undefined)?.number ?? null;
}

function can(r: NamedRow, now: number, rules: AppointmentRules, role: Role): AppointmentDetail['can'] {
  const today = localNow(now).today;
  const changeable = changeRefusal(r, now, rules, role) === null;
  return {
    checkIn: r.status === 'booked' && r.day === today,
    complete: r.status === 'checked_in' || (r.status === 'booked' && r.day === today),
    noShow: r.status === 'booked' && reached(now, r.day, r.start_minute),
    cancel: changeable,
    reschedule: changeable,
  };
}

function toDetail(db: Db, r: NamedRow, now: number, rules: AppointmentRules, role: Role): AppointmentDetail {
  const extra = db
    .prepare(
      `SELECT st.address, u.display_name booked_by_name, t.number ticket_number FROM appointments a
         JOIN stations st ON st.id = a.station_id JOIN users u ON u.id = a.booked_by
         LEFT JOIN tickets t ON t.id = a.ticket_id WHERE a.id = ?`,
    )
    .get(r.id) as { address: string; booked_by_name: string; ticket_number: string | null };
  const events = db
    .prepare('SELECT at, action, status, user_name, note FROM appointment_events WHERE appointment_id = ? ORDER BY seq')
    .all(r.id) as EventRow[];
  return {
    ...toSummary(r),
    stationAddress: extra.address,
    outcome: r.outcome,
    cancelReason: r.cancel_reason,
    rescheduledFromId: r.rescheduled_from,
    rescheduledFromNumber: numberOf(db, r.rescheduled_from),
    rescheduledToId: r.rescheduled_to,
    rescheduledToNumber: numberOf(db, r.rescheduled_to),
    ticketId: r.ticket_id,
    ticketNumber: extra.ticket_number,
    bookedByName: extra.booked_by_name,
    bookedAt: r.booked_at,
    checkedInAt: r.checked_in_at,
    finishedAt: r.finished_at,
    remindedAt: r.reminded_at,
    can: can(r, now, rules, role),
    events: events.map((e) => ({ at: e.at, action: e.action, status: e.status, userName: e.user_name, note: e.note })),
  };
}

export function getAppointmentDetail(db: Db, id: string, now: number, rules: AppointmentRules, role: Role): AppointmentDetail {
  return toDetail(db, getNamedRow(db, id), now, rules, role);
}

export function findByNumber(db: Db, number: string, now: number, rules: AppointmentRules, role: Role): AppointmentDetail {
  const row = db.prepare(`${SELECT_NAMED} WHERE a.number = ?`).get(number.trim().toUpperCase()) as NamedRow | undefined;
  if (!row) throw fail.validation('appointment.number.notFound', 'number', { number });
  return toDetail(db, row, now, rules, role);
}

/** A resident's bookings: upcoming (today on, still to happen) soonest first; the last 20 past ones, latest first. */
export function residentAppointments(db: Db, residentId: string, now: number): { upcoming: AppointmentSummary[]; past: AppointmentSummary[] } {
  const today = localNow(now).today;
  const upcoming = db
    .prepare(`${SELECT_NAMED} WHERE a.resident_id = ? AND a.day >= ? AND a.status IN ('booked', 'checked_in') ORDER BY a.day, a.start_minute`)
    .all(residentId, today) as NamedRow[];
  const past = db
    .prepare(
      `${SELECT_NAMED} WHERE a.resident_id = ? AND NOT (a.day >= ? AND a.status IN ('booked', 'checked_in'))
        ORDER BY a.day DESC, a.start_minute DESC LIMIT 20`,
    )
    .all(residentId, today) as NamedRow[];
  return { upcoming: upcoming.map(toSummary), past: past.map(toSummary) };
}
