import { describe, expect, it } from 'vitest';
import { groupHolidays, runText } from './calendarGroups';
import { formatDateTime, weekdayOf } from './format';
import { calendarSourceLabel } from './labels';
import { daysFromHours, hoursFromDays, summariseHours } from './stationHours';

describe('opening hours', () => {
  const open = { open: '08:00', close: '21:00' };

  it('summarises consecutive days with the same hours', () => {
    const all = { '1': open, '2': open, '3': open, '4': open, '5': open, '6': open, '7': open };
    expect(summariseHours(all)).toBe('每天 08:00–21:00');
    const weekSat = { '1': open, '2': open, '3': open, '4': open, '5': open, '6': { open: '09:00', close: '17:00' } };
    expect(summariseHours(weekSat)).toBe('周一至周五 08:00–21:00；周六 09:00–17:00；周日 休息');
    expect(summariseHours({ '6': open, '7': open })).toBe('周一至周五 休息；周六、周日 08:00–21:00');
  });

  it('round-trips through the form, closed days left out', () => {
    const hours = { '1': { open: '08:30', close: '12:00' }, '3': open };
    const days = daysFromHours(hours);
    expect(days['2'].open).toBe(false);
    expect(hoursFromDays(days)).toEqual(hours);
  });
});

describe('holiday groups', () => {
  it('puts runs of days off and their 调休 workdays under one holiday', () => {
    const groups = groupHolidays([
      { date: '2026-02-14', kind: 'workday', name: '春节调休' },
      { date: '2026-02-15', kind: 'holiday', name: '春节' },
      { date: '2026-02-16', kind: 'holiday', name: '春节' },
      { date: '2026-02-17', kind: 'holiday', name: '春节' },
      { date: '2026-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(groups.map((g) => g.name)).toEqual(['元旦', '春节']);
    const spring = groups[1]!;
    expect(spring.offCount).toBe(3);
    expect(spring.off).toEqual([{ from: '2026-02-15', to: '2026-02-17' }]);
    expect(spring.workdays).toEqual(['2026-02-14']);
    expect(runText(spring.off[0]!)).toBe('2月15日（周日） 至 2月17日（周二）');
  });
});

describe('formats', () => {
  it('shows times in Asia/Shanghai whatever the machine zone', () => {
    expect(formatDateTime(Date.UTC(2026, 10, 22, 16, 5, 9))).toBe('2026年11月23日 00:05:09');
    expect(weekdayOf('2026-11-22')).toBe('周日');
  });

  it('names the calendar source', () => {
    expect(calendarSourceLabel('chinese-days@1.5.7')).toBe('程序内置的国务院放假安排（数据版本 1.5.7）');
    expect(calendarSourceLabel('import')).toBe('管理员导入的节假日文件');
    expect(calendarSourceLabel('')).toBe('无数据');
  });
});
