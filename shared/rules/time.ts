/** China has one time zone and no daylight saving: Asia/Shanghai is always UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an epoch-millisecond instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 2026年11月22日, as dates are written in the app. */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
