import { setImmediate as yieldToDesk } from 'node:timers/promises';
import type { ConnectionTest, Topic } from '../../../../shared/contract';
import type { Clock } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { checkEndpoint, ID_HASH_KEY_SECRET, readConfig, readCredential, readIdHashKey } from './config';
import { createCountyHttp, SyncFailure, type CountyHttp, type CountyTarget } from './httpClient';
import { helloResponse, type Hello } from './protocol';
import { pruneSent, pushBatch } from './push';
import { pullAll } from './pull';
import { encodeForPush } from './encode';
import { applyPulledPage, resetCursor } from './down/apply';
import { enqueueDueSummaries } from './summaries';

/** Electron's session.resolveProxy answer for a URL ("PROXY host:port; DIRECT"), or null for direct. */
export type ProxyResolver = (url: string) => Promise<string | null>;

/** What handlers may do with the engine. None of it waits on the county. */
export interface SyncControl {
  /** Wake the engine to push and pull now (returns at once). */
  kick(): void;
  /** Settings changed: start, restart or stop the loop. */
  reconfigure(): void;
  /** Try the given settings against the county (network, with a timeout); nothing saved. */
  test(cfg: { endpoint: string; centreCode: string; credential: string }): Promise<ConnectionTest>;
  running(): boolean;
}

export interface SyncEngine extends SyncControl {
  start(): void;
  stop(): void;
}

export interface SyncEngineDeps {
  db: Db;
  clock: Clock;
  secrets: SecretStore;
  resolveProxy?: ProxyResolver;
  /** Data under a topic changed: 'sync' for the badge and the sync page; 'requests', 'calendar',
   * 'cards' when pulled records were applied. */
  changed(topic: Topic): void;
  /** Tests: the poll interval (default env LIANXIN_SYNC_POLL_MS or 60 s) and the jitter source. */
  pollMs?: number;
  rand?: () => number;
}

const NOTIFY_EVERY_MS = 500;
/** How often the engine looks for new outbox entries, to push them soon instead of at the next poll. */
const WATCH_MS = 2_000;
const PRUNE_EVERY_MS = 60 * 60_000;
/** The county's names and its ID-hash key are asked again now and then (the key may be rotated). */
const HELLO_EVERY_MS = 60 * 60_000;

/** Tests that switch faults on shorten the ceiling (LIANXIN_SYNC_BACKOFF_CEILING_MS) so a run ends in seconds. */
function backoffPolicy(): BackoffPolicy {
  const v = Number(process.env.LIANXIN_SYNC_BACKOFF_CEILING_MS);
  if (!Number.isFinite(v) || v <= 0) return DEFAULT_BACKOFF;
  return { ...DEFAULT_BACKOFF, baseMs: Math.min(DEFAULT_BACKOFF.baseMs, v), ceilingMs: v };
}

function pollInterval(): number {
  const v = Number(process.env.LIANXIN_SYNC_POLL_MS);
  return Number.isFinite(v) && v > 0 ? v : 60_000;
}

