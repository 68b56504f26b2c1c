import type { z } from 'zod';
import type { daySummary } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';
import { stmt } from './statements';

export type DaySummary = z.infer<typeof daySummary>;

/** The last day each database was checked for a new day: after the first call of a day this costs nothing. */
const lastDayChecked = new WeakMap<Db, string>();

/** Midnight in Shanghai at the start of a day (YYYY-MM-DD), as epoch ms. */
export const dayStartMs = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/**
 * Lazy end of day: the first queue call of a new day closes what earlier days left open. Numbering
 * needs nothing: sequences are per day.
 */
export function ensureDayClosed(db: Db, at: number): void {
  const today = shanghaiDate(at);
  if (lastDayChecked.get(db) === today) return;
  closeDaysBefore(db, today, at);
  // Inside a caller's transaction the close could still be rolled back: check again next call.
  if (!db.inTransaction) lastDayChecked.set(db, today);
}

/** Marks a day's waiting and called tickets as unserved; returns how many. */
function closeLeftovers(db: Db, day: string, at: number, userId: string | null): number {
  const left = stmt(db, "UPDATE tickets SET status = 'unserved' WHERE day = ? AND status IN ('waiting', 'called') RETURNING id, counter").all(day) as {
    id: string;
    counter: number | null;
  }[];
  const event = stmt(db, "INSERT INTO ticket_events (ticket_id, day, at, kind, counter, user_id) VALUES (?, ?, ?, 'unserved', ?, ?)");
  for (const t of left) event.run(t.id, day, at, t.counter, userId);
  return left.length;
}

function writeSummary(db: Db, day: string, at: number, userId: string | null): DaySummary {
  const c = stmt(
    db,
    `SELECT count(*) issued, coalesce(sum(status = 'done'), 0) served, coalesce(sum(status = 'noshow'), 0) noShows,
       coalesce(sum(status = 'unserved'), 0) unserved FROM tickets WHERE day = ?`,
  ).get(day) as { issued: number; served: number; noShows: number; unserved: number };
  stmt(
    db,
    `INSERT INTO queue_days (day, issued, served, no_shows, unserved, closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(day) DO UPDATE SET issued = excluded.issued, served = excluded.served, no_shows = excluded.no_shows,
       unserved = excluded.unserved, closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
  ).run(day, c.issued, c.served, c.noShows, c.unserved, at, userId);
  return { day, ...c, closedAt: at };
}

/** Counters no longer point at a ticket that is not being served. */
function releaseCounters(db: Db): void {
  stmt(
    db,
    `UPDATE counters SET current_ticket_id = NULL WHERE current_ticket_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = counters.current_ticket_id AND t.status = 'called')`,
  ).run();
}

function closeCountersUntouchedSince(db: Db, since: number, at: number): void {
  stmt(
    db,
    `UPDATE counters SET status = 'closed', user_id = NULL, staff_name = NULL, priority_streak = 0, updated_at = ?
     WHERE status != 'closed' AND updated_at < ?`,
  ).run(at, since);
}

/**
 * Closes every day before `today` that is not closed yet: its waiting and called tickets become
 * unserved (no-shows stay no-shows) and its summary is written. Walks back from yesterday and stops
 * at the first day that already had a summary (earlier days were closed before it was written).
 * Counters still open from an earlier day are closed: a new day starts with closed counters.
 * Returns the summaries written, oldest first.
 */
export function closeDaysBefore(db: Db, today: string, at: number, userId: string | null = null): DaySummary[] {
  return db.transaction(() => {
    const written: DaySummary[] = [];
    const previousDay = stmt(db, 'SELECT max(day) day FROM tickets WHERE day < ?');
    const hasSummary = stmt(db, 'SELECT 1 FROM queue_days WHERE day = ?');
    let day = (previousDay.get(today) as { day: string | null }).day;
    while (day !== null) {
      const closedBefore = hasSummary.get(day) !== undefined;
      const left = closeLeftovers(db, day, at, userId);
      if (!closedBefore || left > 0) written.push(writeSummary(db, day, at, userId));
      if (closedBefore) break;
      day = (previousDay.get(day) as { day: string | null }).day;
    }
    releaseCounters(db);
    closeCountersUntouchedSince(db, dayStartMs(today), at);
    return written.reverse();
  })();
}

/**
 * The manual end of day at closing time: earlier days as above, then today's waiting and called
 * tickets become unserved, today's summary is written and every counter is closed. Call inside a
 * transaction with the audit entry.
 */
export function endDay(db: Db, at: number, userId: string | null): DaySummary[] {
  const today = shanghaiDate(at);
  const written = closeDaysBefore(db, today, at, userId);
  closeLeftovers(db, today, at, userId);
  written.push(writeSummary(db, today, at, userId));
  releaseCounters(db);
  closeCountersUntouchedSince(db, Number.MAX_SAFE_INTEGER, at);
  return written;
}

export function listDaySummaries(db: Db, limit: number): DaySummary[] {
  return stmt(
    db,
    'SELECT day, issued, served, no_shows noShows, unserved, closed_at closedAt FROM queue_days ORDER BY day DESC LIMIT ?',
  ).all(limit) as DaySummary[];
}
