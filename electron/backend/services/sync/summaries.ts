import { shanghaiDate } from '../../../../shared/rules/time';
import { addDays } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { attendance } from '../duty/attendance';
import { computeFigures } from '../figures/figures';
import { enqueueOutbox } from '../outbox/outbox';

const MAX_DAYS_BACK = 400;
/** Days summarised in one call: a long catch-up is spread over cycles instead of stalling the desk. */
const DAYS_PER_CALL = 31;

const DAY_MS = 86_400_000;
/** Shanghai midnight of a date, as epoch ms (UTC+8, no daylight saving). */
const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`) - 8 * 3_600_000;

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

function dailyFigures(db: Db, day: string, now: number) {
  const f = computeFigures(db, day, day, now);
  const from = shanghaiMidnight(day);
  const p = db
    .prepare(`SELECT count(*) n, coalesce(sum(discount_fen), 0) discount FROM purchases WHERE at >= ? AND at < ? AND voided_at IS NULL`)
    .get(from, from + DAY_MS) as { n: number; discount: number };
  const appointments = db.prepare(`SELECT count(*) n FROM appointments WHERE day = ? AND status = 'completed'`).pluck().get(day) as number;
  return {
    date: day,
    ticketsIssued: f.tickets.issued,
    ticketsServed: f.tickets.served,
    avgWaitMinutes: f.tickets.avgWaitMin,
    requestsReceived: f.requests.received,
    requestsResolved: f.requests.resolved,
    appointmentsCompleted: appointments,
    purchases: p.n,
    discountFen: p.discount,
  };
}

/** The first day to summarise; set to today the first time (the engine runs only when sync is on). */
function startDay(db: Db, today: string): string {
  const row = db.prepare(`SELECT summaries_from FROM sync_state WHERE id = 1`).get() as { summaries_from: string | null };
  if (row.summaries_from === null) {
    db.prepare(`UPDATE sync_state SET summaries_from = ? WHERE id = 1 AND summaries_from IS NULL`).run(today);
    return today;
  }
  const last = db.prepare(`SELECT max(period) FROM sync_summaries WHERE kind = 'figures.daily'`).pluck().get() as string | null;
  const floor = addDays(today, -MAX_DAYS_BACK);
  const from = last !== null && last >= row.summaries_from ? addDays(last, 1) : row.summaries_from;
  return from < floor ? floor : from;
}

const claim = (db: Db, kind: string, period: string, now: number): boolean =>
  db.prepare(`INSERT INTO sync_summaries (kind, period, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`).run(kind, period, now).changes === 1;

/**
 * The county's summaries (SPEC §7): the figures of each ended Shanghai day, and each ended month's
 * attendance per staff member, from the day sync was first on. Each day or month goes into the
 * outbox in one transaction with its sync_summaries row, so it is never queued twice, even after a
 * kill. Returns how many outbox entries were written.
 */
export function enqueueDueSummaries(db: Db, now: number): number {
  const today = shanghaiDate(now);
  const first = db.transaction(() => startDay(db, today))();
  let written = 0;
  let days = 0;
  for (let day = first; day < today && days < DAYS_PER_CALL; day = addDays(day, 1), days++) {
    written += db.transaction(() => {
      if (!claim(db, 'figures.daily', day, now)) return 0;
      enqueueOutbox(db, now, { stream: 'figures', kind: 'figures.daily', recordId: day, payload: dailyFigures(db, day, now) });
      return 1;
    })();
  }

  const from = db.prepare(`SELECT summaries_from FROM sync_state WHERE id = 1`).pluck().get() as string;
  const thisMonth = today.slice(0, 7);
  const floorMonth = addDays(today, -MAX_DAYS_BACK).slice(0, 7);
  for (let month = from.slice(0, 7) < floorMonth ? floorMonth : from.slice(0, 7); month < thisMonth; month = nextMonth(month)) {
    written += db.transaction(() => {
      if (!claim(db, 'attendance.monthly', month, now)) return 0;
      const rows = attendance(db, month, now);
      for (const r of rows) {
        enqueueOutbox(db, now, {
          stream: 'attendance',
          kind: 'attendance.monthly',
          recordId: `${month}:${r.staffId}`,
          payload: {
            month,
            staffId: r.staffId,
            staffName: r.name.slice(0, 50),
            plannedShifts: r.scheduledShifts,
            attendedMinutes: r.attendedMinutes,
            lateCount: r.lateCount,
            earlyCount: r.earlyCount,
            absentCount: r.absences,
          },
        });
      }
      return rows.length;
    })();
  }
  return written;
}
