import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pendingOutboxCount } from '../../electron/backend/services/outbox/outbox';
import { startCounty } from '../county/client';
import { summarise, type Bench, type BenchContext, type BenchResult } from './harness';

const DRAIN_TARGET_PER_S = 5_000;
const STALL_BUDGET = 50;
const DESK_WRITE_BUDGET = 5;
const MIN_BACKLOG = 200_000;

/**
 * Issue 7's budgets: the generated backlog (≥ 200,000 entries, as after months offline) drained to
 * the reference county on loopback through the real engine, switched on by the admin's own call;
 * meanwhile the desk keeps issuing tickets and the event loop's longest stall is watched. Afterwards
 * the dataset is put back as it was: the backlog pending again, sync off, what the run added removed.
 */
async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const { backend } = await ctx.backend();
  const db = backend.db;
  const backlog = pendingOutboxCount(db);
  if (backlog < MIN_BACKLOG) throw new Error(`the bench outbox holds ${backlog} entries (< ${MIN_BACKLOG}); regenerate with tsx tests/bench/generate.ts`);
  const maxSeq = (db.prepare('SELECT max(seq) m FROM outbox').get() as { m: number }).m;
  db.exec(`CREATE TEMP TABLE bench_backlog AS SELECT seq FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL`);
  const countyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-county-'));
  const county = await startCounty({ dataDir: countyDir });
  const call = ctx.call;
  const services = (await call('services.list', {})) as { id: string; active: boolean }[];
  const serviceId = services.find((s) => s.active)!.id;
  const tickets: string[] = [];
  const deskSamples: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  try {
    const started = performance.now();
    loop.enable();
    await call('sync.settings.save', { enabled: true, endpoint: county.url, centreCode: county.centreCode, credential: county.credential });
    while (pendingOutboxCount(db) > 0) {
      // The desk at work meanwhile: a ticket every 100 ms.
      const t = performance.now();
      const issued = (await call('queue.issue', { serviceId, priorityReason: null, residentId: null })) as { ticket: { id: string } };
      deskSamples.push(performance.now() - t);
      tickets.push(issued.ticket.id);
      await sleep(100);
      const state = db.prepare('SELECT last_error_code code, last_error_detail detail FROM sync_state').get() as { code: string | null; detail: string | null };
      if (state.code && performance.now() - started > 30_000 && pendingOutboxCount(db) === backlog) throw new Error(`sync does not drain: ${state.code} ${state.detail}`);
    }
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    const rate = Math.round(backlog / seconds);
    return [
      { name: `sync-drain ${backlog.toLocaleString('en')} entries: ${rate.toLocaleString('en')} entries/s (target ≥ ${DRAIN_TARGET_PER_S.toLocaleString('en')})`, n: backlog, median_ms: null, p95_ms: null, max_ms: Math.round(seconds * 1000), budget_ms: null },
      { name: 'sync-drain longest event-loop stall', n: 1, median_ms: null, p95_ms: Math.round((loop.max / 1e6) * 100) / 100, max_ms: null, budget_ms: STALL_BUDGET },
      summarise('sync-desk queue.issue while draining', deskSamples, DESK_WRITE_BUDGET),
    ];
  } finally {
    loop.disable();
    await call('sync.settings.save', { enabled: false, endpoint: county.url, centreCode: county.centreCode, credential: '' }).catch(() => {});
    await county.stop();
    fs.rmSync(countyDir, { recursive: true, force: true });
    db.transaction(() => {
      db.exec(`UPDATE outbox SET sent_at = NULL, parked_at = NULL, last_error = NULL, attempts = 0, next_attempt_at = NULL WHERE seq IN (SELECT seq FROM bench_backlog)`);
      db.prepare('DELETE FROM outbox WHERE seq > ?').run(maxSeq);
      const dropEvents = db.prepare('DELETE FROM ticket_events WHERE ticket_id = ?');
      const drop = db.prepare('DELETE FROM tickets WHERE id = ?');
      for (const id of tickets) {
        dropEvents.run(id);
        drop.run(id);
      }
      for (const table of ['sync_cursors', 'sync_applied', 'sync_parked_down', 'sync_log', 'sync_summaries', 'county_roster', 'county_other_cards', 'county_revocations']) db.exec(`DELETE FROM ${table}`);
    })();
    db.exec('DROP TABLE bench_backlog');
  }
}

export const syncBench: Bench = { name: 'sync', run };
