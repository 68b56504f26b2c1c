import { z } from 'zod';
import { call } from './define';
import { OFFICE, STAFF } from './roles';
import { exportedFile, id, isoDate, optionalText, page, text } from './common';
import { handlingMode } from './catalogue';
import { counterNumber } from './queue';

/*
 * The request (诉求, SPEC §3.4–3.5): 收集 → 分流 → 办理 → 反馈. Nothing is deleted; mistakes are voided.
 */

export const CHANNELS = ['window', 'phone', 'grid', 'station', 'county'] as const;
export const channel = z.enum(CHANNELS, 'validation.invalidType');

/**
 * received → assigned → in_progress → resolved → (feedback) closed; unsatisfied feedback reopens
 * (back to in_progress); any open or finished request can be voided with a reason.
 */
export const REQUEST_STATUSES = ['received', 'assigned', 'in_progress', 'resolved', 'closed', 'void'] as const;
export const requestStatus = z.enum(REQUEST_STATUSES);
export const OPEN_STATUSES = ['received', 'assigned', 'in_progress'] as const;

export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export const satisfaction = z.enum(SATISFACTIONS, 'request.feedback.satisfaction');

export const STEP_ACTIONS = ['received', 'assigned', 'started', 'resolved', 'feedback', 'reopened', 'closed', 'voided', 'rerouted', 'county_update'] as const;

/**
 * What each handling mode needs (checked in the backend, field named in the error):
 * immediate 马上办 — nothing; onsite 现场办 — a place; homevisit 上门办 — the visit address;
 * assigned 专人办 — a staff member; escalated 转办/联办 — the department.
 */
export const routing = z.object({
  mode: handlingMode,
  assigneeStaffId: id.nullable().default(null),
  visitAddress: optionalText(120).nullable().default(null),
  department: optionalText(60).nullable().default(null),
});

export const requestCreate = routing.extend({
  residentId: id.nullable().default(null),
  ticketId: id.nullable().default(null),
  serviceId: id,
  channel,
  description: text(1000),
  /** The county's reference when it dispatched the request. */
  originRef: optionalText(60).nullable().default(null),
  stationId: id.nullable().default(null),
  /** Overrides the due date from the service's time limit; must be a working day, not before today. */
  dueDate: isoDate.nullable().default(null),
  /** 马上办: solved on the spot — recorded as received and resolved in one step, with this result. */
  resolvedNow: optionalText(1000).nullable().default(null),
});

export const requestStep = z.object({
  at: z.number(),
  action: z.enum(STEP_ACTIONS),
  status: requestStatus,
  userName: z.string(),
  note: z.string().nullable(),
});

export const requestSummary = z.object({
  id: z.string(),
  number: z.string(),
  receivedAt: z.number(),
  residentName: z.string().nullable(),
  serviceName: z.string(),
  channel,
  mode: handlingMode,
  status: requestStatus,
  dueDate: z.string(),
  overdue: z.boolean(),
  assigneeName: z.string().nullable(),
  department: z.string().nullable(),
  description: z.string(),
  satisfaction: satisfaction.nullable(),
});
export type RequestSummary = z.infer<typeof requestSummary>;

export const requestDetail = requestSummary.extend({
  residentId: z.string().nullable(),
  residentPhoneMasked: z.string().nullable(),
  residentAddress: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  serviceId: z.string(),
  assigneeStaffId: z.string().nullable(),
  visitAddress: z.string().nullable(),
  originRef: z.string().nullable(),
  stationId: z.string().nullable(),
  counter: z.number().nullable(),
  receivedByName: z.string(),
  resolvedAt: z.number().nullable(),
  resolution: z.string().nullable(),
  feedbackNote: z.string().nullable(),
  reopenCount: z.number(),
  voidReason: z.string().nullable(),
  /** The home visit the appointments issue attaches to a 上门办 request. */
  homeVisitId: z.string().nullable(),
  steps: z.array(requestStep),
});
export type RequestDetail = z.infer<typeof requestDetail>;

export const requestFilter = z.object({
  q: optionalText(40),
  status: z.enum([...REQUEST_STATUSES, 'open', 'overdue']).optional(),
  mode: handlingMode.optional(),
  channel: channel.optional(),
  serviceId: id.optional(),
  residentId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const TODO_LISTS = ['mine', 'counter', 'overdue', 'dueToday'] as const;

export const requestsContract = {
  'requests.create': call({ summary: '登记诉求', access: OFFICE, input: requestCreate.extend({ counter: counterNumber.nullable().default(null) }), output: requestDetail }),
  'requests.get': call({ summary: '诉求详情与办理记录', access: STAFF, input: z.object({ id }), output: requestDetail }),
  'requests.list': call({
    summary: '诉求列表',
    access: STAFF,
    input: requestFilter.extend(page),
    output: z.object({ rows: z.array(requestSummary), total: z.number() }),
  }),
  'requests.export': call({ summary: '导出诉求列表', access: OFFICE, input: requestFilter, output: exportedFile }),
  'requests.todo': call({
    summary: '待办：我的、本窗口、逾期、今天到期',
    access: STAFF,
    input: z.object({ list: z.enum(TODO_LISTS), counter: counterNumber.nullable().default(null) }),
    output: z.array(requestSummary),
  }),
  'requests.todoCounts': call({
    summary: '待办数',
    access: STAFF,
    input: z.object({ counter: counterNumber.nullable().default(null) }),
    output: z.object({ mine: z.number(), counter: z.number(), overdue: z.number(), dueToday: z.number() }),
  }),
  'requests.reroute': call({ summary: '改派（改办理方式、承办人、部门）', access: OFFICE, input: routing.extend({ id, note: optionalText(500) }), output: requestDetail }),
  'requests.start': call({ summary: '开始办理', access: STAFF, input: z.object({ id, note: optionalText(500) }), output: requestDetail }),
  'requests.resolve': call({ summary: '办结', access: STAFF, input: z.object({ id, resolution: text(1000) }), output: requestDetail }),
  'requests.feedback': call({
    summary: '回访（不满意则重新办理）',
    access: OFFICE,
    input: z.object({ id, satisfaction, note: optionalText(500) }),
    output: requestDetail,
  }),
  'requests.void': call({ summary: '作废（须写原因）', access: OFFICE, input: z.object({ id, reason: text(200) }), output: requestDetail }),
};
