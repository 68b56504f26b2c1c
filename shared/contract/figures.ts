import { z } from 'zod';
import { call } from './define';
import { OFFICE, STAFF } from './roles';
import { exportedFile, isoDate } from './common';

/*
 * Figures (SPEC §3.6) for any period, split by service, grid, channel and staff. Every figure is
 * defined over the raw records so that a hand count gives the same number:
 * - tickets: issued on a day in the period; served = done; noShows = left as 过号; unserved = closed
 *   at end of day; wait = first call − issue (every ticket that was called, whatever became of it);
 *   handling = finish − last call (served tickets only).
 * - requests: received on a day in the period, not voided; resolved = resolved or closed now;
 *   resolution rate = resolved / received; on time = resolved on or before the due date, over
 *   resolved; satisfaction = (satisfied + basic) / those with feedback, latest feedback counts;
 *   open = not resolved; overdue = open with a due date before today. Open and overdue are as of now.
 * Rates are fractions 0..1, null when the denominator is 0; minutes are null with nothing to average.
 * Minutes are rounded to one decimal. p90 is the nearest-rank 90th percentile: the values sorted
 * ascending, the one at rank ⌈0.9 × n⌉ (10 values → the 9th, 11 → the 10th), then rounded.
 * Rows: service = the ticket's final service (after a transfer) and the request's service; staff =
 * who finished the ticket (a ticket nobody finished is in no staff row) and who received the request;
 * grid = the request's grid ('none', 未关联网格, when it has none). Service, grid and staff list only
 * what has tickets or requests in the period; channel and mode always list all five. Tickets are
 * null on grid, channel and mode rows (a ticket has none of them).
 * Series: tickets issued and requests received per day or month; resolved = of those received in
 * that day or month, how many are resolved now (so the series adds up to the totals).
 */

export const ticketFigures = z.object({
  issued: z.number(),
  served: z.number(),
  noShows: z.number(),
  unserved: z.number(),
  avgWaitMin: z.number().nullable(),
  p90WaitMin: z.number().nullable(),
  avgHandleMin: z.number().nullable(),
  p90HandleMin: z.number().nullable(),
});
export type TicketFigures = z.infer<typeof ticketFigures>;

export const requestFigures = z.object({
  received: z.number(),
  resolved: z.number(),
  resolutionRate: z.number().nullable(),
  onTime: z.number(),
  onTimeRate: z.number().nullable(),
  withFeedback: z.number(),
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  unsatisfied: z.number(),
  satisfactionRate: z.number().nullable(),
  open: z.number(),
  overdue: z.number(),
});
export type RequestFigures = z.infer<typeof requestFigures>;

export const FIGURE_DIMENSIONS = ['service', 'grid', 'channel', 'staff', 'mode'] as const;
export const figureDimension = z.enum(FIGURE_DIMENSIONS);

export const figureRow = z.object({
  key: z.string(),
  label: z.string(),
  tickets: ticketFigures.nullable(),
  requests: requestFigures,
});

export const figures = z.object({
  from: z.string(),
  to: z.string(),
  tickets: ticketFigures,
  requests: requestFigures,
  /** One row per day (or per month when the period is longer than 62 days) for the trend chart. */
  series: z.array(z.object({ period: z.string(), issued: z.number(), received: z.number(), resolved: z.number() })),
  by: z.object({
    service: z.array(figureRow),
    grid: z.array(figureRow),
    channel: z.array(figureRow),
    staff: z.array(figureRow),
    mode: z.array(figureRow),
  }),
});
export type Figures = z.infer<typeof figures>;

/** A date that is on the calendar: 2026-02-30 matches the pattern but is no day. */
const calendarDate = isoDate.refine((d) => {
  const t = Date.parse(d);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}, 'validation.badDate');

const period = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((p) => p.from <= p.to, { message: 'figures.period.order', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3700 * 86_400_000, { message: 'figures.period.tooLong', path: ['to'] });

export const figuresContract = {
  'figures.get': call({ summary: '统计：叫号与诉求', access: STAFF, input: period, output: figures }),
  'figures.export': call({ summary: '导出统计（Excel）', access: OFFICE, input: period, output: exportedFile }),
};
