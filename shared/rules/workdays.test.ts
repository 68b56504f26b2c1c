import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, calendarOf, isoWeekday, isWorkingDay, type CalendarKind } from './workdays';

/** Autumn holidays as the State Council announced them for 2025 and 2026 (中秋 and 国庆). */
const NATIONAL_DAY: { date: string; kind: CalendarKind }[] = [
  { date: '2025-09-28', kind: 'workday' }, // Sunday
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'holiday' as const })),
  { date: '2025-10-11', kind: 'workday' }, // Saturday
  { date: '2026-09-20', kind: 'workday' }, // Sunday
  ...['25', '26', '27'].map((d) => ({ date: `2026-09-${d}`, kind: 'holiday' as const })), // 中秋
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
  { date: '2026-10-10', kind: 'workday' }, // Saturday
];
const cal = calendarOf(NATIONAL_DAY);
const none = calendarOf([]);

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('numbers weekdays 1 = Monday … 7 = Sunday', () => {
    expect(isoWeekday('2025-09-29')).toBe(1);
    expect(isoWeekday('2025-10-11')).toBe(6);
    expect(isoWeekday('2025-09-28')).toBe(7);
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => isoWeekday('2025-1-1')).toThrow(RangeError);
    expect(() => addWorkingDays('soon', 1, none)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('follows the week where the calendar says nothing', () => {
    expect(isWorkingDay('2025-11-14', none)).toBe(true); // Friday
    expect(isWorkingDay('2025-11-15', none)).toBe(false); // Saturday
    expect(isWorkingDay('2025-11-16', none)).toBe(false); // Sunday
  });

  it('2025 National Day: eight days off, Sunday 28 September and Saturday 11 October worked', () => {
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(`2025-10-0${d}`, cal)).toBe(false);
    expect(isWorkingDay('2025-10-09', cal)).toBe(true);
    expect(isWorkingDay('2025-10-11', cal)).toBe(true);
    expect(isWorkingDay('2025-10-12', cal)).toBe(false);
  });

  it('2026 National Day: seven days off, Sunday 20 September and Saturday 10 October worked', () => {
    expect(isWorkingDay('2026-09-20', cal)).toBe(true);
    expect(isWorkingDay('2026-10-07', cal)).toBe(false);
    expect(isWorkingDay('2026-10-08', cal)).toBe(true);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-10-11', cal)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends in an ordinary week', () => {
    expect(addWorkingDays('2025-11-14', 1, none)).toBe('2025-11-17'); // Friday → Monday
    expect(addWorkingDays('2025-11-12', 5, none)).toBe('2025-11-19');
    expect(addWorkingDays('2025-11-15', 1, none)).toBe('2025-11-17'); // from a Saturday
  });

  it('n = 0 is the day itself when working, else the next working day', () => {
    expect(addWorkingDays('2025-11-14', 0, none)).toBe('2025-11-14');
    expect(addWorkingDays('2025-11-15', 0, none)).toBe('2025-11-17');
    expect(addWorkingDays('2025-10-03', 0, cal)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-11', 0, cal)).toBe('2025-10-11');
  });

  it('counts the make-up Sunday before the 2025 holiday and the Saturday after it', () => {
    expect(addWorkingDays('2025-09-26', 1, cal)).toBe('2025-09-28'); // Friday → the make-up Sunday
    expect(addWorkingDays('2025-09-28', 2, cal)).toBe('2025-09-30');
    expect(addWorkingDays('2025-09-30', 1, cal)).toBe('2025-10-09'); // over the eight days off
    expect(addWorkingDays('2025-09-30', 3, cal)).toBe('2025-10-11'); // Thu, Fri, the make-up Saturday
    expect(addWorkingDays('2025-09-30', 4, cal)).toBe('2025-10-13');
  });

  it('handles the 2026 Mid-Autumn weekend and National Day week', () => {
    expect(addWorkingDays('2026-09-18', 1, cal)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-24', 1, cal)).toBe('2026-09-28'); // over the Mid-Autumn Friday
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10');
    // 28, 29, 30 Sep; 8, 9, 10 (Sat), 12, 13, 14, 15 Oct.
    expect(addWorkingDays('2026-09-24', 10, cal)).toBe('2026-10-15');
  });

  it('refuses a negative or fractional count, and a calendar without working days', () => {
    expect(() => addWorkingDays('2025-11-14', -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-11-14', 1.5, none)).toThrow(RangeError);
    const allOff = { kindOf: () => 'holiday' as const };
    expect(() => addWorkingDays('2025-11-14', 1, allOff)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-11-14', 0, allOff)).toThrow(RangeError);
  });
});
