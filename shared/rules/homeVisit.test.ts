import { describe, expect, it } from 'vitest';
import { minuteToTime, spanLabel, spansOverlap, timeToMinute } from './homeVisit';

describe('home visit times', () => {
  it('writes and reads clock times', () => {
    expect(minuteToTime(0)).toBe('00:00');
    expect(minuteToTime(570)).toBe('09:30');
    expect(timeToMinute('9:30')).toBe(570);
    expect(timeToMinute('24:00')).toBeNull();
    expect(timeToMinute('9.30')).toBeNull();
    expect(spanLabel({ startMinute: 570, durationMinutes: 45 })).toBe('09:30–10:15');
  });

  it('back to back is no overlap; one minute into the other is', () => {
    const a = { startMinute: 600, durationMinutes: 30 };
    expect(spansOverlap(a, { startMinute: 630, durationMinutes: 30 })).toBe(false);
    expect(spansOverlap(a, { startMinute: 570, durationMinutes: 30 })).toBe(false);
    expect(spansOverlap(a, { startMinute: 629, durationMinutes: 30 })).toBe(true);
    expect(spansOverlap(a, { startMinute: 540, durationMinutes: 61 })).toBe(true);
    expect(spansOverlap(a, { startMinute: 610, durationMinutes: 10 })).toBe(true);
  });
});
