import { z } from 'zod';
import { call } from './define';
import { ADMIN, OFFICE, STAFF } from './roles';
import { id } from './common';

/*
 * The walk-in queue (SPEC §3.1–3.3, §3.7): tickets per service per day, counters that call "next"
 * under the fair-ordering rules, the kiosk and the hall display (both public: no login, no names).
 */

/** Three classes, called in this order subject to the interleave and aging rules. */
export const TICKET_CLASSES = ['appointment', 'priority', 'ordinary'] as const;
export const ticketClass = z.enum(TICKET_CLASSES);
export const PRIORITY_REASONS = ['elderly', 'disabled', 'pregnant', 'veteran'] as const;
export const priorityReason = z.enum(PRIORITY_REASONS, 'validation.invalidType');
/**
 * waiting → called → done (served) | noshow (过号; can return to waiting) ; a transfer puts it back
 * to waiting at another service or counter; end of day closes what is left as unserved.
 */
export const TICKET_STATUSES = ['waiting', 'called', 'done', 'noshow', 'unserved'] as const;
export const ticketStatus = z.enum(TICKET_STATUSES);
export const TICKET_SOURCES = ['kiosk', 'desk', 'appointment'] as const;

export const counterNumber = z.number('validation.invalidType').int('validation.integer').min(1, 'validation.tooSmall').max(99, 'validation.tooBig');

export const queueRules = z.object({
  /** Counters in the hall, numbered 1..counterCount. */
  counterCount: z.number('validation.invalidType').int('validation.integer').min(1, 'validation.tooSmall').max(20, 'validation.tooBig'),
  /** After this many appointment/priority calls in a row at a counter, one ordinary ticket is called. */
  priorityRun: z.number('validation.invalidType').int('validation.integer').min(1, 'validation.tooSmall').max(10, 'validation.tooBig'),
  /** An ordinary ticket waiting longer than this is called next, whatever its class. */
  agingMinutes: z.number('validation.invalidType').int('validation.integer').min(5, 'validation.tooSmall').max(240, 'validation.tooBig'),
  /** Age from which a resident is elderly for priority (SPEC: 70). */
  elderlyAge: z.number('validation.invalidType').int('validation.integer').min(60, 'validation.tooSmall').max(90, 'validation.tooBig'),
  /** Printer for ticket slips in Electron (silent printing); empty = the print dialog. */
  slipPrinter: z.string().max(200, 'validation.tooLong'),
});
export type QueueRules = z.infer<typeof queueRules>;

/** A ticket as staff see it: number, service, class, waits — never a name. */
export const ticket = z.object({
  id: z.string(),
  day: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  ticketClass,
  priorityReason: priorityReason.nullable(),
  status: ticketStatus,
  counter: z.number().nullable(),
  /** A transfer to a given counter: only that counter calls it. */
  targetCounter: z.number().nullable(),
  issuedAt: z.number(),
  queuedAt: z.number(),
  calledAt: z.number().nullable(),
  callCount: z.number(),
  finishedAt: z.number().nullable(),
  requestId: z.string().nullable(),
  hasResident: z.boolean(),
  /** Staff only (the kiosk never links one): lets the request form start with the resident the desk chose. */
  residentId: z.string().nullable().optional(),
});
export type Ticket = z.infer<typeof ticket>;

/** What the slip and the kiosk show after issuing. */
export const issuedTicket = z.object({
  ticket,
  centreName: z.string(),
  /** People ahead in the same service at the moment of issue. */
  ahead: z.number(),
});
export type IssuedTicket = z.infer<typeof issuedTicket>;

export const COUNTER_STATUSES = ['closed', 'open', 'paused'] as const;
export const counter = z.object({
  number: z.number(),
  status: z.enum(COUNTER_STATUSES),
  /** Display name of the worker who opened it. */
  staffName: z.string().nullable(),
  userId: z.string().nullable(),
  current: ticket.nullable(),
  /** Services this counter serves (from the catalogue: a service with no counters is served by all). */
  serviceIds: z.array(z.string()),
});
export type Counter = z.infer<typeof counter>;

/** The waiting list a counter sees: numbers and waiting times only, in the order they will be called. */
export const waitingEntry = z.object({
  id: z.string(),
  number: z.string(),
  serviceName: z.string(),
  ticketClass,
  priorityReason: priorityReason.nullable(),
  queuedAt: z.number(),
  targetCounter: z.number().nullable(),
  /** Returned after a no-show. */
  returned: z.boolean(),
});

/** Public: the hall display. No names, no ids beyond ticket numbers. */
export const displayState = z.object({
  centreName: z.string(),
  day: z.string(),
  counters: z.array(
    z.object({ number: z.number(), status: z.enum(COUNTER_STATUSES), ticketNumber: z.string().nullable(), serviceName: z.string().nullable() }),
  ),
  recentCalls: z.array(z.object({ ticketNumber: z.string(), counter: z.number(), at: z.number() })),
  waiting: z.array(z.object({ serviceName: z.string(), prefix: z.string(), count: z.number() })),
});
export type DisplayState = z.infer<typeof displayState>;

