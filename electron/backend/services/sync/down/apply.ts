import type { Topic } from '../../../../../shared/contract';
import type { Db } from '../../../db/open';
import { downRecords, type DownRecord, type DownStream } from '../protocol';
import { applyDispatch } from './dispatch';
import { applyCalendarDay, applyOtherCard, applyRevocation, applyRoster } from './records';

export interface PageResult {
  applied: number;
  skipped: number;
  parked: number;
  topics: Topic[];
}

type Check = { ok: true; record: { id: string; rev: number } } | { ok: false; code: 'invalid_record' | 'unknown_version'; reason: string; recordId: string | null };

const STREAM_TOPIC: Record<DownStream, Topic | null> = {
  dispatch: 'requests',
  roster: null,
  otherCards: null,
  calendar: 'calendar',
  revocations: 'cards',
};

const APPLY: { [S in DownStream]: (db: Db, r: DownRecord<S>, now: number) => void } = {
  dispatch: applyDispatch,
  roster: applyRoster,
  otherCards: applyOtherCard,
  calendar: applyCalendarDay,
  revocations: applyRevocation,
};

const idOf = (raw: unknown): string | null => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? id.slice(0, 64) : null;
};

/** Validates one pulled record; the reason is plain Chinese for the sync page. */
function check(stream: DownStream, raw: unknown): Check {
  const recordId = idOf(raw);
  const version = (raw as { version?: unknown } | null)?.version;
  if (raw !== null && typeof raw === 'object' && version !== undefined && version !== 1) {
    return { ok: false, code: 'unknown_version', recordId, reason: `县级平台发来的记录版本（${String(version).slice(0, 20)}）本软件还不认识，需要升级软件后重试` };
  }
  const r = downRecords[stream].safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, code: 'invalid_record', recordId, reason: `记录格式不对（${i.path.join('.') || '整条记录'}：${i.message}），已搁置` };
  }
  return { ok: true, record: r.data };
}

function appliedRev(db: Db, stream: DownStream, id: string): number {
  return (db.prepare(`SELECT rev FROM sync_applied WHERE stream = ? AND record_id = ?`).get(stream, id) as { rev: number } | undefined)?.rev ?? 0;
}

/** Applies one valid record unless this revision (or a later one) is already in; true when applied. */
function applyOne(db: Db, stream: DownStream, record: { id: string; rev: number }, now: number): boolean {
  if (record.rev <= appliedRev(db, stream, record.id)) return false;
  (APPLY[stream] as (db: Db, r: unknown, now: number) => void)(db, record, now);
  db.prepare(
    `INSERT INTO sync_applied (stream, record_id, rev, applied_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(stream, record_id) DO UPDATE SET rev = excluded.rev, applied_at = excluded.applied_at`,
  ).run(stream, record.id, record.rev, now);
  return true;
}

/** Parks a record that failed validation; the same body delivered again is not parked twice. */
function park(db: Db, stream: DownStream, raw: unknown, c: Extract<Check, { ok: false }>, now: number): boolean {
  const body = JSON.stringify(raw) ?? 'null';
  const already = db.prepare(`SELECT 1 FROM sync_parked_down WHERE stream = ? AND body = ? AND resolved_at IS NULL`).get(stream, body);
  if (already) return false;
  db.prepare(`INSERT INTO sync_parked_down (stream, record_id, body, code, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    stream,
    c.recordId,
    body,
    c.code,
    c.reason,
    now,
  );
  return true;
}

/**
 * One pulled page, in ONE transaction with its cursor: a kill or an error anywhere leaves both the
 * records and the cursor as they were, so the page is simply pulled again. Records are idempotent by
 * (stream, id, rev): duplicates and older revisions arriving late are skipped. A record that fails
 * validation is parked with its reason and the rest of the page applies.
 */
export function applyPulledPage(db: Db, stream: DownStream, records: unknown[], cursor: string | null, now: number): PageResult {
  return db.transaction((): PageResult => {
    let applied = 0;
    let skipped = 0;
    let parked = 0;
    for (const raw of records) {
      const c = check(stream, raw);
      if (!c.ok) {
        if (park(db, stream, raw, c, now)) parked++;
        else skipped++;
      } else if (applyOne(db, stream, c.record, now)) applied++;
      else skipped++;
    }
    db.prepare(
      `INSERT INTO sync_cursors (stream, cursor, records_applied, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(stream) DO UPDATE SET cursor = excluded.cursor, records_applied = records_applied + excluded.records_applied, updated_at = excluded.updated_at`,
    ).run(stream, cursor, applied, now);
    if (records.length > 0) {
      db.prepare(`INSERT INTO sync_log (at, direction, stream, count, detail) VALUES (?, 'down', ?, ?, ?)`).run(
        now,
        stream,
        applied,
        `收到 ${records.length} 条：应用 ${applied}，重复 ${skipped}，搁置 ${parked}`,
      );
    }
    const topics: Topic[] = [];
    const topic = STREAM_TOPIC[stream];
    if (topic && applied > 0) topics.push(topic);
    topics.push('sync');
    return { applied, skipped, parked, topics };
  })();
}

/** The county no longer knows our cursor: the stream starts again from the beginning (records already
 * applied are skipped by their revision). */
export function resetCursor(db: Db, stream: DownStream): void {
  db.prepare(`UPDATE sync_cursors SET cursor = NULL WHERE stream = ?`).run(stream);
}

export type RetryResult = { resolved: true; applied: boolean } | { resolved: false; code: string; reason: string };

/**
 * A parked pulled record, tried again from the sync page (after an upgrade that knows its version,
 * say). Applied → resolved; already superseded by a later revision → resolved too; still invalid →
 * stays parked with the new reason. Returns null when there is no such unresolved row.
 */
export function retryParkedDown(db: Db, parkedId: number, now: number): RetryResult | null {
  return db.transaction((): RetryResult | null => {
    const row = db.prepare(`SELECT stream, body FROM sync_parked_down WHERE id = ? AND resolved_at IS NULL`).get(parkedId) as
      | { stream: string; body: string }
      | undefined;
    if (!row) return null;
    if (!(row.stream in downRecords)) return { resolved: false, code: 'invalid_record', reason: `未知的数据类别 ${row.stream}` };
    const stream = row.stream as DownStream;
    const c = check(stream, JSON.parse(row.body) as unknown);
    if (!c.ok) {
      db.prepare(`UPDATE sync_parked_down SET code = ?, reason = ? WHERE id = ?`).run(c.code, c.reason, parkedId);
      return { resolved: false, code: c.code, reason: c.reason };
    }
    const applied = applyOne(db, stream, c.record, now);
    db.prepare(`UPDATE sync_parked_down SET resolved_at = ? WHERE id = ?`).run(now, parkedId);
    if (applied) db.prepare(`UPDATE sync_cursors SET records_applied = records_applied + 1 WHERE stream = ?`).run(stream);
    db.prepare(`INSERT INTO sync_log (at, direction, stream, count, detail) VALUES (?, 'down', ?, ?, ?)`).run(
      now,
      stream,
      applied ? 1 : 0,
      applied ? '搁置的记录重试后已应用' : '搁置的记录已有更新的版本，不再应用',
    );
    return { resolved: true, applied };
  })();
}

/** Topics a successful retry touched, for the engine's change notice. */
export function topicOf(stream: string): Topic | null {
  return STREAM_TOPIC[stream as DownStream] ?? null;
}
