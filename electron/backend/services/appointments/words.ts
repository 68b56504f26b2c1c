import { hhmmOf } from '../../../../shared/rules/stationDay';

/** 12月3日, as messages name a date. */
export function monthDay(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${m}月${d}日`;
}

export const timeOf = hhmmOf;
