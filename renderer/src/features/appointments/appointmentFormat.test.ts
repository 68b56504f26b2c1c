import { describe, expect, it } from 'vitest';
import { chineseDay, chineseWhen, minuteOfDay, mondayOf, monthDay, phoneForReading, slotRange, weekDays, weekRange, weekdayName } from './appointmentFormat';

describe('appointment wording', () => {
  it('says a date and time as the slip does', () => {
    expect(chineseWhen('2026-12-10', 620)).toBe('2026年12月10日 星期四 10:20');
    expect(weekdayName('2026-12-13')).toBe('星期日');
    expect(monthDay('2026-01-05')).toBe('1月5日');
    expect(slotRange(480, 500)).toBe('08:00–08:20');
    expect(chineseDay('2026-12-10')).toBe('2026年12月10日 星期四');
  });

  it('groups a mobile number as it is read out, and leaves a landline as it is', () => {
    expect(phoneForReading('13912345678')).toBe('139 1234 5678');
    expect(phoneForReading('0571-8888888')).toBe('0571-8888888');
  });

  it('reads the minute of the day in Shanghai, across UTC midnight', () => {
    expect(minuteOfDay(Date.UTC(2026, 11, 4, 2, 20))).toBe(10 * 60 + 20);
    expect(minuteOfDay(Date.UTC(2026, 11, 4, 16, 5))).toBe(5);
  });

  it('finds the week of a day from its Monday, across a month end', () => {
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(weekRange('2026-12-03')).toBe('2026年11月30日–12月6日');
    expect(weekRange('2026-12-30')).toBe('2026年12月28日–2027年1月3日');
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });
});
