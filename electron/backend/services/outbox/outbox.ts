import type { Db } from '../../db/open';
import { newId } from '../../db/ids';

/**
 * Changes the county must see are written here in the same transaction as the change itself; the
 * sync engine (a later issue) drains it. The entry's id is its idempotency key.
 */
export function enqueueOutbox(
  db: Db,
  at: number,
  entry: { stream: string; kind: string; recordId: string; payload: unknown },
): string {
  const id = newId();
  db.prepare(
    `INSERT INTO outbox (id, stream, kind, record_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, entry.stream, entry.kind, entry.recordId, JSON.stringify(entry.payload), at);
  return id;
}

export function pendingOutboxCount(db: Db): number {
  return (db.prepare(`SELECT count(*) n FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL`).get() as { n: number }).n;
}
