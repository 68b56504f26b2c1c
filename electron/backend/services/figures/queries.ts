import { CHANNELS, HANDLING_MODES } from '../../../../shared/contract';
import type { Db } from '../../db/open';

/*
 * The period's raw records, read in as few passes as possible. better-sqlite3 spends most of a
 * large read building one JS array per row, and GROUP BY over a day range has to sort; so the fast
 * passes pack each record into ONE integer (dimension rowids, status codes, series bucket, a
 * duration) and pluck a flat array of those, which the caller adds up. Rowids of the small tables
 * (services, users, grid_nodes) stand in for their text ids.
 */

/** How the series groups days: each day, or each calendar month. */
export type BucketKind = 'day' | 'month';

/** SQL for the 0-based index of a day's series bucket; its one parameter is the period's first day. */
export function bucketSql(kind: BucketKind, column: string): string {
  return kind === 'day'
    ? `CAST(julianday(${column}) - julianday(?) AS INTEGER)`
    : `(CAST(substr(${column}, 1, 4) AS INTEGER) * 12 + CAST(substr(${column}, 6, 2) AS INTEGER)) - (CAST(substr(?, 1, 4) AS INTEGER) * 12 + CAST(substr(?, 6, 2) AS INTEGER))`;
}
const bucketArgs = (kind: BucketKind, from: string) => (kind === 'day' ? [from] : [from, from]);

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
  buckets: number;
}

/** A dimension's packed number: the row's rowid, 0 for null, radix − 1 for an id that has no row. */
const dim = (column: string, alias: string, radix: number) =>
  `(CASE WHEN ${column} IS NULL THEN 0 ELSE coalesce(${alias}.rowid, ${radix - 1}) END)`;

const TICKETS = `FROM tickets t LEFT JOIN services s ON s.id = t.service_id LEFT JOIN users u ON u.id = t.served_by WHERE t.day BETWEEN ? AND ?`;

/** Every ticket: ((service·U + staff)·4 + outcome)·B + bucket, as a float (it stays under 2^53). */
export function packedTickets(db: Db, from: string, to: string, kind: BucketKind, r: Radix): number[] {
  return db
    .prepare(
      `SELECT ((${dim('t.service_id', 's', r.services)} * ${r.users} + ${dim('t.served_by', 'u', r.users)}) * 4 + ${OUTCOME_SQL}) * ${r.buckets} + ${bucketSql(kind, `t.day`)} ${TICKETS}`,
    )
    .pluck()
    .all(...bucketArgs(kind, from), from, to) as number[];
}

/** A duration's offset in the packing: any difference of two epoch-ms instants before 2109 fits. */
export const DURATION_OFFSET = 2n ** 42n;

/**
 * The waits (first call − issue) or handling times (finish − last call, served tickets) of the
 * period: (ms + 2^42)·K + (service·U + staff) as 64-bit integers, K = services·users. A value
 * outside ±2^42 ms comes back as -1 so that the caller can fall back to the plain path.
 */
export function packedDurations(db: Db, from: string, to: string, which: 'wait' | 'handle', r: Radix): bigint[] {
  const ms = which === 'wait' ? 't.first_called_at - t.issued_at' : 't.finished_at - t.called_at';
  const only = which === 'wait' ? 't.first_called_at IS NOT NULL' : `t.status = 'done' AND t.finished_at IS NOT NULL AND t.called_at IS NOT NULL`;
  const k = r.services * r.users;
  return db
    .prepare(
      `SELECT CASE WHEN abs(${ms}) < ${DURATION_OFFSET} THEN (${ms} + ${DURATION_OFFSET}) * ${k} + ${dim('t.service_id', 's', r.services)} * ${r.users} + ${dim('t.served_by', 'u', r.users)} ELSE -1 END
       ${TICKETS} AND ${only}`,
    )
    .pluck()
    .safeIntegers()
    .all(from, to) as bigint[];
}

/** Every request received in the period, not voided: ((((service·G + grid)·U + staff)·25 + channel·5 + mode)·B + bucket)·64 + flags. */
export function packedRequests(db: Db, from: string, to: string, kind: BucketKind, today: string, r: Radix): number[] {
  return db
    .prepare(
      `SELECT ((((${dim('r.service_id', 's', r.services)} * ${r.grids} + ${dim('r.grid_id', 'g', r.grids)}) * ${r.users} + ${dim('r.received_by', 'u', r.users)}) * 25 + ${CHANNEL_SQL} * 5 + ${MODE_SQL}) * ${r.buckets}
                + ${bucketSql(kind, `r.received_day`)}) * 64 + ${FLAGS_SQL}
       FROM requests r LEFT JOIN services s ON s.id = r.service_id LEFT JOIN users u ON u.id = r.received_by LEFT JOIN grid_nodes g ON g.id = r.grid_id
       WHERE r.received_day BETWEEN ? AND ? AND r.status <> 'void'`,
    )
    .pluck()
    .all(...bucketArgs(kind, from), today, from, to) as number[];
}

/*
 * The plain path: one JS row per record, no packing. Used when the packing would not fit (it never
 * does in a real centre: that takes about a million service × account combinations) and by the tests
 * to check that both paths agree.
 */

/** [service_id, served_by, outcome, bucket, wait ms | null, handling ms | null] */
export type TicketRow = [string, string | null, number, number, number | null, number | null];

export function plainTickets(db: Db, from: string, to: string, kind: BucketKind): TicketRow[] {
  return db
    .prepare(
      `SELECT t.service_id, t.served_by, ${OUTCOME_SQL}, ${bucketSql(kind, `t.day`)}, t.first_called_at - t.issued_at,
              CASE WHEN t.status = 'done' THEN t.finished_at - t.called_at END
       FROM tickets t WHERE t.day BETWEEN ? AND ?`,
    )
    .raw()
    .all(...bucketArgs(kind, from), from, to) as TicketRow[];
}

/** [service_id, grid_id, received_by, channel index, mode index, bucket, flags] */
export type RequestRow = [string, string | null, string, number, number, number, number];

export function plainRequests(db: Db, from: string, to: string, kind: BucketKind, today: string): RequestRow[] {
  return db
    .prepare(
      `SELECT r.service_id, r.grid_id, r.received_by, ${CHANNEL_SQL}, ${MODE_SQL}, ${bucketSql(kind, `r.received_day`)}, ${FLAGS_SQL}
       FROM requests r WHERE r.received_day BETWEEN ? AND ? AND r.status <> 'void'`,
    )
    .raw()
    .all(...bucketArgs(kind, from), today, from, to) as RequestRow[];
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
