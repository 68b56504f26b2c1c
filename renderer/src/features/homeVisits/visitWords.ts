import type { HomeVisit } from '../../../../shared/contract';
import { minuteToTime, spanLabel } from '../../../../shared/rules/homeVisit';
import { formatChineseDate } from '../../../../shared/rules/time';
import { addDays } from '../../../../shared/rules/workdays';
import { t } from '../../i18n';

export const STATUS_COLORS: Record<HomeVisit['status'], string> = { planned: 'blue', completed: 'green', cancelled: 'default' };

export const visitStatusLabel = (s: HomeVisit['status']) => t(`homeVisits.status.${s}`);

/** 2026年12月4日 星期五 */
export function dayWithWeekday(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return `${formatChineseDate(day)} ${t(`homeVisits.weekday.${weekday}`)}`;
}

/** 09:30–10:15 */
export const visitSpan = (v: Pick<HomeVisit, 'startMinute' | 'durationMinutes'>) => spanLabel(v);

/** 06:00, 06:15 … 21:45: the times a visit can start on the form (a visit at another minute stays as it is). */
export function timeOptions(current?: number): { value: number; label: string }[] {
  const minutes = new Set<number>();
  for (let m = 6 * 60; m < 22 * 60; m += 15) minutes.add(m);
  if (current !== undefined) minutes.add(current);
  return [...minutes].sort((a, b) => a - b).map((m) => ({ value: m, label: minuteToTime(m) }));
}

export const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240];

export const durationLabel = (m: number) => (m % 60 === 0 ? t('homeVisits.hours', { n: m / 60 }) : t('homeVisits.minutes', { n: m }));

/** Where a new visit goes by default: today at the next full hour, or tomorrow 09:00 when today is nearly over. */
export function defaultSlot(today: string, nowMinute: number): { day: string; startMinute: number } {
  const next = Math.max(8 * 60, Math.ceil((nowMinute + 1) / 60) * 60);
  return next <= 20 * 60 ? { day: today, startMinute: next } : { day: addDays(today, 1), startMinute: 9 * 60 };
}

/** The local (Shanghai) date and minute of an instant. */
export function shanghaiNow(ms: number): { today: string; minute: number } {
  const local = new Date(ms + 8 * 3600_000);
  return { today: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
