import type { SyncError, SyncStatus } from '../../../../shared/contract/sync';
import { t } from '../../i18n';

/** The plain sentence for a sync error; clock_skew says by how many minutes when it is known. */
export function syncErrorText(code: SyncError, opts: { skewMinutes?: number; detail?: string | null } = {}): string {
  if (code === 'clock_skew') {
    const minutes = opts.skewMinutes ?? minutesFromDetail(opts.detail);
    return minutes === undefined ? t('sync.error.clock_skew_unknown') : t('sync.error.clock_skew', { minutes: Math.abs(minutes) });
  }
  return t(`sync.error.${code}`);
}

/** The engine records the skew as "17 min" in the error's detail. */
function minutesFromDetail(detail: string | null | undefined): number | undefined {
  const m = detail?.match(/(-?\d+)\s*min/);
  return m ? Number(m[1]) : undefined;
}

/** 诉求, 爱心卡 … for a stream name; an unknown stream shows its own name. */
export function streamLabel(stream: string | null): string {
  if (!stream) return '';
  const key = `syncStream.${stream}`;
  const text = t(key);
  return text === key ? stream : text;
}

/** 离线 also says how many wait: the desk sees at a glance that nothing is lost, only not sent yet. */
export function badgeText(s: Pick<SyncStatus, 'badge' | 'pending'>): string {
  if (s.badge === 'pending') return t('syncBadge.pending', { n: s.pending });
  if (s.badge === 'offline' && s.pending > 0) return `${t('syncBadge.offline')} · ${t('syncBadge.pending', { n: s.pending })}`;
  return t(`syncBadge.${s.badge}`);
}

export const BADGE_COLORS: Record<SyncStatus['badge'], string> = {
  off: 'default',
  synced: 'green',
  pending: 'orange',
  offline: 'red',
};

/** 发卡, 诉求状态 … for an outbox entry's kind; an unknown kind shows itself. */
export function kindLabel(kind: string): string {
  const key = `syncKind.${kind}`;
  const text = t(key);
  return text === key ? kind : text;
}
