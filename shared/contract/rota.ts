import { z } from 'zod';
import { call, type CallDef } from './define';
import { ADMIN, STAFF } from './roles';
import { id, isoDate, ok, optionalText, text } from './common';

/*
 * The duty rota (SPEC §6.1–6.3): shifts per station with a minimum staffing, templates that repeat or
 * rotate, weekly plans with gaps and conflicts, publication, the wall sheet, and swaps with history.
 * A week is named by its Monday. Times of day cross the boundary as 'HH:MM'.
 */

export const rotaHhmm = z.string('validation.required').regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'rota.time.invalid');
export const rotaWeekday = z.number('validation.invalidType').int().min(1, 'rota.weekday.invalid').max(7, 'rota.weekday.invalid');
/** A real calendar date (2026-02-30 is refused at the boundary, with the field named). */
export const rotaDay = isoDate.refine((d) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
}, 'validation.badDate');
export const rotaPin = z.string('validation.required').regex(/^\d{4,8}$/, 'rota.pin.format');

export const rotaShift = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  minStaff: z.number(),
  weekdays: z.array(z.number()),
  active: z.boolean(),
});
export type RotaShift = z.infer<typeof rotaShift>;

export const rotaShiftInput = z.object({
  id: id.optional(),
  stationId: id,
  name: text(20),
  start: rotaHhmm,
  end: rotaHhmm,
  minStaff: z.number('validation.invalidType').int().min(0, 'rota.minStaff.range').max(50, 'rota.minStaff.range'),
  weekdays: z.array(rotaWeekday).min(1, 'rota.weekdays.required').max(7),
  active: z.boolean().default(true),
});

export const ROTA_TEMPLATE_KINDS = ['repeat', 'rotate'] as const;
export const rotaTemplateKind = z.enum(ROTA_TEMPLATE_KINDS, 'validation.invalidType');

export const rotaTemplateCell = z.object({
  weekday: rotaWeekday,
  shiftId: id,
  /** Indexes into the members list. */
  positions: z.array(z.number().int().min(0).max(99)).max(50),
});

export const rotaTemplate = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  name: z.string(),
  kind: rotaTemplateKind,
  anchorWeek: z.string(),
  members: z.array(z.object({ staffId: z.string(), name: z.string() })),
  cells: z.array(rotaTemplateCell),
  active: z.boolean(),
});
export type RotaTemplate = z.infer<typeof rotaTemplate>;

export const rotaTemplateInput = z.object({
  id: id.optional(),
  stationId: id,
  name: text(30),
  kind: rotaTemplateKind,
  anchorWeek: rotaDay,
  members: z.array(id).max(60),
  cells: z.array(rotaTemplateCell).max(7 * 20),
  active: z.boolean().default(true),
});

export const ROTA_WEEK_STATUSES = ['draft', 'published'] as const;
export const rotaWeekStatus = z.enum(ROTA_WEEK_STATUSES);

export const ROTA_ASSIGNMENT_SOURCES = ['template', 'manual', 'swap'] as const;

export const rotaAssignee = z.object({
  assignmentId: z.string(),
  staffId: z.string(),
  name: z.string(),
  source: z.enum(ROTA_ASSIGNMENT_SOURCES),
  /** The other shift the same person has at an overlapping time that day (any station). */
  conflict: z.object({ stationName: z.string(), shiftName: z.string(), start: z.string(), end: z.string() }).nullable(),
  swapPending: z.boolean(),
});

export const rotaWeekCell = z.object({
  day: z.string(),
  shiftId: z.string(),
  /** False when the station is closed that day (holiday, its own closed date, a weekday it does not open) or the shift does not run. */
  open: z.boolean(),
  minStaff: z.number(),
  assignees: z.array(rotaAssignee),
  /** People missing to reach the minimum (0 when staffed or closed). */
  gap: z.number(),
});

export const rotaWeekStation = z.object({
  stationId: z.string(),
  stationName: z.string(),
  shifts: z.array(z.object({ id: z.string(), name: z.string(), start: z.string(), end: z.string(), minStaff: z.number() })),
  /** Why the station is closed, per day of the week (null = open). */
  closed: z.array(z.enum(['closedDate', 'holiday', 'weekday']).nullable()),
  cells: z.array(rotaWeekCell),
});

export const rotaWeekPlan = z.object({
  week: z.string(),
  days: z.array(z.object({ date: z.string(), weekday: z.number(), calendar: z.enum(['holiday', 'workday']).nullable() })),
  status: rotaWeekStatus,
  publishedAt: z.number().nullable(),
  publishedBy: z.string().nullable(),
  stations: z.array(rotaWeekStation),
  gaps: z.number(),
  conflicts: z.number(),
  pendingSwaps: z.number(),
  /** Changes made after publication (newest first). */
  laterEdits: z.array(z.object({ at: z.number(), userName: z.string(), text: z.string() })),
});
export type RotaWeekPlan = z.infer<typeof rotaWeekPlan>;

