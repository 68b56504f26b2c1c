import type { AppointmentClosedReason, AppointmentRules, ApptDayFree, ApptDaySlots, ApptSlot } from '../../../../shared/contract/appointments';
import { addDays } from '../../../../shared/rules/workdays';
import type { WorkCalendar } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { localNow } from './clock';
import type { Offer } from './offer';
import { offerDay, slotStarts } from './schedule';

/** Statuses that hold a place, as SQL. */
export const HOLDING_SQL = `('booked', 'checked_in', 'completed', 'no_show')`;

/** Places held per start minute for an offer on a day (one covering index range). */
export function takenByStart(db: Db, offer: Pick<Offer, 'stationId' | 'serviceId'>, day: string): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT start_minute s, count(*) n FROM appointments
        WHERE station_id = ? AND day = ? AND service_id = ? AND status IN ${HOLDING_SQL} GROUP BY start_minute`,
    )
    .all(offer.stationId, day, offer.serviceId) as { s: number; n: number }[];
  return new Map(rows.map((r) => [r.s, r.n]));
}

/** Bookings count in the slot their start falls in (a changed slot length keeps old bookings counted). */
export function takenInSlot(taken: Map<number, number>, start: number, end: number): number {
  let n = 0;
  for (const [s, c] of taken) if (s >= start && s < end) n += c;
  return n;
}

export interface DayContext {
  calendar: WorkCalendar;
  rules: AppointmentRules;
  now: number;
}

export const lastBookableDay = (now: number, rules: AppointmentRules): string => addDays(localNow(now).today, rules.horizonDays);

/** Why bookings cannot be made on a day, before looking at the slots; null = bookable. */
export function dayBar(offer: Offer, day: string, c: DayContext): AppointmentClosedReason | null {
  if (!offer.active) return 'inactive';
  const open = offerDay(offer, c.calendar, day);
  if (!open.open) return open.reason;
  if (day < localNow(c.now).today) return 'past';
  if (day > lastBookableDay(c.now, c.rules)) return 'beyondHorizon';
  return null;
}

export function computeSlots(offer: Offer, day: string, taken: Map<number, number>, c: DayContext, bar: AppointmentClosedReason | null): ApptSlot[] {
  const open = offerDay(offer, c.calendar, day);
  if (!open.open) return [];
  const { today, minute } = localNow(c.now);
  return slotStarts(open.hours, offer.slotMinutes).map((start) => {
    const end = start + offer.slotMinutes;
    const n = takenInSlot(taken, start, end);
    const started = day < today || (day === today && minute >= start);
    return {
      startMinute: start,
      endMinute: end,
      capacity: offer.capacity,
      taken: n,
      free: bar !== null || started ? 0 : Math.max(0, offer.capacity - n),
      started,
    };
  });
}

export function daySlots(db: Db, offer: Offer, day: string, c: DayContext): ApptDaySlots {
  const bar = dayBar(offer, day, c);
  const calendarClosed = bar === 'closedDate' || bar === 'holiday' || bar === 'weekday';
  const slots = calendarClosed ? [] : computeSlots(offer, day, takenByStart(db, offer, day), c, bar);
  return {
    stationServiceId: offer.id,
    day,
    slotMinutes: offer.slotMinutes,
    capacity: offer.capacity,
    closedReason: bar,
    slots,
    lastBookableDay: lastBookableDay(c.now, c.rules),
  };
}

const MAX_DAYS = 62;

/** Free places per day for the date picker: one grouped read over the range, then the calendar. */
export function daysFree(db: Db, offer: Offer, from: string, to: string | undefined, c: DayContext): ApptDayFree[] {
  const last = to ?? lastBookableDay(c.now, c.rules);
  const end = last < from ? from : last > addDays(from, MAX_DAYS - 1) ? addDays(from, MAX_DAYS - 1) : last;
  const rows = db
    .prepare(
      `SELECT day d, start_minute s, count(*) n FROM appointments
        WHERE station_id = ? AND day BETWEEN ? AND ? AND service_id = ? AND status IN ${HOLDING_SQL}
        GROUP BY day, start_minute`,
    )
    .all(offer.stationId, from, end, offer.serviceId) as { d: string; s: number; n: number }[];
  const byDay = new Map<string, Map<number, number>>();
  for (const r of rows) {
    let m = byDay.get(r.d);
    if (!m) byDay.set(r.d, (m = new Map()));
    m.set(r.s, r.n);
  }
  const out: ApptDayFree[] = [];
  for (let day = from; day <= end; day = addDays(day, 1)) {
    const bar = dayBar(offer, day, c);
    const calendarClosed = bar === 'closedDate' || bar === 'holiday' || bar === 'weekday';
    const slots = calendarClosed ? [] : computeSlots(offer, day, byDay.get(day) ?? new Map(), c, bar);
    const capacity = slots.reduce((a, s) => a + s.capacity, 0);
    const free = slots.reduce((a, s) => a + s.free, 0);
    let reason = bar;
    if (reason === null && free === 0) reason = slots.every((s) => s.started) ? 'past' : 'full';
    out.push({ day, capacity, free, closedReason: reason });
  }
  return out;
}
