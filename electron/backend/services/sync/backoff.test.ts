import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('sync backoff', () => {
  it('doubles from 2 s with the largest jitter factor', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, top))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
  });

  it('halves at the smallest jitter factor, and stays within [0.5, 1] of the step', () => {
    expect(backoffDelay(3, () => 0)).toBe(4_000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(4, Math.random);
      expect(d).toBeGreaterThanOrEqual(8_000);
      expect(d).toBeLessThanOrEqual(16_000);
    }
  });

  it('never waits longer than the ceiling, even after thousands of failures', () => {
    expect(backoffDelay(10, () => 1)).toBe(DEFAULT_BACKOFF.ceilingMs);
    expect(backoffDelay(5000, () => 1)).toBe(DEFAULT_BACKOFF.ceilingMs);
    expect(Number.isFinite(backoffDelay(1e9, () => 1))).toBe(true);
  });

  it('treats zero or negative failures as the first', () => {
    expect(backoffDelay(0, () => 1)).toBe(2_000);
    expect(backoffDelay(-3, () => 1)).toBe(2_000);
  });

  it('clamps a random source outside [0, 1]', () => {
    expect(backoffDelay(1, () => 7)).toBe(2_000);
    expect(backoffDelay(1, () => -7)).toBe(1_000);
  });
});
