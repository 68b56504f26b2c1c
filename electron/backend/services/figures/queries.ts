import { CHANNELS, HANDLING_MODES } from '../../../../shared/contract';
import type { Db } from '../../db/open';

/*
 * The period's raw records, read in as few passes as possible. better-sqlite3 spends most of a
 * large read building one JS array per row, and GROUP BY over a day range has to sort; so the fast
 * passes pack each record into ONE integer (dimension rowids, status codes, a duration) and pluck a flat array of those, which the caller adds up. Rowids of the small tables
 * (services, users, grid_nodes) stand in for their text ids.
 */

/** How the series groups days: each day, or each calendar month. */
export type BucketKind = 'day' | 'month';

export const OUTCOME_OTHER = 0;
export const OUTCOME_DONE = 1;
export const OUTCOME_NOSHOW = 2;
export const OUTCOME_UNSERVED = 3;
const OUTCOME_SQL = `CASE t.status WHEN 'done' THEN ${OUTCOME_DONE} WHEN 'noshow' THEN ${OUTCOME_NOSHOW} WHEN 'unserved' THEN ${OUTCOME_UNSERVED} ELSE ${OUTCOME_OTHER} END`;

/** Request flags, one bit each (satisfaction takes two). */
export const F_RESOLVED = 1;
export const F_ON_TIME = 2;
export const F_SAT_SHIFT = 2; // 0 none, 1 satisfied, 2 basic, 3 unsatisfied
export const F_OPEN = 16;
export const F_OVERDUE = 32;
const FLAGS_SQL = `(r.status IN ('resolved', 'closed'))
  + ${F_ON_TIME} * (r.status IN ('resolved', 'closed') AND r.resolved_day IS NOT NULL AND r.resolved_day <= r.due_date)
  + ${1 << F_SAT_SHIFT} * (CASE r.satisfaction WHEN 'satisfied' THEN 1 WHEN 'basic' THEN 2 WHEN 'unsatisfied' THEN 3 ELSE 0 END)
  + ${F_OPEN} * (r.status IN ('received', 'assigned', 'in_progress'))
  + ${F_OVERDUE} * (r.status IN ('received', 'assigned', 'in_progress') AND r.due_date < ?)`;

/** The value's index in the list (the CHECK constraints keep the columns inside their lists). */
const indexSql = (column: string, values: readonly string[]) => `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`;
const CHANNEL_SQL = indexSql('r.channel', CHANNELS);
const MODE_SQL = indexSql('r.mode', HANDLING_MODES);

export interface Radix {
  /**
   * max rowid + 2: 0 stands for none (a ticket nobody finished, a request without grid) and
   * radix − 1 for an id with no row (a broken reference), which sends the caller to the plain path.
   */
  services: number;
  users: number;
  grids: number;
}

/** A dimension's packed number: the row's rowid, 0 for null, radix − 1 for an id that has no row. */
const dim = (column: string, alias: string, radix: number) =>
  `(CASE WHEN ${column} IS NULL THEN 0 ELSE coalesce(${alias}.rowid, ${radix - 1}) END)`;

const TICKETS = `FROM tickets t LEFT JOIN services s ON s.id = t.service_id LEFT JOIN users u ON u.id = t.served_by WHERE t.day BETWEEN ? AND ?`;

/** A duration's offset in the packing: any difference of two epoch-ms instants before 2109 fits. */
export const DURATION_OFFSET = 2n ** 42n;
const WAIT = 't.first_called_at - t.issued_at';
const HANDLE = 't.finished_at - t.called_at';

/**
 * Every ticket as a 64-bit integer: (wait·4 + outcome)·K + service·U + staff, K = services·users,
 * where wait is 0 for a ticket never called, else ms + 2^42 + 1. A wait beyond ±2^42 ms makes the
 * whole value -1 (the caller falls back to the plain path). Needs K < 2^18.
 */
export function packedTickets(db: Db, from: string, to: string, r: Radix): bigint[] {
  const wait = `CASE WHEN t.first_called_at IS NULL THEN 0 WHEN abs(${WAIT}) < ${DURATION_OFFSET} THEN ${WAIT} + ${DURATION_OFFSET + 1n} END`;
  return db
    .prepare(
      `SELECT coalesce(((${wait}) * 4 + ${OUTCOME_SQL}) * ${r.services * r.users} + ${dim('t.service_id', 's', r.services)} * ${r.users} + ${dim('t.served_by', 'u', r.users)}, -1)
       ${TICKETS}`,
    )
    .pluck()
    .safeIntegers()
    .all(from, to) as bigint[];
}

