import { formatChineseDate, shanghaiDate } from '../../../../shared/rules/time';

/** Date pickers show 2026年11月22日 and also accept 2026-11-22 or 20261122 typed in. */
export const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYYMMDD'];

/** Times are stored as UTC epoch ms and shown in Asia/Shanghai (UTC+8 all year, no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function shanghaiParts(ms: number) {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    hh: String(d.getUTCHours()).padStart(2, '0'),
    mm: String(d.getUTCMinutes()).padStart(2, '0'),
    ss: String(d.getUTCSeconds()).padStart(2, '0'),
  };
}

/** 2026年11月22日 08:05:09 */
export function formatDateTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}年${p.m}月${p.d}日 ${p.hh}:${p.mm}:${p.ss}`;
}

/** 2026年11月22日 08:05 */
export function formatDateTimeShort(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}年${p.m}月${p.d}日 ${p.hh}:${p.mm}`;
}

/** 08:05 */
export function formatClock(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.hh}:${p.mm}`;
}

/** Whether an instant falls on today's date in Shanghai. */
export function isTodayInShanghai(ms: number, now = Date.now()): boolean {
  const a = shanghaiParts(ms);
  const b = shanghaiParts(now);
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/** The weekday (周一…周日) of a calendar date YYYY-MM-DD. */
export function weekdayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return WEEKDAY_NAMES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** 2026年11月22日 */
export const formatDate = formatChineseDate;

/** 11月22日 */
export function formatMonthDay(isoDate: string): string {
  const [, m, d] = isoDate.split('-').map(Number);
  return `${m}月${d}日`;
}

/** Today's date YYYY-MM-DD in Shanghai. */
export function todayInShanghai(now = Date.now()): string {
  return shanghaiDate(now);
}
