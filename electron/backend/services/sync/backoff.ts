/**
 * How long to wait before the next attempt after `failures` failures in a row: doubling from `baseMs`
 * up to `ceilingMs`, times a random factor in [0.5, 1] so many centres coming back at once after a
 * county outage do not all call at the same moment.
 */
export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  ceilingMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, factor: 2, ceilingMs: 10 * 60_000 };

export function backoffDelay(failures: number, rand: () => number = Math.random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failures));
  // Capped before exponentiating far, so a long outage never overflows to Infinity.
  const raw = policy.baseMs * Math.pow(policy.factor, Math.min(n - 1, 60));
  const capped = Math.min(policy.ceilingMs, raw);
  const jitter = 0.5 + 0.5 * Math.min(1, Math.max(0, rand()));
  return Math.round(capped * jitter);
}
