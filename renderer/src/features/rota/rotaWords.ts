import type { Output } from '../../../../shared/contract';
import { isoWeekday } from '../../../../shared/rules/workdays';
import { t } from '../../i18n';

export type WeekPlan = Output<'rota.week'>;
export type StationPlan = WeekPlan['stations'][number];
export type Cell = StationPlan['cells'][number];

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'];

/** 周六 10/10 */
export function dayHeading(date: string): { weekday: string; date: string } {
  return { weekday: `周${WEEKDAYS[isoWeekday(date)]}`, date: `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}` };
}

export const weekdayName = (n: number): string => `周${WEEKDAYS[n]}`;

/** 2026年10月5日 – 10月11日 */
export function weekRange(monday: string, sunday: string): string {
  const [y, m, d] = monday.split('-').map(Number);
  const [, m2, d2] = sunday.split('-').map(Number);
  return `${y}年${m}月${d}日 – ${m2}月${d2}日`;
}

export function closedLabel(reason: 'closedDate' | 'holiday' | 'weekday'): string {
  return t(`rota.closed.${reason}`);
}

export const swapStatusLabel = (s: string): string => t(`rota.swap.status.${s}`);
