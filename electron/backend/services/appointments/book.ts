import { fail } from '../../../../shared/contract';
import type { AppointmentRules } from '../../../../shared/contract/appointments';
import type { WorkCalendar } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import type { SessionUser } from '../../context';
import { localNow } from './clock';
import { addEvent } from './events';
import { getOffer, type Offer } from './offer';
import { offerDay, slotStarts } from './schedule';
import { lastBookableDay, takenByStart, takenInSlot } from './slots';
import { monthDay, timeOf } from './words';

export interface BookingWish {
  stationServiceId: string;
  day: string;
  startMinute: number;
  residentId: string;
  note?: string | undefined;
}

export interface BookingContext {
  now: number;
  rules: AppointmentRules;
  calendar: WorkCalendar;
  user: Pick<SessionUser, 'userId' | 'displayName'>;
}

/** Checks the slot itself: the offer is on, the day is open and within reach, the time is a slot not yet started. */
function checkSlot(offer: Offer, w: BookingWish, c: BookingContext): number {
  if (!offer.active) throw fail.validation('appointment.offer.inactive', 'stationServiceId', { service: offer.serviceName, station: offer.stationName });
  const date = monthDay(w.day);
  const open = offerDay(offer, c.calendar, w.day);
  if (!open.open) throw fail.validation(`appointment.day.${open.reason}`, 'day', { date, station: offer.stationName });
  const { today, minute } = localNow(c.now);
  if (w.day < today) throw fail.validation('appointment.day.past', 'day', { date });
  const last = lastBookableDay(c.now, c.rules);
  if (w.day > last) throw fail.validation('appointment.day.beyondHorizon', 'day', { date, days: c.rules.horizonDays, last: monthDay(last) });
  const { open: from, close: to } = open.hours;
  if (w.startMinute < from || w.startMinute + offer.slotMinutes > to) {
    throw fail.validation('appointment.slot.outsideHours', 'startMinute', { time: timeOf(w.startMinute), open: timeOf(from), close: timeOf(to) });
  }
  if (!slotStarts(open.hours, offer.slotMinutes).includes(w.startMinute)) {
    throw fail.validation('appointment.slot.notBoundary', 'startMinute', { time: timeOf(w.startMinute), minutes: offer.slotMinutes, open: timeOf(from) });
  }
  if (w.day === today && minute >= w.startMinute) throw fail.validation('appointment.slot.started', 'startMinute', { time: timeOf(w.startMinute) });
  return w.startMinute + offer.slotMinutes;
}

function checkResident(db: Db, residentId: string): void {
  const r = db.prepare('SELECT voided_at FROM residents WHERE id = ?').get(residentId) as { voided_at: number | null } | undefined;
  if (!r) throw fail.validation('appointment.resident.notFound', 'residentId');
  if (r.voided_at !== null) throw fail.validation('appointment.resident.voided', 'residentId');
}

/** A resident is in one place at a time: any station, booked or checked in, overlapping times. */
function checkNoOverlap(db: Db, w: BookingWish, end: number, exceptId: string | null): void {
  const clash = db
    .prepare(
      `SELECT a.start_minute, sv.name service_name, st.name station_name FROM appointments a
         JOIN services sv ON sv.id = a.service_id JOIN stations st ON st.id = a.station_id
        WHERE a.resident_id = ? AND a.day = ? AND a.status IN ('booked', 'checked_in')
          AND a.start_minute < ? AND a.end_minute > ? AND a.id IS NOT ?
        LIMIT 1`,
    )
    .get(w.residentId, w.day, end, w.startMinute, exceptId) as { start_minute: number; service_name: string; station_name: string } | undefined;
  if (clash) {
    throw fail.conflict('appointment.resident.overlap', 'residentId', {
      date: monthDay(w.day),
      time: timeOf(clash.start_minute),
      service: clash.service_name,
      station: clash.station_name,
    });
  }
}

/**
 * The slip's number: Y + the appointment day's MMDD + '-' + its order among that date's bookings.
 * Numbers are never deleted, so the count is a safe next number (years later the same MMDD continues
 * counting); the caller's immediate transaction keeps it unique.
 */
export function nextNumber(db: Db, day: string): string {
  const prefix = `Y${day.slice(5, 7)}${day.slice(8, 10)}-`;
  const { n } = db.prepare(`SELECT count(*) n FROM appointments WHERE number >= ? AND number < ?`).get(prefix, `${prefix.slice(0, -1)}.`) as { n: number };
  return `${prefix}${n + 1}`;
}

/**
 * Books a place: every check then the insert, inside the caller's immediate transaction, so two desks
 * after the last place are serialised by SQLite's write lock and the second sees the slot full.
 */
export function bookAppointment(db: Db, w: BookingWish, c: BookingContext, opts: { rescheduledFrom?: string; reason?: string } = {}): string {
  const offer = getOffer(db, w.stationServiceId);
  const end = checkSlot(offer, w, c);
  checkResident(db, w.residentId);
  const taken = takenInSlot(takenByStart(db, offer, w.day), w.startMinute, end);
  if (taken >= offer.capacity) {
    throw fail.conflict('appointment.slot.full', 'startMinute', { capacity: offer.capacity, time: timeOf(w.startMinute), date: monthDay(w.day) });
  }
  checkNoOverlap(db, w, end, opts.rescheduledFrom ?? null);
  const id = newId();
  db.prepare(
    `INSERT INTO appointments (id, number, station_service_id, station_id, service_id, resident_id, day, start_minute, end_minute,
       status, note, rescheduled_from, booked_by, booked_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?)`,
  ).run(
    id,
    nextNumber(db, w.day),
    offer.id,
    offer.stationId,
    offer.serviceId,
    w.residentId,
    w.day,
    w.startMinute,
    end,
    w.note ?? null,
    opts.rescheduledFrom ?? null,
    c.user.userId,
    c.now,
    c.now,
  );
  if (opts.rescheduledFrom) addEvent(db, id, c.now, 'rescheduledFrom', 'booked', c.user, opts.reason ?? null);
  else addEvent(db, id, c.now, 'booked', 'booked', c.user, w.note ?? null);
  return id;
}
