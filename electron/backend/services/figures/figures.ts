import { CHANNELS, HANDLING_MODES, type Figures } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import { addDays } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { RequestTally, TicketTally } from './aggregate';
import { CHANNEL_LABELS, compareGrids, gridLabel, MODE_LABELS, NO_GRID_KEY, serviceLabel, staffLabel } from './labels';
import {
  DURATION_OFFSET,
  names as readNames,
  packedHandling,
  packedRequests,
  packedTickets,
  plainRequests,
  plainTickets,
  requestsPerDay,
  ticketsPerDay,
  type BucketKind,
  type Names,
  type NamedRow,
} from './queries';

/** A period up to this many days long is charted per day, a longer one per month. */
export const MAX_DAILY_SERIES_DAYS = 62;

const DAY_MS = 86_400_000;

export function bucketKind(from: string, to: string): BucketKind {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS + 1 <= MAX_DAILY_SERIES_DAYS ? 'day' : 'month';
}

/** Every day (or month) of the period, so the chart has no gaps where nothing happened. */
export function seriesBuckets(from: string, to: string, kind: BucketKind): string[] {
  const out: string[] = [];
  if (kind === 'day') {
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
    return out;
  }
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

class Row {
  readonly requests = new RequestTally();
  constructor(readonly tickets: TicketTally | null) {}
}

/** Everything being added up for one period. */
class Tallies {
  readonly tickets = new TicketTally();
  readonly requests = new RequestTally();
  readonly issued: number[];
  readonly received: number[];
  readonly resolved: number[];
  readonly byService = new Map<string, Row>();
  readonly byStaff = new Map<string, Row>();
  readonly byGrid = new Map<string, Row>();
  readonly byChannel = CHANNELS.map(() => new Row(null));
  readonly byMode = HANDLING_MODES.map(() => new Row(null));
  constructor(buckets: number) {
    this.issued = new Array<number>(buckets).fill(0);
    this.received = new Array<number>(buckets).fill(0);
    this.resolved = new Array<number>(buckets).fill(0);
  }
}

function rowOf(map: Map<string, Row>, key: string, withTickets: boolean): Row {
  let r = map.get(key);
  if (!r) map.set(key, (r = new Row(withTickets ? new TicketTally() : null)));
  return r;
}

/** One JS row per record: simple, and the reference the packed path must agree with. */
function tallyPlain(db: Db, from: string, to: string, today: string, t: Tallies): void {
  for (const [service, servedBy, outcome, wait, handle] of plainTickets(db, from, to)) {
    const rows = [t.tickets, rowOf(t.byService, service, true).tickets!];
    if (servedBy !== null) rows.push(rowOf(t.byStaff, servedBy, true).tickets!);
    for (const tally of rows) {
      tally.add(outcome);
      if (wait !== null) tally.waits.push(wait);
      if (handle !== null) tally.handles.push(handle);
    }
  }
  for (const [service, grid, staff, channel, mode, flags] of plainRequests(db, from, to, today)) {
    addRequest(t, flags, [rowOf(t.byService, service, true), rowOf(t.byStaff, staff, true), rowOf(t.byGrid, grid ?? NO_GRID_KEY, false), t.byChannel[channel]!, t.byMode[mode]!]);
  }
}

function addRequest(t: Tallies, flags: number, rows: Row[]) {
  t.requests.add(flags);
  for (const r of rows) r.requests.add(flags);
}

const WAIT_BASE = Number(DURATION_OFFSET) + 1;
const radixOf = (rows: NamedRow[]) => rows.reduce((m, r) => Math.max(m, r.rowid), 0) + 2;

/** Rows by rowid while adding up; keyed by id at the end. */
class RowsByRowid {
  readonly rows: (Row | undefined)[] = [];
  constructor(private readonly withTickets: boolean) {}
  get(rowid: number): Row {
    return (this.rows[rowid] ??= new Row(this.withTickets ? new TicketTally() : null));
  }
  into(map: Map<string, Row>, idByRowid: Map<number, string>, noneKey?: string) {
    this.rows.forEach((row, rowid) => row && map.set(rowid === 0 && noneKey ? noneKey : idByRowid.get(rowid)!, row));
  }
}

/**
 * The fast path (see queries.ts). False when a record cannot be packed (a reference to a row that
 * does not exist, a duration beyond ±2^42 ms, or absurdly many services × accounts): the caller
 * then starts again on the plain path.
 */
function tallyPacked(db: Db, from: string, to: string, today: string, names: Names, t: Tallies): boolean {
  const S = radixOf(names.services);
  const U = radixOf(names.users);
  const G = radixOf(names.gridNodes);
  if (S * U >= 2 ** 18 || S * G * U * 25 * 64 >= 2 ** 53) return false;
  const radix = { services: S, users: U, grids: G };
  const services = new RowsByRowid(true);
  const staff = new RowsByRowid(true);
  const grids = new RowsByRowid(false);
  const K = BigInt(S * U);
  const keyOf = (key: number) => {
    const u = key % U;
    const s = (key - u) / U;
    return s === 0 || s === S - 1 || u === U - 1 ? null : [services.get(s).tickets!, ...(u === 0 ? [] : [staff.get(u).tickets!])];
  };

  for (const v of packedTickets(db, from, to, radix)) {
    if (v < 0n) return false;
    const tallies = keyOf(Number(v % K));
    if (!tallies) return false;
    const rest = Number(v / K);
    const outcome = rest % 4;
    const wait = (rest - outcome) / 4;
    tallies.push(t.tickets);
    for (const tally of tallies) {
      tally.add(outcome);
      // Exact: rest < 2^45, so the float holds it; wait − 2^42 − 1 is the duration.
      if (wait !== 0) tally.waits.push(wait - WAIT_BASE);
    }
  }
  for (const v of packedHandling(db, from, to, radix)) {
    if (v < 0n) return false;
    const tallies = keyOf(Number(v % K));
    if (!tallies) return false;
    const ms = Number(v / K - DURATION_OFFSET);
    tallies.push(t.tickets);
    for (const tally of tallies) tally.handles.push(ms);
  }
  for (const v of packedRequests(db, from, to, today, radix)) {
    const flags = v % 64;
    let rest = (v - flags) / 64;
    const channelMode = rest % 25;
    rest = (rest - channelMode) / 25;
    const u = rest % U;
    rest = (rest - u) / U;
    const g = rest % G;
    const s = (rest - g) / G;
    if (s === 0 || s === S - 1 || u === 0 || u === U - 1 || g === G - 1) return false;
    const mode = channelMode % 5;
    addRequest(t, flags, [services.get(s), staff.get(u), grids.get(g), t.byChannel[(channelMode - mode) / 5]!, t.byMode[mode]!]);
  }
  const ids = (rows: NamedRow[]) => new Map(rows.map((r) => [r.rowid, r.id]));
  services.into(t.byService, ids(names.services));
  staff.into(t.byStaff, ids(names.users));
  grids.into(t.byGrid, ids(names.gridNodes), NO_GRID_KEY);
  return true;
}

function rowsOf(entries: [string, Row][], label: (k: string) => string) {
  return entries.map(([key, r]) => ({ key, label: label(key), tickets: r.tickets ? r.tickets.figures() : null, requests: r.requests.figures() }));
}

/**
 * The figures of a period (SPEC §3.6), defined in shared/contract/figures.ts: two passes over the
 * period's tickets (each with its wait; the handling times) and one over its requests, then adding
 * up in memory; the series comes from the two day indexes alone. `plain` forces the simple
 * one-row-per-record path (the tests compare the two).
 */
export function computeFigures(db: Db, from: string, to: string, now: number, opts: { plain?: boolean } = {}): Figures {
  const kind = bucketKind(from, to);
  const buckets = seriesBuckets(from, to, kind);
  const today = shanghaiDate(now);
  const names = readNames(db);
  let t = new Tallies(buckets.length);
  if (opts.plain || !tallyPacked(db, from, to, today, names, t)) {
    t = new Tallies(buckets.length);
    tallyPlain(db, from, to, today, t);
  }
  const bucketOf = new Map(buckets.map((b, i) => [b, i]));
  const bucketOfDay = (day: string) => bucketOf.get(kind === 'day' ? day : day.slice(0, 7))!;
  for (const [day, n] of ticketsPerDay(db, from, to)) t.issued[bucketOfDay(day)]! += n;
  for (const [day, n, resolved] of requestsPerDay(db, from, to)) {
    t.received[bucketOfDay(day)]! += n;
    t.resolved[bucketOfDay(day)]! += resolved;
  }

  const byServiceOrder = (a: string, b: string) =>
    (names.serviceById.get(a)?.prefix ?? '').localeCompare(names.serviceById.get(b)?.prefix ?? '') ||
    serviceLabel(names, a).localeCompare(serviceLabel(names, b), 'zh-CN') ||
    a.localeCompare(b);
  const byStaffOrder = (a: string, b: string) => staffLabel(names, a).localeCompare(staffLabel(names, b), 'zh-CN') || a.localeCompare(b);
  const sorted = (map: Map<string, Row>, order: (a: string, b: string) => number) => [...map.entries()].sort(([a], [b]) => order(a, b));

  return {
    from,
    to,
    tickets: t.tickets.figures(),
    requests: t.requests.figures(),
    series: buckets.map((period, i) => ({ period, issued: t.issued[i]!, received: t.received[i]!, resolved: t.resolved[i]! })),
    by: {
      service: rowsOf(sorted(t.byService, byServiceOrder), (k) => serviceLabel(names, k)),
      grid: rowsOf(sorted(t.byGrid, (a, b) => compareGrids(names, a, b)), (k) => gridLabel(names, k)),
      channel: rowsOf(
        CHANNELS.map((c, i) => [c, t.byChannel[i]!]),
        (k) => CHANNEL_LABELS[k as (typeof CHANNELS)[number]],
      ),
      staff: rowsOf(sorted(t.byStaff, byStaffOrder), (k) => staffLabel(names, k)),
      mode: rowsOf(
        HANDLING_MODES.map((m, i) => [m, t.byMode[i]!]),
        (k) => MODE_LABELS[k as (typeof HANDLING_MODES)[number]],
      ),
    },
  };
}
