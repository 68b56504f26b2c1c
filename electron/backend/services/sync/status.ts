import { SYNC_ERRORS, type SyncError, type SyncStatus } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { pendingOutboxCount } from '../outbox/outbox';
import { readConfig } from './config';

interface StateRow {
  last_success_at: number | null;
  last_error_code: string | null;
  last_error_detail: string | null;
  last_error_at: number | null;
  consecutive_failures: number;
  next_attempt_at: number | null;
}

export function parkedCount(db: Db): number {
  const up = (db.prepare(`SELECT count(*) n FROM outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL`).get() as { n: number }).n;
  const down = (db.prepare(`SELECT count(*) n FROM sync_parked_down WHERE resolved_at IS NULL`).get() as { n: number }).n;
  return up + down;
}

/** The header badge: 未开启 (off), 离线 (the last attempt failed), 待同步 N (pending), 已同步 (synced). */
export function syncStatus(db: Db, running: boolean): SyncStatus {
  const cfg = readConfig(db);
  const st = db.prepare(`SELECT * FROM sync_state WHERE id = 1`).get() as StateRow;
  const pending = pendingOutboxCount(db);
  const code = st.last_error_code as SyncError | null;
  const lastError =
    code && st.last_error_at !== null && (SYNC_ERRORS as readonly string[]).includes(code)
      ? { code, at: st.last_error_at, detail: st.last_error_detail }
      : null;
  const badge = !cfg.enabled ? 'off' : st.consecutive_failures > 0 ? 'offline' : pending > 0 ? 'pending' : 'synced';
  return {
    badge,
    pending,
    parked: parkedCount(db),
    lastSuccessAt: st.last_success_at,
    lastError,
    nextAttemptAt: cfg.enabled ? st.next_attempt_at : null,
    running,
  };
}
