import { addDays, isoWeekday } from '../../../../shared/rules/workdays';
import { formatChineseDate } from '../../../../shared/rules/time';
import { hhmmOf } from '../../../../shared/rules/stationDay';

const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const SHORT_WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 星期四 */
export function weekdayName(day: string): string {
  return WEEKDAYS[isoWeekday(day) - 1]!;
}

/** 周四 */
export function shortWeekday(day: string): string {
  return SHORT_WEEKDAYS[isoWeekday(day) - 1]!;
}

/** 10:20 */
export const timeOf = hhmmOf;

/** 10:20–10:40 */
export function slotRange(startMinute: number, endMinute: number): string {
  return `${hhmmOf(startMinute)}–${hhmmOf(endMinute)}`;
}

/** 2026年12月10日 星期四 */
export function chineseDay(day: string): string {
  return `${formatChineseDate(day)} ${weekdayName(day)}`;
}

/** 2026年12月10日 星期四 10:20, as the slip and the confirmations say it. */
export function chineseWhen(day: string, startMinute: number): string {
  return `${chineseDay(day)} ${hhmmOf(startMinute)}`;
}

/** Minutes since midnight in Shanghai (UTC+8 all year) of an instant. */
export function minuteOfDay(ms: number): number {
  return Math.floor((ms + 8 * 3600_000) / 60_000) % 1440;
}

/** 12月10日 */
export function monthDay(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${m}月${d}日`;
}

/** The Monday of the week a date falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** 2026年11月30日–12月6日: a week as people say it (not by its number). */
export function weekRange(day: string): string {
  const monday = mondayOf(day);
  const sunday = addDays(monday, 6);
  return `${formatChineseDate(monday)}–${sunday.slice(0, 4) === monday.slice(0, 4) ? monthDay(sunday) : formatChineseDate(sunday)}`;
}

/** 139 1234 5678: a mobile number in the groups it is read out in. */
export function phoneForReading(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}

/** The seven dates of the week starting at `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}
