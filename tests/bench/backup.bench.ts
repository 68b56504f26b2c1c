import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { restoreBackup } from '../../electron/backend/services/backup/backup';
import { summarise, type Bench, type BenchContext, type BenchResult } from './harness';

const STALL_BUDGET = 50;
const DESK_WRITE_BUDGET = 5;
const PASSPHRASE = 'bench passphrase 备份';

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

/**
 * Issue 8's budgets on the ten-year dataset: 立即备份 (the admin's export, encrypted, the copy proven whole
 * on the worker thread) while the desk issues a ticket every 100 ms and the event loop's longest stall is
 * watched; then the restore of that file into a spare data folder (the bench dataset itself is never
 * replaced). Tickets the run issued are removed afterwards; the audit rows stay (the log is append-only).
 */
async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const { backend } = await ctx.backend();
  const db = backend.db;
  const call = ctx.call;
  const services = (await call('services.list', {})) as { id: string; active: boolean }[];
  const serviceId = services.find((s) => s.active)!.id;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-backup-'));
  const spare = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-restore-'));
  const tickets: string[] = [];
  const deskSamples: number[] = [];
  const deskWhileWriting: number[] = [];
  const writingFile = () => fs.readdirSync(folder).some((f) => f.endsWith('.partial'));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  try {
    const dbBytes = fs.statSync(path.join(ctx.dataDir, 'lianxin.db')).size;
    let done = false;
    loop.enable();
    const started = performance.now();
    const backup = (call('backup.now', { folder, passphrase: PASSPHRASE }) as Promise<{ file: string }>).finally(() => (done = true));
    while (!done) {
      const t = performance.now();
      const issued = (await call('queue.issue', { serviceId, priorityReason: null, residentId: null })) as { ticket: { id: string } };
      const ms = performance.now() - t;
      deskSamples.push(ms);
      if (writingFile()) deskWhileWriting.push(ms);
      tickets.push(issued.ticket.id);
      await sleep(100);
    }
    const { file } = await backup;
    const backupMs = performance.now() - started;
    loop.disable();
    const fileBytes = fs.statSync(file).size;

    const restoreStarted = performance.now();
    await restoreBackup(spare, file, PASSPHRASE);
    const restoreMs = performance.now() - restoreStarted;
    return [
      { name: `backup-now ${gib(dbBytes)} database → ${gib(fileBytes)} encrypted file`, n: 1, median_ms: null, p95_ms: null, max_ms: Math.round(backupMs), budget_ms: null },
      { name: 'backup-now longest event-loop stall', n: 1, median_ms: null, p95_ms: Math.round((loop.max / 1e6) * 100) / 100, max_ms: null, budget_ms: STALL_BUDGET },
      summarise('backup-desk queue.issue while backing up', deskSamples, DESK_WRITE_BUDGET),
      summarise('backup-desk … of which while writing the file', deskWhileWriting, DESK_WRITE_BUDGET),
      { name: `backup-restore ${gib(fileBytes)} file (decrypt, check, migrate, swap)`, n: 1, median_ms: null, p95_ms: null, max_ms: Math.round(restoreMs), budget_ms: null },
    ];
  } finally {
    loop.disable();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(spare, { recursive: true, force: true });
    db.transaction(() => {
      const dropEvents = db.prepare('DELETE FROM ticket_events WHERE ticket_id = ?');
      const drop = db.prepare('DELETE FROM tickets WHERE id = ?');
      for (const id of tickets) {
        dropEvents.run(id);
        drop.run(id);
      }
    })();
  }
}

export const backupBench: Bench = { name: 'backup', run };
