import { z } from 'zod';
import { call, type CallDef } from './define';
import { ADMIN, OFFICE, STAFF } from './roles';
import { id, isoDate, optionalText, text } from './common';
import { openingHours } from './catalogue';
import { counterNumber } from './queue';

/*
 * Station appointments (SPEC §5.1, 5.2, 5.4–5.6): what stations offer by appointment, free slots,
 * bookings, check-in, the call list, day and week views.
 * Times of day are minutes since local (Asia/Shanghai) midnight; days are 'YYYY-MM-DD'.
 */

/**
 * booked → checked_in (joins the queue with priority) → completed (outcome);
 * booked → no_show (by hand after the start, or automatically once start + grace has passed);
 * booked → cancelled (reason; desk and duty only before the cut-off, admin until the start);
 * booked → rescheduled (a new booking is made, both linked).
 */
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'completed', 'no_show', 'cancelled', 'rescheduled'] as const;
export const appointmentStatus = z.enum(APPOINTMENT_STATUSES);
/** Statuses that hold a place in their slot. */
export const APPT_HOLDING_STATUSES = ['booked', 'checked_in', 'completed', 'no_show'] as const;

export const APPOINTMENT_ACTIONS = ['booked', 'rescheduledFrom', 'rescheduled', 'cancelled', 'checkedIn', 'completed', 'noShow', 'autoNoShow', 'reminded', 'unreminded'] as const;

/**
 * Why a day (or a slot list) takes no booking: the station's calendar (closedDate, holiday, weekday),
 * the time (past, beyondHorizon), the offer switched off (inactive); `full` only in the per-day list.
 */
export const APPT_CLOSED_REASONS = ['closedDate', 'holiday', 'weekday', 'past', 'beyondHorizon', 'inactive', 'full'] as const;
export const apptClosedReason = z.enum(APPT_CLOSED_REASONS);
export type AppointmentClosedReason = z.infer<typeof apptClosedReason>;

const apptMinute = z.number('validation.invalidType').int('validation.integer').min(0, 'validation.tooSmall').max(1439, 'validation.tooBig');

// ---- What a station offers ----

export const stationService = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  stationAddress: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  slotMinutes: z.number(),
  capacity: z.number(),
  /** Hours narrower than the station's (same shape as a station's hours); null = the station's hours. */
  hours: openingHours.nullable(),
  active: z.boolean(),
});
export type StationService = z.infer<typeof stationService>;

export const stationServiceInput = z.object({
  /** Absent = create; a station offers a service once (a second one is a conflict). */
  id: id.optional(),
  stationId: id,
  serviceId: id,
  slotMinutes: z.number('validation.invalidType').int('validation.integer').min(5, 'validation.tooSmall').max(480, 'validation.tooBig'),
  capacity: z.number('validation.invalidType').int('validation.integer').min(1, 'validation.tooSmall').max(500, 'validation.tooBig'),
  hours: openingHours.nullable().default(null),
  active: z.boolean().default(true),
});

// ---- Rules ----

export const appointmentRules = z.object({
  /** How many days ahead a booking may be made (today = day 0). */
  horizonDays: z.number('validation.invalidType').int('validation.integer').min(1, 'validation.tooSmall').max(365, 'validation.tooBig'),
  /** Desk and duty cannot cancel (or reschedule) less than this before the start; admin can until the start. */
  cutoffMinutes: z.number('validation.invalidType').int('validation.integer').min(0, 'validation.tooSmall').max(10080, 'validation.tooBig'),
  /** A booking not checked in this long after its start becomes a no-show. */
  graceMinutes: z.number('validation.invalidType').int('validation.integer').min(0, 'validation.tooSmall').max(240, 'validation.tooBig'),
});
export type AppointmentRules = z.infer<typeof appointmentRules>;

// ---- Slots ----

export const apptSlot = z.object({
  startMinute: z.number(),
  endMinute: z.number(),
  capacity: z.number(),
  taken: z.number(),
  /** Places that can still be booked: 0 once the slot has started, or when the day is not bookable. */
  free: z.number(),
  started: z.boolean(),
});
export type ApptSlot = z.infer<typeof apptSlot>;

export const apptDaySlots = z.object({
  stationServiceId: z.string(),
  day: z.string(),
  slotMinutes: z.number(),
  capacity: z.number(),
  /** Null when the day can be booked; otherwise why not (slots then all have free = 0). */
  closedReason: apptClosedReason.nullable(),
  /** Empty when the station is closed that day (closedDate / holiday / weekday). */
  slots: z.array(apptSlot),
  /** The last day that can be booked now (today + horizon). */
  lastBookableDay: z.string(),
});
export type ApptDaySlots = z.infer<typeof apptDaySlots>;

