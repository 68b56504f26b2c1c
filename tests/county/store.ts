import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LIMITS, type DownStream, type PushEntry } from '../../electron/backend/services/sync/protocol';

/** The reference county's own SQLite file: centres, nonces, what arrived, and what goes down. */
export type Centre = { code: string; name: string; credential: string; expires_at: number | null };
export type Received = { id: string; centre: string; stream: string; kind: string; recordId: string; createdAt: number; payload: unknown; receivedAt: number; deliveries: number };
export type DownRow = { seq: number; stream: string; id: string; rev: number; centre: string | null; body: string };

export const DEFAULT_CENTRE = { code: 'DEMO-001', credential: 'demo-county-credential-0001', name: '连心社区党群服务中心' };
export const DEFAULT_COUNTY_NAME = '示范县';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS centres (code TEXT PRIMARY KEY, name TEXT NOT NULL, credential TEXT NOT NULL, expires_at INTEGER);
CREATE TABLE IF NOT EXISTS nonces (centre TEXT NOT NULL, nonce TEXT NOT NULL, expires_at INTEGER NOT NULL, PRIMARY KEY (centre, nonce)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS received (
  id TEXT PRIMARY KEY, centre TEXT NOT NULL, stream TEXT NOT NULL, kind TEXT NOT NULL, record_id TEXT NOT NULL,
  created_at INTEGER NOT NULL, payload TEXT NOT NULL, received_at INTEGER NOT NULL, deliveries INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS received_stream ON received (stream, kind);
CREATE TABLE IF NOT EXISTS down (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, id TEXT NOT NULL, rev INTEGER NOT NULL, centre TEXT, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS down_stream ON down (stream, seq);
CREATE INDEX IF NOT EXISTS down_id ON down (stream, id);
CREATE TABLE IF NOT EXISTS dispatches (ref TEXT PRIMARY KEY, id TEXT NOT NULL, centre TEXT NOT NULL, known_status TEXT, status_at INTEGER);
`;

/** Same content regardless of key order: how a resent entry is compared with the first. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export type EntryOutcome = 'accepted' | 'duplicate' | 'conflict';

export function openCountyStore(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'county.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);

  const getMeta = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    if (!getMeta.get('idHashKey')) setMeta.run('idHashKey', randomBytes(32).toString('base64'));
    if (!getMeta.get('epoch')) setMeta.run('epoch', '1');
    if (!getMeta.get('countyName')) setMeta.run('countyName', DEFAULT_COUNTY_NAME);
    if (!getMeta.get('dispatchCounter')) setMeta.run('dispatchCounter', '0');
  })();
  const idHashKey = getMeta.get('idHashKey')!;
  const idHashKeyId = `k-${createHash('sha256').update(idHashKey).digest('hex').slice(0, 12)}`;

  const s = {
    centre: db.prepare<[string], Centre>('SELECT code, name, credential, expires_at FROM centres WHERE code = ?'),
    centres: db.prepare<[], Centre>('SELECT code, name, credential, expires_at FROM centres ORDER BY code'),
    upsertCentre: db.prepare('INSERT INTO centres (code, name, credential, expires_at) VALUES (?, ?, ?, NULL) ON CONFLICT (code) DO UPDATE SET name = excluded.name, credential = excluded.credential, expires_at = NULL'),
    expire: db.prepare('UPDATE centres SET expires_at = ? WHERE code = ?'),
    nonce: db.prepare('INSERT OR IGNORE INTO nonces (centre, nonce, expires_at) VALUES (?, ?, ?)'),
    pruneNonces: db.prepare('DELETE FROM nonces WHERE expires_at < ?'),
    receivedOne: db.prepare<[string], { stream: string; kind: string; record_id: string; created_at: number; payload: string }>('SELECT stream, kind, record_id, created_at, payload FROM received WHERE id = ?'),
    insertReceived: db.prepare('INSERT INTO received (id, centre, stream, kind, record_id, created_at, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    redelivered: db.prepare('UPDATE received SET deliveries = deliveries + 1 WHERE id = ?'),
    maxRev: db.prepare<[string, string], number | null>('SELECT max(rev) FROM down WHERE stream = ? AND id = ?').pluck(),
    insertDown: db.prepare('INSERT INTO down (stream, id, rev, centre, body) VALUES (?, ?, ?, ?, ?)'),
    page: db.prepare<[string, number, string, number], DownRow>('SELECT seq, stream, id, rev, centre, body FROM down WHERE stream = ? AND seq > ? AND (centre IS NULL OR centre = ?) ORDER BY seq LIMIT ?'),
    pageBefore: db.prepare<[string, number, string, number], { seq: number }>('SELECT seq FROM down WHERE stream = ? AND seq <= ? AND (centre IS NULL OR centre = ?) ORDER BY seq DESC LIMIT ?'),
    maxSeq: db.prepare<[], number | null>('SELECT max(seq) FROM down').pluck(),
    latestDown: db.prepare<[string, string], DownRow>('SELECT seq, stream, id, rev, centre, body FROM down WHERE stream = ? AND id = ? ORDER BY rev DESC LIMIT 1'),
    insertDispatch: db.prepare('INSERT INTO dispatches (ref, id, centre) VALUES (?, ?, ?)'),
    dispatch: db.prepare<[string], { ref: string; id: string; centre: string; known_status: string | null; status_at: number | null }>('SELECT ref, id, centre, known_status, status_at FROM dispatches WHERE ref = ?'),
    dispatchStatus: db.prepare('UPDATE dispatches SET known_status = ?, status_at = ? WHERE ref = ? AND centre = ? AND (status_at IS NULL OR status_at <= ?)'),
  };

  function addDown(stream: DownStream, id: string, centre: string | null, fields: Record<string, unknown>) {
    const rev = (s.maxRev.get(stream, id) ?? 0) + 1;
    const body = { id, rev, version: 1, ...fields };
    s.insertDown.run(stream, id, rev, centre, JSON.stringify(body));
    return body;
  }

  /** One push entry, already validated; the effects on the down streams happen in the same transaction. */
  function receive(centre: Centre, e: PushEntry, now: number): EntryOutcome {
    const payload = canonicalJson(e.payload);
    const seen = s.receivedOne.get(e.id);
    if (seen) {
      const same = seen.stream === e.stream && seen.kind === e.kind && seen.record_id === e.recordId && seen.created_at === e.createdAt && seen.payload === payload;
      if (!same) return 'conflict';
      s.redelivered.run(e.id);
      return 'duplicate';
    }
    s.insertReceived.run(e.id, centre.code, e.stream, e.kind, e.recordId, e.createdAt, payload, now);
    applyEffects(centre, e);
    return 'accepted';
  }

  function applyEffects(centre: Centre, e: PushEntry) {
    const p = e.payload as Record<string, unknown>;
    if (e.stream === 'cards' && e.kind === 'revoked') {
      addDown('revocations', `${centre.code}:${String(p.cardNo)}`, null, { cardNo: p.cardNo, centreCode: centre.code, revokedAt: p.at, reason: '发卡中心已注销此卡' });
    }
    if (e.stream === 'cards' && e.kind === 'issued') {
      for (const other of s.centres.all()) {
        if (other.code === centre.code) continue;
        addDown('otherCards', `${centre.code}:${String(p.cardNo)}`, other.code, {
          idHash: p.holderIdHash, centreCode: centre.code, centreName: centre.name, cardNo: p.cardNo, status: p.status,
        });
      }
    }
    if (e.stream === 'requests' && typeof p.originRef === 'string') s.dispatchStatus.run(p.status, p.at, p.originRef, centre.code, p.at);
  }

  const receiveBatch = db.transaction((centre: Centre, entries: PushEntry[], now: number) => entries.map((e) => receive(centre, e, now)));

  return {
    db,
    idHashKey,
    idHashKeyId,
    countyName: () => getMeta.get('countyName')!,
    epoch: () => Number(getMeta.get('epoch')),
    forgetCursors: () => db.transaction(() => setMeta.run('epoch', String(Number(getMeta.get('epoch')) + 1)))(),
    centre: (code: string) => s.centre.get(code),
    centres: () => s.centres.all(),
    addCentre: (code: string, credential: string, name: string) => s.upsertCentre.run(code, name, credential),
    expireCentre: (code: string, at: number) => s.expire.run(at, code).changes > 0,
    /** Records the nonce; true when it was already there (a replay). */
    seenNonce(centre: string, nonce: string, now: number): boolean {
      return s.nonce.run(centre, nonce, now + LIMITS.nonceWindowMs).changes === 0;
    },
    pruneNonces: (now: number) => s.pruneNonces.run(now).changes,
    receiveBatch: (centre: Centre, entries: PushEntry[], now: number) => receiveBatch(centre, entries, now),
    page: (stream: string, afterSeq: number, centre: string, limit: number) => s.page.all(stream, afterSeq, centre, limit),
    /** The seq that the page before `seq` started after (to re-serve a previous page). */
    seqBefore(stream: string, seq: number, centre: string, limit: number): number {
      const rows = s.pageBefore.all(stream, seq, centre, limit + 1);
      return rows.length > limit ? rows[limit]!.seq : 0;
    },
    maxSeq: () => s.maxSeq.get() ?? 0,
    addDown: (stream: DownStream, id: string, centre: string | null, fields: Record<string, unknown>) => db.transaction(() => addDown(stream, id, centre, fields))(),
    latestDown: (stream: DownStream, id: string) => s.latestDown.get(stream, id),
    nextDispatchRef(year: number): string {
      const n = Number(getMeta.get('dispatchCounter')) + 1;
      setMeta.run('dispatchCounter', String(n));
      return `XJ-${year}-${String(n).padStart(6, '0')}`;
    },
    insertDispatch: (ref: string, id: string, centre: string) => s.insertDispatch.run(ref, id, centre),
    dispatch: (ref: string) => s.dispatch.get(ref),
    received(stream?: string, kind?: string): Received[] {
      const where = [stream ? 'stream = @stream' : '', kind ? 'kind = @kind' : ''].filter(Boolean).join(' AND ');
      const rows = db.prepare(`SELECT * FROM received ${where ? `WHERE ${where}` : ''} ORDER BY received_at, rowid`).all({ stream, kind }) as Record<string, unknown>[];
      return rows.map((r) => ({
        id: r.id as string, centre: r.centre as string, stream: r.stream as string, kind: r.kind as string, recordId: r.record_id as string,
        createdAt: r.created_at as number, payload: JSON.parse(r.payload as string) as unknown, receivedAt: r.received_at as number, deliveries: r.deliveries as number,
      }));
    },
    counts: () => db.prepare('SELECT count(*) receivedEntries, coalesce(sum(deliveries), 0) deliveries FROM received').get() as { receivedEntries: number; deliveries: number },
    newRecordId: () => randomUUID(),
    close: () => db.close(),
  };
}
export type CountyStore = ReturnType<typeof openCountyStore>;
