import { shanghaiDate } from '../../../../shared/rules/time';

export interface KeptBackup {
  name: string;
  at: number;
}

export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;

/**
 * Which automatic backups stay: the newest of each of the last 14 days that have one, and the newest
 * of each of the last 12 months (Asia/Shanghai dates). Days without a backup (the centre was closed)
 * do not use up a place. The rest can go.
 */
export function retention<T extends KeptBackup>(files: T[]): { keep: (T & { kind: 'daily' | 'monthly' })[]; drop: T[] } {
  const newestFirst = [...files].sort((a, b) => b.at - a.at);
  const days = new Map<string, T>();
  const months = new Map<string, T>();
  for (const f of newestFirst) {
    const day = shanghaiDate(f.at);
    if (!days.has(day) && days.size < KEEP_DAILY) days.set(day, f);
    const month = day.slice(0, 7);
    if (!months.has(month) && months.size < KEEP_MONTHLY) months.set(month, f);
  }
  const daily = new Set(days.values());
  const monthly = new Set(months.values());
  return {
    keep: newestFirst.filter((f) => daily.has(f) || monthly.has(f)).map((f) => ({ ...f, kind: daily.has(f) ? ('daily' as const) : ('monthly' as const) })),
    drop: newestFirst.filter((f) => !daily.has(f) && !monthly.has(f)),
  };
}