export const ROTA_SWAP_STATUSES = ['asked', 'accepted', 'approved', 'declined', 'rejected', 'withdrawn'] as const;
export const rotaSwapStatus = z.enum(ROTA_SWAP_STATUSES);

const rotaAssignmentBrief = z.object({
  id: z.string(),
  day: z.string(),
  stationName: z.string(),
  shiftName: z.string(),
  start: z.string(),
  end: z.string(),
});

export const rotaSwap = z.object({
  id: z.string(),
  assignment: rotaAssignmentBrief,
  fromStaffId: z.string(),
  fromName: z.string(),
  toStaffId: z.string(),
  toName: z.string(),
  returnAssignment: rotaAssignmentBrief.nullable(),
  reason: z.string().nullable(),
  status: rotaSwapStatus,
  askedAt: z.number(),
  decisionNote: z.string().nullable(),
  steps: z.array(z.object({ at: z.number(), action: z.string(), status: rotaSwapStatus, userName: z.string(), note: z.string().nullable() })),
});
export type RotaSwap = z.infer<typeof rotaSwap>;

const rotaSwapById = z.object({ id });

export const rotaContract = {
  'rota.shifts.list': call({
    summary: '班次',
    access: STAFF,
    input: z.object({ stationId: id.optional() }),
    output: z.object({ shifts: z.array(rotaShift) }),
  }),
  'rota.shifts.save': call({ summary: '新建或修改班次', access: ADMIN, input: rotaShiftInput, output: rotaShift }),
  'rota.templates.list': call({
    summary: '排班模板',
    access: ADMIN,
    input: z.object({ stationId: id.optional() }),
    output: z.object({ templates: z.array(rotaTemplate) }),
  }),
  'rota.templates.save': call({ summary: '新建或修改排班模板', access: ADMIN, input: rotaTemplateInput, output: rotaTemplate }),
  'rota.week': call({
    summary: '一周值班表：各驿站每天每班的人员、缺人、冲突',
    access: STAFF,
    input: z.object({ week: rotaDay, stationId: id.optional() }),
    output: rotaWeekPlan,
  }),
  'rota.fillFromTemplate': call({
    summary: '按模板排一周的班（保留手工调整）',
    access: ADMIN,
    input: z.object({ week: rotaDay, templateId: id }),
    output: z.object({ added: z.number(), removed: z.number(), skipped: z.array(z.object({ day: z.string(), shiftName: z.string(), name: z.string(), reason: z.string() })) }),
  }),
  'rota.assign': call({
    summary: '把一人排进某天某班',
    access: ADMIN,
    input: z.object({ day: rotaDay, shiftId: id, staffId: id }),
    output: ok,
  }),
  'rota.unassign': call({ summary: '把一人从某天某班移出', access: ADMIN, input: z.object({ assignmentId: id }), output: ok }),
  'rota.publish': call({ summary: '发布一周值班表', access: ADMIN, input: z.object({ week: rotaDay }), output: ok }),
  'rota.upcoming': call({
    summary: '某人接下来的班（换班时选）',
    access: STAFF,
    input: z.object({ staffId: id }),
    output: z.object({ assignments: z.array(rotaAssignmentBrief) }),
  }),
  'rota.swaps.list': call({
    summary: '换班申请与历史',
    access: STAFF,
    input: z.object({ open: z.boolean().default(false) }),
    output: z.object({ swaps: z.array(rotaSwap) }),
  }),
  'rota.swaps.ask': call({
    summary: '申请换班（本人 PIN）',
    access: STAFF,
    input: z.object({ assignmentId: id, toStaffId: id, returnAssignmentId: id.nullable().default(null), reason: text(200), pin: rotaPin }),
    output: rotaSwap,
  }),
  'rota.swaps.accept': call({ summary: '同意替班（对方 PIN）', access: STAFF, input: rotaSwapById.extend({ pin: rotaPin }), output: rotaSwap }),
  'rota.swaps.decline': call({
    summary: '不同意替班（对方 PIN）',
    access: STAFF,
    input: rotaSwapById.extend({ pin: rotaPin, note: optionalText(200) }),
    output: rotaSwap,
  }),
  'rota.swaps.withdraw': call({ summary: '撤回换班申请（本人 PIN）', access: STAFF, input: rotaSwapById.extend({ pin: rotaPin }), output: rotaSwap }),
  'rota.swaps.approve': call({ summary: '批准换班', access: ADMIN, input: rotaSwapById.extend({ note: optionalText(200) }), output: rotaSwap }),
  'rota.swaps.reject': call({ summary: '驳回换班', access: ADMIN, input: rotaSwapById.extend({ note: text(200) }), output: rotaSwap }),
} satisfies Record<string, CallDef>;
