import type { Output, ParkedItem } from '../../../../shared/contract';
import { fail } from '../../../../shared/contract';
import type { Db } from '../../db/open';

const LIMIT = 200;

/** The sync page: the last log lines, what is parked either way, and how far each pulled stream got. */
export function syncActivity(db: Db): Output<'sync.activity'> {
  const log = db
    .prepare(`SELECT id, at, direction, stream, count, detail FROM sync_log ORDER BY id DESC LIMIT ?`)
    .all(LIMIT) as Output<'sync.activity'>['log'];
  const up = db
    .prepare(
      `SELECT id, stream, kind, record_id, last_error, parked_at FROM outbox
       WHERE parked_at IS NOT NULL AND sent_at IS NULL ORDER BY parked_at DESC, seq DESC LIMIT ?`,
    )
    .all(LIMIT) as { id: string; stream: string; kind: string; record_id: string; last_error: string | null; parked_at: number }[];
  const down = db
    .prepare(
      `SELECT id, stream, record_id, body, code, reason, parked_at FROM sync_parked_down
       WHERE resolved_at IS NULL ORDER BY parked_at DESC, id DESC LIMIT ?`,
    )
    .all(LIMIT) as { id: number; stream: string; record_id: string | null; body: string; code: string; reason: string; parked_at: number }[];
  const parked: ParkedItem[] = [
    ...up.map((r) => {
      const [code, ...rest] = (r.last_error ?? 'rejected: ').split(': ');
      return { direction: 'up' as const, id: r.id, stream: r.stream, kind: r.kind, recordRef: r.record_id, code: code!, reason: rest.join(': '), at: r.parked_at };
    }),
    ...down.map((r) => ({
      direction: 'down' as const,
      id: String(r.id),
      stream: r.stream,
      kind: r.stream,
      recordRef: r.record_id,
      code: r.code,
      reason: r.reason,
      at: r.parked_at,
    })),
  ].sort((a, b) => b.at - a.at);
  const cursors = db
    .prepare(`SELECT stream, records_applied recordsApplied, updated_at updatedAt FROM sync_cursors ORDER BY stream`)
    .all() as Output<'sync.activity'>['cursors'];
  return { log, parked, cursors };
}

/** An entry the county refused goes up again with the next push (after the cause was fixed at the centre or the county). */
export function retryParkedUp(db: Db, id: string): void {
  const n = db.transaction(() => db.prepare(`UPDATE outbox SET parked_at = NULL, attempts = 0, last_error = NULL WHERE id = ? AND parked_at IS NOT NULL AND sent_at IS NULL`).run(id).changes)();
  if (n === 0) throw fail.notFound('sync.parked.notFound');
}