export const apptDayFree = z.object({
  day: z.string(),
  capacity: z.number(),
  free: z.number(),
  /** Null when places are free; `full` when open but every slot is taken or started. */
  closedReason: apptClosedReason.nullable(),
});
export type ApptDayFree = z.infer<typeof apptDayFree>;

// ---- Appointments ----

export const appointmentSummary = z.object({
  id: z.string(),
  number: z.string(),
  stationServiceId: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  residentPhoneMasked: z.string().nullable(),
  day: z.string(),
  startMinute: z.number(),
  endMinute: z.number(),
  status: appointmentStatus,
  note: z.string().nullable(),
  reminded: z.boolean(),
});
export type AppointmentSummary = z.infer<typeof appointmentSummary>;

export const appointmentEvent = z.object({
  at: z.number(),
  action: z.enum(APPOINTMENT_ACTIONS),
  status: appointmentStatus,
  userName: z.string(),
  note: z.string().nullable(),
});

export const appointmentDetail = appointmentSummary.extend({
  stationAddress: z.string(),
  outcome: z.string().nullable(),
  cancelReason: z.string().nullable(),
  rescheduledFromId: z.string().nullable(),
  rescheduledFromNumber: z.string().nullable(),
  rescheduledToId: z.string().nullable(),
  rescheduledToNumber: z.string().nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  bookedByName: z.string(),
  bookedAt: z.number(),
  checkedInAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  remindedAt: z.number().nullable(),
  /** What the current user may do now (buttons), by status, time, role and the cut-off. */
  can: z.object({
    checkIn: z.boolean(),
    complete: z.boolean(),
    noShow: z.boolean(),
    cancel: z.boolean(),
    reschedule: z.boolean(),
  }),
  events: z.array(appointmentEvent),
});
export type AppointmentDetail = z.infer<typeof appointmentDetail>;

export const apptBookInput = z.object({
  stationServiceId: id,
  day: isoDate,
  startMinute: apptMinute,
  residentId: id,
  note: optionalText(200),
});

// ---- Views ----

export const apptDayBooking = z.object({
  id: z.string(),
  number: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  residentPhoneMasked: z.string().nullable(),
  status: appointmentStatus,
  note: z.string().nullable(),
  outcome: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  reminded: z.boolean(),
});
export type ApptDayBooking = z.infer<typeof apptDayBooking>;

export const apptDayViewSlot = z.object({
  startMinute: z.number(),
  endMinute: z.number(),
  capacity: z.number(),
  taken: z.number(),
  /** The bookings holding a place (booked, checked in, completed, no-show), in booking order. */
  bookings: z.array(apptDayBooking),
});

const apptStatusCounts = z.object({
  capacity: z.number(),
  /** Places held: booked + checkedIn + completed + noShow. */
  taken: z.number(),
  booked: z.number(),
  checkedIn: z.number(),
  completed: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
});

export const apptDayView = z.object({
  stationId: z.string(),
  stationName: z.string(),
  day: z.string(),
  /** The station's calendar for the day (closedDate / holiday / weekday), null when open. */
  closedReason: apptClosedReason.nullable(),
  /** One column per service the station offers (active ones, plus inactive ones that have bookings that day). */
  services: z.array(
    z.object({
      stationServiceId: z.string(),
      serviceId: z.string(),
      serviceName: z.string(),
      slotMinutes: z.number(),
      capacity: z.number(),
      active: z.boolean(),
      closedReason: apptClosedReason.nullable(),
      slots: z.array(apptDayViewSlot),
      totals: apptStatusCounts,
    }),
  ),
  totals: apptStatusCounts,
});
export type ApptDayView = z.infer<typeof apptDayView>;

export const apptWeekCell = z.object({
  day: z.string(),
  closedReason: apptClosedReason.nullable(),
  slots: z.number(),
  capacity: z.number(),
  booked: z.number(),
});

export const apptWeekView = z.object({
  stationId: z.string(),
  stationName: z.string(),
  week: z.string(),
  days: z.array(z.object({ day: z.string(), closedReason: apptClosedReason.nullable(), capacity: z.number(), booked: z.number() })),
  services: z.array(
    z.object({
      stationServiceId: z.string(),
      serviceId: z.string(),
      serviceName: z.string(),
      slotMinutes: z.number(),
      capacity: z.number(),
      active: z.boolean(),
      /** Seven cells, Monday first. `booked` counts places held (booked, checked in, completed, no-show). */
      cells: z.array(apptWeekCell),
    }),
  ),
});
export type ApptWeekView = z.infer<typeof apptWeekView>;

