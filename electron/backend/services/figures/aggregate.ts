import type { RequestFigures, TicketFigures } from '../../../../shared/contract';
import { F_ON_TIME, F_OPEN, F_OVERDUE, F_RESOLVED, F_SAT_SHIFT, OUTCOME_DONE, OUTCOME_NOSHOW, OUTCOME_UNSERVED } from './queries';

/** Minutes to one decimal from milliseconds (tenths of a minute are 6 000 ms). */
export function roundMinutes(ms: number): number {
  return Math.round(ms / 6000) / 10;
}

/**
 * The nearest-rank 90th percentile: the values sorted ascending, the one at rank ⌈0.9 × n⌉ (1-based).
 * So 10 values give the 9th, 11 give the 10th, 1 gives itself. Integer arithmetic for the rank:
 * 0.9 × 70 is 63.000…01 in floating point and would round up to the wrong rank.
 */
export function p90(values: Float64Array): number | null {
  if (values.length === 0) return null;
  return select(values.slice(), Math.ceil((9 * values.length) / 10) - 1);
}

/** The k-th smallest (0-based) by quickselect: a year's waits are ~150 000 values, a full sort is not needed. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const x = a[i]!;
        a[i++] = a[j]!;
        a[j--] = x;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** A growable list of durations in ms, cheap to sort (a typed array sorts numerically). */
export class Durations {
  private buf = new Float64Array(64);
  length = 0;
  sum = 0;
  push(ms: number) {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = ms;
    this.sum += ms;
  }
  values(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

export class TicketTally {
  issued = 0;
  served = 0;
  noShows = 0;
  unserved = 0;
  readonly waits = new Durations();
  readonly handles = new Durations();

  add(outcome: number) {
    this.issued++;
    if (outcome === OUTCOME_DONE) this.served++;
    else if (outcome === OUTCOME_NOSHOW) this.noShows++;
    else if (outcome === OUTCOME_UNSERVED) this.unserved++;
  }

  figures(): TicketFigures {
    const avg = (d: Durations) => (d.length === 0 ? null : roundMinutes(d.sum / d.length));
    const pct = (d: Durations) => {
      const v = p90(d.values());
      return v === null ? null : roundMinutes(v);
    };
    return {
      issued: this.issued,
      served: this.served,
      noShows: this.noShows,
      unserved: this.unserved,
      avgWaitMin: avg(this.waits),
      p90WaitMin: pct(this.waits),
      avgHandleMin: avg(this.handles),
      p90HandleMin: pct(this.handles),
    };
  }
}

/** Counts of requests, each added as its flags (see queries.ts). */
export class RequestTally {
  received = 0;
  resolved = 0;
  onTime = 0;
  /** By satisfaction code: none, satisfied, basic, unsatisfied. */
  readonly satisfaction = [0, 0, 0, 0];
  open = 0;
  overdue = 0;

  add(flags: number) {
    this.received++;
    if (flags & F_RESOLVED) this.resolved++;
    if (flags & F_ON_TIME) this.onTime++;
    this.satisfaction[(flags >> F_SAT_SHIFT) & 3]!++;
    if (flags & F_OPEN) this.open++;
    if (flags & F_OVERDUE) this.overdue++;
  }

  figures(): RequestFigures {
    const rate = (n: number, d: number) => (d === 0 ? null : n / d);
    const [, satisfied, basic, unsatisfied] = this.satisfaction as [number, number, number, number];
    const withFeedback = satisfied + basic + unsatisfied;
    return {
      received: this.received,
      resolved: this.resolved,
      resolutionRate: rate(this.resolved, this.received),
      onTime: this.onTime,
      onTimeRate: rate(this.onTime, this.resolved),
      withFeedback,
      satisfied,
      basicallySatisfied: basic,
      unsatisfied,
      satisfactionRate: rate(satisfied + basic, withFeedback),
      open: this.open,
      overdue: this.overdue,
    };
  }
}
