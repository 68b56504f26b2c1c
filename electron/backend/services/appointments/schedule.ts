import type { AppointmentClosedReason } from '../../../../shared/contract/appointments';
import { stationDay, type DayHours } from '../../../../shared/rules/stationDay';
import type { WorkCalendar } from '../../../../shared/rules/workdays';
import type { Offer } from './offer';

/**
 * The hours an offer takes bookings on a date: the station's day (own closed dates, holidays, 调休 —
 * the shared stationDay rule), narrowed by the offer's own hours read under the same rule.
 */
export function offerDay(
  offer: Offer,
  calendar: WorkCalendar,
  day: string,
): { open: true; hours: DayHours } | { open: false; reason: AppointmentClosedReason } {
  const station = stationDay(offer.stationHours, offer.closedDates, calendar, day);
  if (!station.open || offer.ownHours === null) return station;
  const own = stationDay(offer.ownHours, [], calendar, day);
  if (!own.open) return own;
  const open = Math.max(station.hours.open, own.hours.open);
  const close = Math.min(station.hours.close, own.hours.close);
  return close > open ? { open: true, hours: { open, close } } : { open: false, reason: 'weekday' };
}

/** Slot start minutes of a day: from the opening, every slot length, each ending by the close. */
export function slotStarts(hours: DayHours, slotMinutes: number): number[] {
  const starts: number[] = [];
  for (let s = hours.open; s + slotMinutes <= hours.close; s += slotMinutes) starts.push(s);
  return starts;
}