export const apptCallListRow = z.object({
  id: z.string(),
  number: z.string(),
  startMinute: z.number(),
  endMinute: z.number(),
  residentId: z.string(),
  residentName: z.string(),
  /** In full: the list exists to phone people; each read is audited. */
  phone: z.string().nullable(),
  serviceName: z.string(),
  stationName: z.string(),
  note: z.string().nullable(),
  reminded: z.boolean(),
  remindedAt: z.number().nullable(),
  remindedByName: z.string().nullable(),
});
export type ApptCallListRow = z.infer<typeof apptCallListRow>;

export const appointmentsContract = {
  'stationServices.list': call({
    summary: '驿站的预约服务',
    access: STAFF,
    input: z.object({ stationId: id.optional(), serviceId: id.optional(), activeOnly: z.boolean().default(false) }),
    output: z.array(stationService),
  }),
  'stationServices.save': call({ summary: '开通或修改驿站的预约服务', access: ADMIN, input: stationServiceInput, output: stationService }),
  'appointments.rules.get': call({ summary: '预约规则', access: STAFF, input: z.object({}), output: appointmentRules }),
  'appointments.rules.save': call({ summary: '修改预约规则', access: ADMIN, input: appointmentRules, output: appointmentRules }),
  'appointments.slots': call({
    summary: '某天的时段与余位',
    access: STAFF,
    input: z.object({ stationServiceId: id, day: isoDate }),
    output: apptDaySlots,
  }),
  'appointments.days': call({
    summary: '每天的余位（日期选择用）',
    access: STAFF,
    /** `to` defaults to the last bookable day; at most 62 days are returned. */
    input: z.object({ stationServiceId: id, from: isoDate, to: isoDate.optional() }),
    output: z.array(apptDayFree),
  }),
  'appointments.book': call({ summary: '预约', access: STAFF, input: apptBookInput, output: appointmentDetail }),
  'appointments.get': call({ summary: '预约详情', access: STAFF, input: z.object({ id }), output: appointmentDetail }),
  /** By the slip's number (e.g. Y1210-3), for check-in at the station. */
  'appointments.findByNumber': call({
    summary: '按预约号查找',
    access: STAFF,
    input: z.object({ number: text(20) }),
    output: appointmentDetail,
  }),
  'appointments.cancel': call({ summary: '取消预约（须写原因）', access: STAFF, input: z.object({ id, reason: text(200) }), output: appointmentDetail }),
  /** Returns the NEW appointment; the old one becomes `rescheduled`, both linked. */
  'appointments.reschedule': call({
    summary: '改约（须写原因）',
    access: STAFF,
    input: z.object({ id, stationServiceId: id.optional(), day: isoDate, startMinute: apptMinute, reason: text(200) }),
    output: appointmentDetail,
  }),
  /** With `counter`, only that counter calls the ticket (a station's own counter); null = any counter serving the service. */
  'appointments.checkIn': call({
    summary: '到站签到（进入排队，优先叫号）',
    access: STAFF,
    input: z.object({ id, counter: counterNumber.nullable().default(null) }),
    output: z.object({ appointment: appointmentDetail, ticketNumber: z.string() }),
  }),
  'appointments.complete': call({ summary: '办结（写结果）', access: STAFF, input: z.object({ id, outcome: text(500) }), output: appointmentDetail }),
  'appointments.noShow': call({ summary: '记为未到', access: STAFF, input: z.object({ id, note: optionalText(200) }), output: appointmentDetail }),
  'appointments.callList': call({
    summary: '电话提醒名单（含完整电话，查看即审计）',
    access: OFFICE,
    /** Without `day`: tomorrow, or before a weekend or holiday the first day with bookings up to the next working day. */
    input: z.object({ day: isoDate.optional() }),
    output: z.object({ day: z.string(), rows: z.array(apptCallListRow), total: z.number(), reminded: z.number() }),
  }),
  'appointments.markReminded': call({
    summary: '标记已电话提醒',
    access: OFFICE,
    input: z.object({ id, reminded: z.boolean() }),
    output: apptCallListRow,
  }),
  'appointments.forResident': call({
    summary: '居民的预约',
    access: STAFF,
    input: z.object({ residentId: id }),
    output: z.object({ upcoming: z.array(appointmentSummary), past: z.array(appointmentSummary) }),
  }),
  'appointments.dayView': call({ summary: '驿站日视图', access: STAFF, input: z.object({ stationId: id, day: isoDate }), output: apptDayView }),
  'appointments.weekView': call({
    summary: '驿站周视图',
    access: STAFF,
    /** Any day of the week is accepted; the view starts on its Monday. */
    input: z.object({ stationId: id, week: isoDate }),
    output: apptWeekView,
  }),
} satisfies Record<string, CallDef>;