/** Public: the kiosk's buttons. */
export const kioskState = z.object({
  centreName: z.string(),
  services: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string(), waiting: z.number() })),
  /** The rules' slip printer: the desktop kiosk (no session, so no queue.rules) prints to it silently. */
  slipPrinter: z.string().default(''),
});

export const daySummary = z.object({
  day: z.string(),
  issued: z.number(),
  served: z.number(),
  noShows: z.number(),
  unserved: z.number(),
  closedAt: z.number(),
});

/**
 * The hall's calls: public, no names. A hall listener on the LAN answers only these, and a locked or
 * idle staff session in the same tab neither blocks them nor is kept awake by them.
 */
export const HALL_METHODS: ReadonlySet<string> = new Set(['display.state', 'kiosk.state', 'kiosk.issue']);

export const queueContract = {
  'kiosk.state': call({ summary: '取号机：可取号的服务', access: 'public', input: z.object({}), output: kioskState }),
  'kiosk.issue': call({
    summary: '取号机取号（无需登录）',
    access: 'public',
    input: z.object({ serviceId: id, priorityReason: priorityReason.nullable().default(null) }),
    output: issuedTicket,
  }),
  'display.state': call({ summary: '叫号屏（无需登录，不含姓名）', access: 'public', input: z.object({}), output: displayState }),

  'queue.rules': call({ summary: '叫号规则', access: STAFF, input: z.object({}), output: queueRules }),
  'queue.saveRules': call({ summary: '修改叫号规则', access: ADMIN, input: queueRules, output: queueRules }),
  'queue.issue': call({
    summary: '前台取号（可关联居民，≥70 岁自动优先）',
    access: OFFICE,
    input: z.object({ serviceId: id, priorityReason: priorityReason.nullable().default(null), residentId: id.nullable().default(null) }),
    output: issuedTicket,
  }),
  'queue.counters': call({ summary: '各窗口状态', access: STAFF, input: z.object({}), output: z.array(counter) }),
  'queue.openCounter': call({ summary: '开窗', access: OFFICE, input: z.object({ counter: counterNumber }), output: counter }),
  'queue.pauseCounter': call({ summary: '暂停窗口', access: OFFICE, input: z.object({ counter: counterNumber }), output: counter }),
  'queue.closeCounter': call({ summary: '关窗', access: OFFICE, input: z.object({ counter: counterNumber }), output: counter }),
  'queue.waiting': call({
    summary: '窗口的等候列表（只有号码与等候时间）',
    access: STAFF,
    input: z.object({ counter: counterNumber }),
    output: z.array(waitingEntry),
  }),
  'queue.callNext': call({
    summary: '叫下一位（当前号视为办完）',
    access: OFFICE,
    /**
     * `after` is the ticket the counter's screen shows now (null if none). If the counter has moved
     * on since (a double click), nothing happens and the counter's state is returned.
     */
    input: z.object({ counter: counterNumber, after: id.nullable() }),
    output: counter,
  }),
  'queue.recall': call({ summary: '重呼', access: OFFICE, input: z.object({ counter: counterNumber, ticketId: id }), output: counter }),
  'queue.finish': call({ summary: '办完当前号', access: OFFICE, input: z.object({ counter: counterNumber, ticketId: id }), output: counter }),
  'queue.noShow': call({ summary: '过号', access: OFFICE, input: z.object({ counter: counterNumber, ticketId: id }), output: counter }),
  'queue.returnTicket': call({ summary: '过号的号重新排队', access: OFFICE, input: z.object({ ticketId: id }), output: ticket }),
  'queue.transfer': call({
    summary: '转窗：转到另一服务或窗口',
    access: OFFICE,
    input: z
      .object({ counter: counterNumber, ticketId: id, serviceId: id.nullable().default(null), targetCounter: counterNumber.nullable().default(null) })
      .refine((v) => v.serviceId !== null || v.targetCounter !== null, { message: 'queue.transfer.target', path: ['serviceId'] }),
    output: counter,
  }),
  'queue.noShows': call({ summary: '今天过号的号', access: STAFF, input: z.object({}), output: z.array(ticket) }),
  'queue.today': call({
    summary: '今天的号（按状态计数）',
    access: STAFF,
    input: z.object({}),
    output: z.object({ day: z.string(), waiting: z.number(), called: z.number(), done: z.number(), noshow: z.number(), issued: z.number() }),
  }),
  'queue.endDay': call({
    summary: '日终：未办的号记为未服务，保存当日汇总',
    access: OFFICE,
    input: z.object({}),
    output: z.array(daySummary),
  }),
  'queue.daySummaries': call({
    summary: '每日叫号汇总',
    access: STAFF,
    input: z.object({ limit: z.number().int().min(1).max(400).default(30) }),
    output: z.array(daySummary),
  }),
};
