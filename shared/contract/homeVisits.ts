import { z } from 'zod';
import { call, type CallDef } from './define';
import { STAFF } from './roles';
import { id, isoDate, optionalText, page, text } from './common';
import { requestStatus } from './requests';
import { isValidDate } from '../rules/idNumber';

/*
 * Home visits (上门办, SPEC §5.3): planned from a 上门办 request or directly, on a staff member's day
 * plan. planned → completed (outcome; its request is resolved in the same transaction) or
 * cancelled (reason; its request waits for a new visit). A reschedule moves the planned visit.
 */

export const HOME_VISIT_STATUSES = ['planned', 'completed', 'cancelled'] as const;
export const homeVisitStatus = z.enum(HOME_VISIT_STATUSES, 'validation.invalidType');

/** A day that exists (2026-02-30 does not). */
const day = isoDate.refine((d) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return isValidDate(y, m, dd);
}, 'validation.badDate');

export const HOME_VISIT_DURATION = { min: 10, max: 480 } as const;

/** Minutes since local midnight (Asia/Shanghai): 9:30 is 570. */
export const startMinute = z
  .number('validation.required')
  .int('validation.integer')
  .min(0, 'homeVisit.startMinute.range')
  .max(1439, 'homeVisit.startMinute.range');

export const durationMinutes = z
  .number('validation.required')
  .int('validation.integer')
  .min(HOME_VISIT_DURATION.min, 'homeVisit.duration.range')
  .max(HOME_VISIT_DURATION.max, 'homeVisit.duration.range');

export const homeVisit = z.object({
  id: z.string(),
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  requestStatus: requestStatus.nullable(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  residentPhoneMasked: z.string().nullable(),
  staffId: z.string(),
  staffName: z.string(),
  day: z.string(),
  startMinute: z.number(),
  durationMinutes: z.number(),
  address: z.string(),
  purpose: z.string(),
  status: homeVisitStatus,
  outcome: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.number(),
  completedAt: z.number().nullable(),
});
export type HomeVisit = z.infer<typeof homeVisit>;

export const homeVisitCreate = z.object({
  /** A 上门办 request: its address and resident are taken from it unless given here. */
  requestId: id.nullable().default(null),
  residentId: id.nullable().default(null),
  address: optionalText(120).nullable().default(null),
  staffId: id,
  day,
  startMinute,
  durationMinutes,
  /** From a request, its description when left empty. */
  purpose: optionalText(200).nullable().default(null),
});

export const staffDayPlan = z.object({
  staffId: z.string(),
  staffName: z.string(),
  visits: z.array(homeVisit),
});

export const homeVisitsContract = {
  'homeVisits.create': call({ summary: '安排上门服务', access: STAFF, input: homeVisitCreate, output: homeVisit }),
  'homeVisits.get': call({ summary: '上门服务详情', access: STAFF, input: z.object({ id }), output: homeVisit }),
  'homeVisits.dayPlan': call({
    summary: '上门服务日程（每位工作人员当天的上门，按时间）',
    access: STAFF,
    input: z.object({ day, staffId: id.nullable().default(null) }),
    output: z.array(staffDayPlan),
  }),
  'homeVisits.list': call({
    summary: '上门服务列表',
    access: STAFF,
    input: z.object({ from: day, to: day, staffId: id.nullable().default(null), status: homeVisitStatus.nullable().default(null), ...page }),
    output: z.object({ rows: z.array(homeVisit), total: z.number() }),
  }),
  'homeVisits.forRequest': call({
    summary: '一件诉求的上门服务（含已取消的）',
    access: STAFF,
    input: z.object({ requestId: id }),
    output: z.array(homeVisit),
  }),
  'homeVisits.complete': call({ summary: '上门完成（诉求随之办结）', access: STAFF, input: z.object({ id, outcome: text(1000) }), output: homeVisit }),
  'homeVisits.cancel': call({ summary: '取消上门（须写原因）', access: STAFF, input: z.object({ id, reason: text(200) }), output: homeVisit }),
  'homeVisits.reschedule': call({
    summary: '上门改期（可换人）',
    access: STAFF,
    input: z.object({ id, day, startMinute, durationMinutes: durationMinutes.optional(), staffId: id.optional() }),
    output: homeVisit,
  }),
} satisfies Record<string, CallDef>;
