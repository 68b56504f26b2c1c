import type { Output } from '../../../../../shared/contract';

export type DayColumn = Output<'appointments.dayView'>['services'][number];
export type DayBooking = DayColumn['slots'][number]['bookings'][number];

/** What a button on a booking asks the page to do. */
export type BookingAction = 'checkIn' | 'complete' | 'noShow' | 'cancel' | 'reschedule';

/** A booking with where and when it is: what the dialogs need to say and to reschedule. */
export interface BookingTarget {
  booking: DayBooking;
  stationServiceId: string;
  serviceName: string;
  day: string;
  startMinute: number;
}
