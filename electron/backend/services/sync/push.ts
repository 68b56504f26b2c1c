import { setImmediate as yieldToDesk } from 'node:timers/promises';
import type { Db } from '../../db/open';
import type { CountyHttp, CountyTarget } from './httpClient';
import { RawJson, SyncFailure } from './httpClient';
import { LIMITS, pushResponse, type PushEntry, type PushResult } from './protocol';

/** A row of table outbox, as `SELECT *` gives it. */
export interface OutboxRowLike {
  seq: number;
  id: string;
  stream: string;
  kind: string;
  record_id: string;
  payload: string;
  created_at: number;
  attempts: number;
}

export type Encoder = (
  db: Db,
  rows: OutboxRowLike[],
  key: { idHashKey: string; idHashKeyId: string },
) => { entries: PushEntry[]; unencodable: { id: string; code: string; reason: string }[] };

export interface PushDeps {
  db: Db;
  http: CountyHttp;
  target: CountyTarget;
  key: { idHashKey: string; idHashKeyId: string };
  encode: Encoder;
  now: () => number;
  signal?: AbortSignal;
}

/** Leaves room under the county's body limit for the JSON around the entries. */
const BODY_BUDGET = LIMITS.bodyMaxBytes - 64 * 1024;

/**
 * One batch: the oldest pending entries after `afterSeq` go up; the county's answer is written in
 * one transaction. An entry is done only when the county acknowledged it (accepted or duplicate);
 * rejected ones are parked with the reason and the rest flows. Returns the last seq looked at, or
 * null when nothing was pending after `afterSeq`.
 */
export async function pushBatch(deps: PushDeps, afterSeq: number): Promise<{ lastSeq: number | null; sent: number; parked: number }> {
  const { db } = deps;
  const rows = db
    .prepare(`SELECT * FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL AND seq > ? ORDER BY seq LIMIT ?`)
    .all(afterSeq, LIMITS.pushBatchMax) as OutboxRowLike[];
  if (rows.length === 0) return { lastSeq: null, sent: 0, parked: 0 };
  const seqOf = new Map(rows.map((r) => [r.id, r.seq]));
  const { entries: encoded, unencodable } = deps.encode(db, rows, deps.key);

  // Cut the batch where the body would grow past the county's limit (long request descriptions).
  const entries: PushEntry[] = [];
  const parts: string[] = [];
  let bytes = 0;
  let lastSeq = rows[rows.length - 1]!.seq;
  for (const e of encoded) {
    const json = JSON.stringify(e);
    const size = Buffer.byteLength(json);
    if (entries.length > 0 && bytes + size > BODY_BUDGET) {
      lastSeq = seqOf.get(e.id)! - 1;
      break;
    }
    entries.push(e);
    parts.push(json);
    bytes += size + 1;
  }
  const parkNow = unencodable.filter((u) => (seqOf.get(u.id) ?? 0) <= lastSeq);

  let results = new Map<string, PushResult>();
  if (entries.length > 0) {
    const body = await deps.http.call(deps.target, 'POST', '/v1/push', new RawJson(`{"entries":[${parts.join(',')}]}`), deps.signal);
    const parsed = pushResponse.safeParse(body);
    if (!parsed.success) throw new SyncFailure('bad_response', 'push answer of the wrong shape', true);
    results = new Map(parsed.data.results.map((r) => [r.id, r]));
  }

  const now = deps.now();
  let sent = 0;
  let parked = 0;
  let unanswered = 0;
  db.transaction(() => {
    const markSent = db.prepare(`UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ? AND sent_at IS NULL`);
    const park = db.prepare(`UPDATE outbox SET parked_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL`);
    const retryLater = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?`);
    for (const u of parkNow) {
      park.run(now, `${u.code}: ${u.reason}`.slice(0, 500), u.id);
      parked++;
    }
    for (const e of entries) {
      const r = results.get(e.id);
      if (!r) {
        retryLater.run('no_result: the county did not answer for this entry', e.id);
        unanswered++;
      } else if (r.status === 'rejected') {
        park.run(now, `${r.code}: ${r.reason}`.slice(0, 500), e.id);
        parked++;
      } else {
        markSent.run(now, e.id);
        sent++;
      }
    }
    db.prepare(`INSERT INTO sync_log (at, direction, stream, count, detail) VALUES (?, 'up', NULL, ?, ?)`).run(
      now,
      sent,
      `sent ${sent}${parked ? `, parked ${parked}` : ''}${unanswered ? `, unanswered ${unanswered}` : ''}`,
    );
  })();
  return { lastSeq, sent, parked };
}

const PRUNE_AFTER_MS = 30 * 24 * 60 * 60_000;

/** Entries the county acknowledged more than 30 days ago are dropped, a few thousand per transaction. */
export async function pruneSent(db: Db, now: number, stopped: () => boolean = () => false): Promise<number> {
  let total = 0;
  const del = db.prepare(`DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT 2000)`);
  for (;;) {
    if (stopped()) return total;
    const n = db.transaction(() => del.run(now - PRUNE_AFTER_MS).changes)();
    total += n;
    if (n < 2000) return total;
    await yieldToDesk();
  }
}