/**
 * The loop: while sync is on and set up, hello (first, and whenever the id-hash key is unknown) →
 * summaries due → push until nothing is pending → pull every stream → push what the pull produced →
 * wait for the poll interval, a kick or new outbox entries. A failure is written to sync_state with
 * the next attempt after an exponential backoff. Everything it needs to resume is in the database;
 * nothing in memory must survive a kill. Sync off means no network call at all.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { db } = deps;
  const http: CountyHttp = createCountyHttp({ resolveProxy: deps.resolveProxy });
  const pollMs = deps.pollMs ?? pollInterval();
  const rand = deps.rand ?? Math.random;
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let watcher: NodeJS.Timeout | null = null;
  let cycle: Promise<void> | null = null;
  let kicked = false;
  let helloAt = 0;
  let countyStreams: string[] = [];
  let abort = new AbortController();
  let lastPrune = 0;
  let lastSeqSeen = -1;

  // The badge is told at most every 500 ms, and once more after the last change.
  let lastNotify = 0;
  let trailing: NodeJS.Timeout | null = null;
  const notify = () => {
    if (stopped) return;
    const t = Date.now();
    if (t - lastNotify >= NOTIFY_EVERY_MS) {
      lastNotify = t;
      deps.changed('sync');
    } else if (!trailing) {
      trailing = setTimeout(() => {
        trailing = null;
        notify();
      }, NOTIFY_EVERY_MS - (t - lastNotify));
      trailing.unref();
    }
  };

  const savedTarget = (): CountyTarget | null => {
    const cfg = readConfig(db);
    if (!cfg.enabled || !cfg.endpoint || !cfg.centreCode) return null;
    const credential = readCredential(deps.secrets);
    if (!credential) return null;
    return { endpoint: cfg.endpoint, centreCode: cfg.centreCode, credential, caPem: cfg.caPem };
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      runCycle();
    }, Math.max(0, delay));
    timer.unref();
  };

  const planNext = () => {
    if (stopped || !savedTarget()) return;
    if (kicked) {
      kicked = false;
      return schedule(0);
    }
    const st = db.prepare(`SELECT consecutive_failures f, next_attempt_at n FROM sync_state WHERE id = 1`).get() as { f: number; n: number | null };
    if (st.f > 0 && st.n !== null) return schedule(st.n - Date.now());
    schedule(pollMs);
  };

  const runCycle = () => {
    if (stopped) return;
    if (cycle) {
      kicked = true;
      return;
    }
    cycle = oneCycle()
      .catch((e) => {
        if (!stopped) console.error('sync cycle failed unexpectedly', e);
      })
      .finally(() => {
        cycle = null;
        planNext();
      });
  };

  async function hello(target: CountyTarget, signal?: AbortSignal): Promise<Hello> {
    const body = await http.call(target, 'GET', '/v1/hello', undefined, signal);
    const parsed = helloResponse.safeParse(body);
    if (!parsed.success) throw new SyncFailure('bad_response', 'hello answer of the wrong shape', true);
    if (parsed.data.centreCode !== target.centreCode) throw new SyncFailure('unknown_centre', parsed.data.centreCode, false);
    return parsed.data;
  }

  function storeHello(h: Hello) {
    if (deps.secrets.get(ID_HASH_KEY_SECRET)?.toString('utf8') !== h.idHashKey) deps.secrets.set(ID_HASH_KEY_SECRET, Buffer.from(h.idHashKey, 'utf8'));
    db.prepare(`UPDATE sync_state SET county_name = ?, centre_name = ?, id_hash_key_id = ? WHERE id = 1`).run(h.county, h.centreName, h.idHashKeyId);
    countyStreams = h.streams;
    helloAt = Date.now();
  }

  async function drain(target: CountyTarget, signal: AbortSignal) {
    let after = 0;
    for (;;) {
      if (stopped) return;
      let key = readIdHashKey(db, deps.secrets);
      if (!key) {
        storeHello(await hello(target, signal));
        key = readIdHashKey(db, deps.secrets);
        if (!key) throw new SyncFailure('bad_response', 'no id-hash key from the county', true);
      }
      const r = await pushBatch(
        { db, http, target, key, encode: encodeForPush, now: () => deps.clock.now(), signal },
        after,
      );
      if (r.lastSeq === null) return;
      after = r.lastSeq;
      notify();
      await yieldToDesk();
    }
  }

  async function oneCycle() {
    const target = savedTarget();
    if (!target) return;
    const signal = abort.signal;
    const attemptAt = deps.clock.now();
    db.prepare(`UPDATE sync_state SET last_attempt_at = ? WHERE id = 1`).run(attemptAt);
    try {
      checkEndpoint(target.endpoint);
    } catch {
      return recordFailure(new SyncFailure('http_refused', null, false));
    }
    try {
      if (Date.now() - helloAt > HELLO_EVERY_MS || !readIdHashKey(db, deps.secrets)) storeHello(await hello(target, signal));
      if (stopped) return;
      if (enqueueDueSummaries(db, deps.clock.now()) > 0) notify();
      await drain(target, signal);
      if (stopped) return;
      await pullAll({
        db,
        http,
        target,
        apply: applyPulledPage,
        resetCursor,
        now: () => deps.clock.now(),
        countyStreams,
        onTopics: (topics) => topics.forEach((t) => (t === 'sync' ? notify() : deps.changed(t))),
        signal,
      });
      await drain(target, signal);
      if (stopped) return;
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneSent(db, deps.clock.now(), () => stopped);
      }
      if (stopped) return;
      db.prepare(
        `UPDATE sync_state SET last_success_at = ?, last_error_code = NULL, last_error_detail = NULL, last_error_at = NULL,
           consecutive_failures = 0, next_attempt_at = NULL WHERE id = 1`,
      ).run(deps.clock.now());
      notify();
    } catch (e) {
      // Stopped, or the settings changed under the call: not the county's failure.
      if (stopped || signal.aborted) return;
      const f = asFailure(e);
      if (f.code === 'unknown_centre' || f.code === 'bad_credential') helloAt = 0;
      recordFailure(f);
    }
  }

  function recordFailure(f: SyncFailure) {
    const now = deps.clock.now();
    db.transaction(() => {
      const st = db.prepare(`SELECT consecutive_failures f FROM sync_state WHERE id = 1`).get() as { f: number };
      const failures = st.f + 1;
      const delay = Math.max(backoffDelay(failures, rand, backoffPolicy()), f.extra.retryAfterMs ?? 0);
      db.prepare(
        `UPDATE sync_state SET last_error_code = ?, last_error_detail = ?, last_error_at = ?, consecutive_failures = ?, next_attempt_at = ? WHERE id = 1`,
      ).run(f.code, f.detail, now, failures, Date.now() + delay);
      db.prepare(`INSERT INTO sync_log (at, direction, stream, count, detail) VALUES (?, 'error', NULL, 0, ?)`).run(
        now,
        `${f.code}${f.detail ? `: ${f.detail}` : ''}`.slice(0, 500),
      );
    })();
    notify();
  }

  // New outbox entries (a request escalated at the desk) go up within seconds, not at the next poll.
  const watch = () => {
    if (stopped || !savedTarget()) return;
    const seq = (db.prepare(`SELECT max(seq) m FROM outbox`).get() as { m: number | null }).m ?? 0;
    if (seq !== lastSeqSeen) {
      const first = lastSeqSeen === -1;
      lastSeqSeen = seq;
      if (first) return;
      notify();
      const st = db.prepare(`SELECT consecutive_failures f FROM sync_state WHERE id = 1`).get() as { f: number };
      if (st.f === 0 && !cycle) schedule(0);
    }
  };

  const engine: SyncEngine = {
    start() {
      if (started || stopped) return;
      started = true;
      watcher = setInterval(() => {
        try {
          watch();
        } catch {
          // the database closed under us: stop() follows
        }
      }, WATCH_MS);
      watcher.unref();
      schedule(0);
    },
    stop() {
      stopped = true;
      abort.abort();
      for (const t of [timer, watcher, trailing]) if (t) clearTimeout(t);
      timer = watcher = trailing = null;
      void http.close();
    },
    kick() {
      if (!started || stopped) return;
      if (cycle) kicked = true;
      else schedule(0);
    },
    reconfigure() {
      if (!started || stopped) return;
      helloAt = 0;
      // A call in flight with the old settings is abandoned; the next cycle uses the new ones.
      abort.abort();
      abort = new AbortController();
      db.prepare(`UPDATE sync_state SET consecutive_failures = 0, next_attempt_at = NULL WHERE id = 1`).run();
      notify();
      if (cycle) kicked = true;
      else schedule(0);
    },
    async test(cfg) {
      if (!cfg.endpoint.trim() || !cfg.centreCode.trim()) return { ok: false, error: 'not_configured', detail: null };
      try {
        checkEndpoint(cfg.endpoint);
      } catch {
        return { ok: false, error: 'http_refused', detail: null };
      }
      const credential = cfg.credential.trim() || readCredential(deps.secrets);
      if (!credential) return { ok: false, error: 'not_configured', detail: 'credential' };
      const target: CountyTarget = { endpoint: cfg.endpoint.trim(), centreCode: cfg.centreCode.trim(), credential, caPem: readConfig(db).caPem };
      try {
        const h = await hello(target);
        return { ok: true, county: h.county, centreName: h.centreName, skewSeconds: Math.round((h.serverTime - Date.now()) / 1000) };
      } catch (e) {
        const f = asFailure(e);
        return { ok: false, error: f.code, detail: f.detail, ...(f.extra.skewMinutes !== undefined ? { skewMinutes: f.extra.skewMinutes } : {}) };
      }
    },
    running: () => started && !stopped && savedTarget() !== null,
  };
  return engine;
}

function asFailure(e: unknown): SyncFailure {
  if (e instanceof SyncFailure) return e;
  console.error('sync: unexpected error', e);
  return new SyncFailure('bad_response', e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200), true);
}