/** The handling times of served tickets: (ms + 2^42)·K + service·U + staff; -1 as above. Needs K < 2^20. */
export function packedHandling(db: Db, from: string, to: string, r: Radix): bigint[] {
  return db
    .prepare(
      `SELECT CASE WHEN abs(${HANDLE}) < ${DURATION_OFFSET}
                   THEN (${HANDLE} + ${DURATION_OFFSET}) * ${r.services * r.users} + ${dim('t.service_id', 's', r.services)} * ${r.users} + ${dim('t.served_by', 'u', r.users)}
                   ELSE -1 END
       ${TICKETS} AND t.status = 'done' AND t.finished_at IS NOT NULL AND t.called_at IS NOT NULL`,
    )
    .pluck()
    .safeIntegers()
    .all(from, to) as bigint[];
}

/** Every request received in the period, not voided: (((service·G + grid)·U + staff)·25 + channel·5 + mode)·64 + flags. */
export function packedRequests(db: Db, from: string, to: string, today: string, r: Radix): number[] {
  return db
    .prepare(
      `SELECT (((${dim('r.service_id', 's', r.services)} * ${r.grids} + ${dim('r.grid_id', 'g', r.grids)}) * ${r.users} + ${dim('r.received_by', 'u', r.users)}) * 25
                + ${CHANNEL_SQL} * 5 + ${MODE_SQL}) * 64 + ${FLAGS_SQL}
       FROM requests r LEFT JOIN services s ON s.id = r.service_id LEFT JOIN users u ON u.id = r.received_by LEFT JOIN grid_nodes g ON g.id = r.grid_id
       WHERE r.received_day BETWEEN ? AND ? AND r.status <> 'void'`,
    )
    .pluck()
    .all(today, from, to) as number[];
}

/** Tickets issued per day: read from the tickets_day index alone, in its order (no sort). */
export function ticketsPerDay(db: Db, from: string, to: string): [string, number][] {
  return db.prepare(`SELECT day, count(*) FROM tickets WHERE day BETWEEN ? AND ? GROUP BY day`).raw().all(from, to) as [string, number][];
}

/** Requests received per day, and of those how many are resolved now: from the (received_day, status) index alone. */
export function requestsPerDay(db: Db, from: string, to: string): [string, number, number][] {
  return db
    .prepare(
      `SELECT received_day, count(*), count(*) FILTER (WHERE status IN ('resolved', 'closed'))
       FROM requests WHERE received_day BETWEEN ? AND ? AND status <> 'void' GROUP BY received_day`,
    )
    .raw()
    .all(from, to) as [string, number, number][];
}

/*
 * The plain path: one JS row per record, no packing. Used when the packing would not fit (it never
 * does in a real centre: that takes about a million service × account combinations) and by the tests
 * to check that both paths agree.
 */

/** [service_id, served_by, outcome, wait ms | null, handling ms | null] */
export type TicketRow = [string, string | null, number, number | null, number | null];

export function plainTickets(db: Db, from: string, to: string): TicketRow[] {
  return db
    .prepare(
      `SELECT t.service_id, t.served_by, ${OUTCOME_SQL}, ${WAIT},
              CASE WHEN t.status = 'done' THEN t.finished_at - t.called_at END
       FROM tickets t WHERE t.day BETWEEN ? AND ?`,
    )
    .raw()
    .all(from, to) as TicketRow[];
}

/** [service_id, grid_id, received_by, channel index, mode index, flags] */
export type RequestRow = [string, string | null, string, number, number, number];

export function plainRequests(db: Db, from: string, to: string, today: string): RequestRow[] {
  return db
    .prepare(
      `SELECT r.service_id, r.grid_id, r.received_by, ${CHANNEL_SQL}, ${MODE_SQL}, ${FLAGS_SQL}
       FROM requests r WHERE r.received_day BETWEEN ? AND ? AND r.status <> 'void'`,
    )
    .raw()
    .all(today, from, to) as RequestRow[];
}

export interface NamedRow {
  rowid: number;
  id: string;
  name: string;
}
export interface Names {
  services: NamedRow[];
  users: NamedRow[];
  gridNodes: (NamedRow & { parentId: string | null; sort: number })[];
  serviceById: Map<string, NamedRow & { prefix: string }>;
  userById: Map<string, NamedRow>;
  gridById: Map<string, NamedRow & { parentId: string | null; sort: number }>;
}

/** The small tables, read whole (removed grid nodes and inactive services too): labels and rowids. */
export function names(db: Db): Names {
  const services = db.prepare('SELECT rowid, id, name, prefix FROM services').all() as (NamedRow & { prefix: string })[];
  const users = db.prepare('SELECT rowid, id, display_name name FROM users').all() as NamedRow[];
  const gridNodes = db.prepare('SELECT rowid, id, parent_id parentId, name, sort FROM grid_nodes').all() as (NamedRow & {
    parentId: string | null;
    sort: number;
  })[];
  return {
    services,
    users,
    gridNodes,
    serviceById: new Map(services.map((s) => [s.id, s])),
    userById: new Map(users.map((u) => [u.id, u])),
    gridById: new Map(gridNodes.map((g) => [g.id, g])),
  };
}
