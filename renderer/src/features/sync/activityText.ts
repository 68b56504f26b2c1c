import { SYNC_ERRORS, type SyncError } from '../../../../shared/contract/sync';
import type { Output } from '../../../../shared/contract';
import { t } from '../../i18n';
import { syncErrorText } from './syncText';

type LogEntry = Output<'sync.activity'>['log'][number];
/** A log line as the desk reads it; `repeats` counts the same failure in a row (shown once). */
export interface ActivityRow extends LogEntry {
  text: string;
  technical: string | null;
  repeats: number;
}

const isSyncError = (code: string): code is SyncError => (SYNC_ERRORS as readonly string[]).includes(code);

/** The engine logs in its own terms ("sent 40, parked 2", "unreachable: ECONNREFUSED …"): plain words here. */
export function describe(e: LogEntry): { text: string; technical: string | null } {
  const detail = e.detail ?? '';
  const coded = detail.match(/^([a-z_]+)(?::\s*(.*))?$/s);
  if (coded && isSyncError(coded[1]!)) {
    return { text: syncErrorText(coded[1]!, { detail: coded[2] ?? null }), technical: e.direction === 'error' ? (coded[2] ?? null) : null };
  }
  const sent = detail.match(/^sent (\d+)(?:, parked (\d+))?(?:, unanswered (\d+))?/);
  if (e.direction === 'up' && sent) {
    const parts = [t('syncActivity.sent', { n: sent[1]! })];
    if (sent[2]) parts.push(t('syncActivity.parked', { n: sent[2] }));
    if (sent[3]) parts.push(t('syncActivity.unanswered', { n: sent[3] }));
    return { text: parts.join('，'), technical: null };
  }
  return { text: detail, technical: null };
}

/** Newest first, the same failure repeated in a row folded into one line ("连续 12 次"). */
export function activityRows(log: LogEntry[]): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (const e of log) {
    const prev = rows[rows.length - 1];
    if (prev && e.direction === 'error' && prev.direction === 'error' && prev.detail === e.detail) {
      prev.repeats++;
      continue;
    }
    rows.push({ ...e, ...describe(e), repeats: 1 });
  }
  return rows;
}
