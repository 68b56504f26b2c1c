import { fail } from '../../../../shared/contract';
import type { AppointmentClosedReason, ApptDayBooking, ApptDayView, ApptWeekView } from '../../../../shared/contract/appointments';
import { maskPhone } from '../../../../shared/rules/mask';
import { addDays, isoWeekday, type WorkCalendar } from '../../../../shared/rules/workdays';
import { stationDay, type WeekHours } from '../../../../shared/rules/stationDay';
import type { Db } from '../../db/open';
import { offersOfStation, type Offer } from './offer';
import { offerDay, slotStarts } from './schedule';
import { HOLDING_SQL } from './slots';
import type { AppointmentStatus } from './rows';

type Counts = ApptDayView['totals'];
const zero = (): Counts => ({ capacity: 0, taken: 0, booked: 0, checkedIn: 0, completed: 0, noShow: 0, cancelled: 0 });
const COUNT_KEY: Record<AppointmentStatus, keyof Counts | null> = {
  booked: 'booked',
  checked_in: 'checkedIn',
  completed: 'completed',
  no_show: 'noShow',
  cancelled: 'cancelled',
  rescheduled: null,
};

function stationOf(db: Db, stationId: string) {
  const s = db.prepare('SELECT name, hours, closed_dates FROM stations WHERE id = ?').get(stationId) as
    | { name: string; hours: string; closed_dates: string }
    | undefined;
  if (!s) throw fail.validation('appointment.station.notFound', 'stationId');
  return { name: s.name, hours: JSON.parse(s.hours) as WeekHours, closedDates: JSON.parse(s.closed_dates) as string[] };
}

function calendarReason(station: ReturnType<typeof stationOf>, calendar: WorkCalendar, day: string): AppointmentClosedReason | null {
  const d = stationDay(station.hours, station.closedDates, calendar, day);
  return d.open ? null : d.reason;
}

interface BookingRow {
  id: string;
  number: string;
  service_id: string;
  start_minute: number;
  status: AppointmentStatus;
  note: string | null;
  outcome: string | null;
  reminded_at: number | null;
  resident_id: string;
  resident_name: string;
  resident_phone: string | null;
  ticket_number: string | null;
}

/** Offers shown for a period: the active ones, and switched-off ones that still have bookings in it. */
function shownOffers(offers: Offer[], bookedServiceIds: Set<string>): Offer[] {
  return offers.filter((o) => o.active || bookedServiceIds.has(o.serviceId));
}

/** A station's day: a column per service, its slots with the bookings holding places, and totals. */
export function dayView(db: Db, stationId: string, day: string, calendar: WorkCalendar): ApptDayView {
  const station = stationOf(db, stationId);
  const rows = db
    .prepare(
      `SELECT a.id, a.number, a.service_id, a.start_minute, a.status, a.note, a.outcome, a.reminded_at, a.resident_id,
              r.name resident_name, r.phone resident_phone, t.number ticket_number
         FROM appointments a JOIN residents r ON r.id = a.resident_id LEFT JOIN tickets t ON t.id = a.ticket_id
        WHERE a.station_id = ? AND a.day = ? ORDER BY a.start_minute, a.booked_at`,
    )
    .all(stationId, day) as BookingRow[];
  const totals = zero();
  const services = shownOffers(offersOfStation(db, stationId), new Set(rows.map((r) => r.service_id))).map((offer) => {
    const own = rows.filter((r) => r.service_id === offer.serviceId);
    const open = offerDay(offer, calendar, day);
    const starts = open.open ? slotStarts(open.hours, offer.slotMinutes) : [];
    // A booking off today's grid (hours or slot length changed since) gets a slot of its own.
    for (const b of own) if (!starts.some((s) => b.start_minute >= s && b.start_minute < s + offer.slotMinutes)) starts.push(b.start_minute);
    starts.sort((a, b) => a - b);
    const counts = zero();
    for (const b of own) {
      const key = COUNT_KEY[b.status];
      if (key) counts[key] += 1;
    }
    const slots = starts.map((start) => {
      const bookings = own
        .filter((b) => b.start_minute >= start && b.start_minute < start + offer.slotMinutes && b.status !== 'cancelled' && b.status !== 'rescheduled')
        .map(toDayBooking);
      return { startMinute: start, endMinute: start + offer.slotMinutes, capacity: offer.capacity, taken: bookings.length, bookings };
    });
    counts.capacity = open.open ? slotStarts(open.hours, offer.slotMinutes).length * offer.capacity : 0;
    counts.taken = counts.booked + counts.checkedIn + counts.completed + counts.noShow;
    for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += counts[k];
    return {
      stationServiceId: offer.id,
      serviceId: offer.serviceId,
      serviceName: offer.serviceName,
      slotMinutes: offer.slotMinutes,
      capacity: offer.capacity,
      active: offer.active,
      closedReason: open.open ? (offer.active ? null : 'inactive') : open.reason,
      slots,
      totals: counts,
    };
  });
  return { stationId, stationName: station.name, day, closedReason: calendarReason(station, calendar, day), services, totals };
}

function toDayBooking(b: BookingRow): ApptDayBooking {
  return {
    id: b.id,
    number: b.number,
    residentId: b.resident_id,
    residentName: b.resident_name,
    residentPhoneMasked: b.resident_phone ? maskPhone(b.resident_phone) : null,
    status: b.status,
    note: b.note,
    outcome: b.outcome,
    ticketNumber: b.ticket_number,
    reminded: b.reminded_at !== null,
  };
}

/** A station's week from the Monday of `anyDay`: per day × service, slots, places and places held. */
export function weekView(db: Db, stationId: string, anyDay: string, calendar: WorkCalendar): ApptWeekView {
  const station = stationOf(db, stationId);
  const monday = addDays(anyDay, 1 - isoWeekday(anyDay));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const held = db
    .prepare(
      `SELECT day, service_id, count(*) n FROM appointments
        WHERE station_id = ? AND day BETWEEN ? AND ? AND status IN ${HOLDING_SQL} GROUP BY day, service_id`,
    )
    .all(stationId, monday, days[6]) as { day: string; service_id: string; n: number }[];
  const heldOf = new Map(held.map((h) => [`${h.day}|${h.service_id}`, h.n]));
  const services = shownOffers(offersOfStation(db, stationId), new Set(held.map((h) => h.service_id))).map((offer) => ({
    stationServiceId: offer.id,
    serviceId: offer.serviceId,
    serviceName: offer.serviceName,
    slotMinutes: offer.slotMinutes,
    capacity: offer.capacity,
    active: offer.active,
    cells: days.map((day) => {
      const open = offerDay(offer, calendar, day);
      const slots = open.open ? slotStarts(open.hours, offer.slotMinutes).length : 0;
      return {
        day,
        closedReason: open.open ? (offer.active ? null : ('inactive' as const)) : open.reason,
        slots,
        capacity: slots * offer.capacity,
        booked: heldOf.get(`${day}|${offer.serviceId}`) ?? 0,
      };
    }),
  }));
  return {
    stationId,
    stationName: station.name,
    week: monday,
    days: days.map((day, i) => ({
      day,
      closedReason: calendarReason(station, calendar, day),
      capacity: services.reduce((a, s) => a + s.cells[i]!.capacity, 0),
      booked: services.reduce((a, s) => a + s.cells[i]!.booked, 0),
    })),
    services,
  };
}
