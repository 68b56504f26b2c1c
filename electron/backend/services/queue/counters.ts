import { fail, type Counter } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { getRules } from './rules';
import { stmt } from './statements';
import { SELECT_TICKET, toTicket, type TicketRow } from './tickets';

export type CounterStatus = Counter['status'];

export interface CounterRow {
  number: number;
  status: CounterStatus;
  user_id: string | null;
  staff_name: string | null;
  current_ticket_id: string | null;
  priority_streak: number;
  updated_at: number;
}

export function findCounterRow(db: Db, n: number): CounterRow | undefined {
  return stmt(db, 'SELECT * FROM counters WHERE number = ?').get(n) as CounterRow | undefined;
}

/**
 * The active services a counter serves: those that list it, and those that list no counter at all
 * (served by every counter).
 */
export function servedServiceIds(db: Db, n: number): string[] {
  const rows = stmt(db, 'SELECT id, counters FROM services WHERE active = 1 ORDER BY prefix, name').all() as { id: string; counters: string }[];
  return rows.filter((r) => {
    const list = JSON.parse(r.counters) as number[];
    return list.length === 0 || list.includes(n);
  }).map((r) => r.id);
}

/** The counters the hall has: 1..counterCount, and any beyond still open after the count was lowered. */
export function counterNumbers(db: Db): number[] {
  const { counterCount } = getRules(db);
  const { top } = stmt(db, "SELECT coalesce(max(number), 0) top FROM counters WHERE status != 'closed'").get() as { top: number };
  return Array.from({ length: Math.max(counterCount, top) }, (_, i) => i + 1);
}

export function counterState(db: Db, n: number): Counter {
  const row = findCounterRow(db, n);
  const current = row?.current_ticket_id
    ? (stmt(db, `${SELECT_TICKET} WHERE t.id = ?`).get(row.current_ticket_id) as TicketRow | undefined)
    : undefined;
  return {
    number: n,
    status: row?.status ?? 'closed',
    staffName: row?.status === 'closed' ? null : (row?.staff_name ?? null),
    userId: row?.status === 'closed' ? null : (row?.user_id ?? null),
    current: current ? toTicket(current) : null,
    serviceIds: servedServiceIds(db, n),
  };
}

export const listCounters = (db: Db): Counter[] => counterNumbers(db).map((n) => counterState(db, n));

/** Another worker's counter: only its worker (or an admin) works it. */
function assertMine(row: CounterRow, user: SessionUser): void {
  if (row.status !== 'closed' && row.user_id !== null && row.user_id !== user.userId && user.role !== 'admin') {
    throw fail.conflict('queue.counter.taken', 'counter', { name: row.staff_name ?? '' });
  }
}

/** A counter that can serve: open (or, with `allowPaused`, paused), and this user's. */
export function workingCounter(db: Db, n: number, user: SessionUser, opts: { allowPaused: boolean }): CounterRow {
  const row = findCounterRow(db, n);
  if (!row || row.status === 'closed') throw fail.conflict('queue.counter.closed', 'counter', { counter: n });
  if (row.status === 'paused' && !opts.allowPaused) throw fail.conflict('queue.counter.paused', 'counter', { counter: n });
  assertMine(row, user);
  return row;
}

/** Opens a counter in this worker's name (or resumes it after a pause). An admin may take over another's counter. */
export function openCounter(db: Db, n: number, user: SessionUser, at: number): void {
  if (n > getRules(db).counterCount) throw fail.validation('queue.counter.unknown', 'counter', { counter: n });
  const row = findCounterRow(db, n);
  if (row) assertMine(row, user);
  stmt(
    db,
    `INSERT INTO counters (number, status, user_id, staff_name, updated_at) VALUES (?, 'open', ?, ?, ?)
     ON CONFLICT(number) DO UPDATE SET status = 'open', user_id = excluded.user_id, staff_name = excluded.staff_name,
       updated_at = excluded.updated_at`,
  ).run(n, user.userId, user.displayName, at);
}

/** Pauses calling (a break); the ticket being served stays and can still be finished. */
export function pauseCounter(db: Db, n: number, user: SessionUser, at: number): void {
  workingCounter(db, n, user, { allowPaused: true });
  stmt(db, "UPDATE counters SET status = 'paused', updated_at = ? WHERE number = ?").run(at, n);
}

/**
 * Closes a counter; refused while it has a called ticket, so that no one is left standing. Tickets
 * that were sent to it go back to any counter of their service, or they would wait for nobody.
 */
export function closeCounter(db: Db, n: number, user: SessionUser, at: number): void {
  const row = findCounterRow(db, n);
  if (!row || row.status === 'closed') return;
  assertMine(row, user);
  if (row.current_ticket_id !== null) {
    const t = stmt(db, 'SELECT number, status FROM tickets WHERE id = ?').get(row.current_ticket_id) as { number: string; status: string } | undefined;
    if (t?.status === 'called') throw fail.conflict('queue.counter.hasCurrent', 'counter', { number: t.number });
  }
  stmt(
    db,
    "UPDATE counters SET status = 'closed', user_id = NULL, staff_name = NULL, current_ticket_id = NULL, priority_streak = 0, updated_at = ? WHERE number = ?",
  ).run(at, n);
  stmt(db, "UPDATE tickets SET target_counter = NULL WHERE day = ? AND status = 'waiting' AND target_counter = ?").run(shanghaiDate(at), n);
}
