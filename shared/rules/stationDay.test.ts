import { describe, expect, it } from 'vitest';
import { stationDay, hhmmOf, minutesOf, type WeekHours } from './stationDay';
import { calendarOf } from './workdays';

const WEEKDAYS: WeekHours = { '1': { open: '08:30', close: '17:30' }, '2': { open: '08:30', close: '17:30' }, '3': { open: '08:30', close: '17:30' }, '4': { open: '08:30', close: '17:30' }, '5': { open: '08:30', close: '17:00' } };
const WITH_SATURDAY: WeekHours = { ...WEEKDAYS, '6': { open: '09:00', close: '12:00' } };
// 2026: 10-01 (Thursday) a holiday; 10-10 (Saturday) and 10-11 (Sunday) 调休 working days
const calendar = calendarOf([
  { date: '2026-10-01', kind: 'holiday' },
  { date: '2026-10-10', kind: 'workday' },
  { date: '2026-10-11', kind: 'workday' },
]);

describe('stationDay', () => {
  it('opens on its weekday hours and is closed on a weekday it has none', () => {
    expect(stationDay(WEEKDAYS, [], calendar, '2026-10-05')).toEqual({ open: true, hours: { open: 510, close: 1050 } });
    expect(stationDay(WEEKDAYS, [], calendar, '2026-10-04')).toEqual({ open: false, reason: 'weekday' });
  });

  it('is closed on a holiday even on a weekday it opens, and on its own closed dates', () => {
    expect(stationDay(WEEKDAYS, [], calendar, '2026-10-01')).toEqual({ open: false, reason: 'holiday' });
    expect(stationDay(WEEKDAYS, ['2026-10-06'], calendar, '2026-10-06')).toEqual({ open: false, reason: 'closedDate' });
  });

  it('opens on a 调休 working day: with its own weekday hours if it has them, else with Monday’s', () => {
    expect(stationDay(WITH_SATURDAY, [], calendar, '2026-10-10')).toEqual({ open: true, hours: { open: 540, close: 720 } });
    expect(stationDay(WITH_SATURDAY, [], calendar, '2026-10-11')).toEqual({ open: true, hours: { open: 510, close: 1050 } });
    expect(stationDay(WEEKDAYS, ['2026-10-11'], calendar, '2026-10-11')).toEqual({ open: false, reason: 'closedDate' });
  });

  it('converts between HH:MM and minutes', () => {
    expect(minutesOf('08:05')).toBe(485);
    expect(hhmmOf(485)).toBe('08:05');
    expect(hhmmOf(0)).toBe('00:00');
  });
});
