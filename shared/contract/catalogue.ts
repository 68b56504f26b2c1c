import { z } from 'zod';
import { call } from './define';
import { ADMIN, STAFF } from './roles';
import { id, isoDate, maskedFieldUpdate, ok, optionalText, text } from './common';
import { role } from './accounts';

/* Staff, the service catalogue, stations and the holiday calendar: the settings later issues need. */

export const HANDLING_MODES = ['immediate', 'onsite', 'homevisit', 'assigned', 'escalated'] as const;
export const handlingMode = z.enum(HANDLING_MODES, 'validation.invalidType');

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.badTime');
/** Opening hours per weekday, 1 = Monday … 7 = Sunday; a missing day is closed. */
export const openingHours = z
  .partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.object({ open: hhmm, close: hhmm }))
  .refine((h) => Object.values(h).every((d) => d !== undefined && d.open < d.close), 'station.hours.order');

export const staffMember = z.object({
  id: z.string(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  roles: z.array(z.string()),
  stationIds: z.array(z.string()),
  hasPin: z.boolean(),
  userId: z.string().nullable(),
  active: z.boolean(),
});
export const staffInput = z.object({
  name: text(30),
  phone: optionalText(30),
  /** Job titles as the centre uses them (社工, 网格员, 志愿者…), not login roles. */
  roles: z.array(z.string().trim().min(1).max(12)).max(10).default([]),
  stationIds: z.array(id).max(50).default([]),
  active: z.boolean().default(true),
});

export const service = z.object({
  id: z.string(),
  category: z.string(),
  name: z.string(),
  prefix: z.string(),
  defaultMode: handlingMode,
  timeLimitDays: z.number(),
  counters: z.array(z.number()),
  stationIds: z.array(z.string()),
  needsAppointment: z.boolean(),
  active: z.boolean(),
});
export const serviceInput = z.object({
  category: text(20),
  name: text(40),
  prefix: z.string('validation.required').trim().toUpperCase().regex(/^[A-Z]$/, 'service.prefix.format'),
  defaultMode: handlingMode,
  timeLimitDays: z.number('validation.invalidType').int('validation.integer').min(0, 'validation.tooSmall').max(365, 'validation.tooBig'),
  counters: z.array(z.number().int().min(1).max(99)).max(20).default([]),
  stationIds: z.array(id).max(50).default([]),
  needsAppointment: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const station = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  hours: openingHours,
  closedDates: z.array(z.string()),
  active: z.boolean(),
});
export const stationInput = z.object({
  name: text(40),
  address: text(100),
  hours: openingHours,
  closedDates: z.array(isoDate).max(400).default([]),
  active: z.boolean().default(true),
});

export const calendarDay = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });
export type CalendarDay = z.infer<typeof calendarDay>;

export const catalogueContract = {
  'staff.list': call({ summary: '工作人员', access: STAFF, input: z.object({}), output: z.array(staffMember) }),
  'staff.save': call({
    summary: '新建或修改工作人员',
    access: ADMIN,
    input: staffInput.extend({ id: id.optional(), phone: maskedFieldUpdate(30) }),
    output: staffMember,
  }),
  'staff.setPin': call({
    summary: '设置签到 PIN（只存哈希）',
    access: ADMIN,
    input: z.object({ id, pin: z.string().regex(/^\d{4,8}$/, 'staff.pin.format') }),
    output: ok,
  }),
  'services.list': call({ summary: '服务事项', access: STAFF, input: z.object({}), output: z.array(service) }),
  'services.save': call({
    summary: '新建或修改服务事项',
    access: ADMIN,
    input: serviceInput.extend({ id: id.optional() }),
    output: service,
  }),
  'stations.list': call({ summary: '驿站', access: STAFF, input: z.object({}), output: z.array(station) }),
  'stations.save': call({
    summary: '新建或修改驿站',
    access: ADMIN,
    input: stationInput.extend({ id: id.optional() }),
    output: station,
  }),
  'calendar.list': call({
    summary: '节假日与调休',
    access: STAFF,
    input: z.object({ year: z.number().int().min(2000).max(2100) }),
    output: z.object({ days: z.array(calendarDay), source: z.string() }),
  }),
  'calendar.import': call({
    summary: '导入节假日文件（JSON）',
    access: ADMIN,
    input: z.object({ json: z.string().max(2_000_000, 'file.tooLarge') }),
    output: z.object({ years: z.array(z.number()), days: z.number() }),
  }),
  'calendar.addWorkingDays': call({
    summary: '按工作日推算日期（办理时限）',
    access: STAFF,
    input: z.object({ from: isoDate, days: z.number().int().min(0).max(365) }),
    output: z.object({ date: z.string() }),
  }),
};

export type StaffRole = z.infer<typeof role>;
