import { describe, expect, it } from 'vitest';
import { oneYearFrom } from './issue';

describe('card validity', () => {
  it('is one year less a day, and a leap day ends on 28 February', () => {
    expect(oneYearFrom('2026-11-23')).toBe('2027-11-22');
    expect(oneYearFrom('2026-01-01')).toBe('2026-12-31');
    expect(oneYearFrom('2028-02-29')).toBe('2029-02-28');
    expect(oneYearFrom('2027-03-01')).toBe('2028-02-29');
  });
});
