import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend, type SessionSlot } from '../../electron/backend/app';
import { DB_FILE_NAME } from '../../electron/backend/db/open';
import { shanghaiDate } from '../../shared/rules/time';
import { addDays } from '../../shared/rules/workdays';
import { Rng } from '../../electron/backend/cli/fictional/prng';
import { BENCH_ADMIN } from './generators/accounts';
import { longestBlock, summarise, timeEach, type Bench, type BenchContext, type BenchResult } from './harness';

/** Budgets from issue 3: issue and call next p95 < 5 ms, month figures < 200 ms, year < 1 s; nothing blocks > 50 ms. */
const QUEUE_BUDGET = 5;
const BLOCK_BUDGET = 50;
const MONTH_BUDGET = 200;
const YEAR_BUDGET = 1000;

const ISSUES = 400;
const CALLS = 300;
const READS = 100;

type Call = (method: string, input: unknown) => Promise<unknown>;

interface Counter {
  number: number;
  current: { id: string } | null;
}

/**
 * The queue writes (issue, call next) run on a copy of the dataset so that the dataset stays as
 * generated: a fresh today (the history ends yesterday), eight counters opened, then tickets
 * issued at the kiosk and the desk and called in turn, with the hall display read in between.
 */
async function queueBenches(ctx: BenchContext): Promise<BenchResult[]> {
  const { backend: shared } = await ctx.backend();
  // Everything written so far is in the main file after a checkpoint; the copy is then whole.
  shared.db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-queue-'));
  let b: Backend | null = null;
  try {
    const t = Date.now();
    fs.copyFileSync(path.join(ctx.dataDir, DB_FILE_NAME), path.join(dir, DB_FILE_NAME));
    console.error(`  intake: dataset copied for the queue benchmarks in ${Date.now() - t} ms`);
    b = createBackend({ dataDir: dir });
    const backend = b;
    const admin: SessionSlot = { sessionId: null };
    const kiosk: SessionSlot = { sessionId: null };
    const call = (slot: SessionSlot): Call => async (method, input) => {
      const r = await backend.dispatch(slot, method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.key}`);
      return r.value;
    };
    await call(admin)('session.login', BENCH_ADMIN);
    const staff = call(admin);
    const publicCall = call(kiosk);

    const { counterCount } = (await staff('queue.rules', {})) as { counterCount: number };
    const counters = Array.from({ length: counterCount }, (_, i) => i + 1);
    for (const n of counters) await staff('queue.openCounter', { counter: n });

    const rng = new Rng(3003);
    const services = (await publicCall('kiosk.state', {})) as { services: { id: string }[] };
    const residents = backend.db.prepare('SELECT id FROM residents WHERE voided_at IS NULL ORDER BY rowid LIMIT 2000').all() as { id: string }[];
    const issues = Array.from({ length: ISSUES }, (_, i) => ({
      serviceId: rng.pick(services.services).id,
      priorityReason: rng.chance(0.1) ? ('disabled' as const) : null,
      residentId: i % 2 === 1 && rng.chance(0.5) ? rng.pick(residents).id : null,
      desk: i % 2 === 1,
    }));
    const kioskSamples: number[] = [];
    const deskSamples: number[] = [];
    for (const x of issues) {
      const t0 = performance.now();
      if (x.desk) await staff('queue.issue', { serviceId: x.serviceId, priorityReason: x.priorityReason, residentId: x.residentId });
      else await publicCall('kiosk.issue', { serviceId: x.serviceId, priorityReason: x.priorityReason });
      (x.desk ? deskSamples : kioskSamples).push(performance.now() - t0);
    }

    // Call next at each counter in turn (the current ticket is finished by the call), the display read between calls.
    const current = new Map<number, string | null>(counters.map((n) => [n, null]));
    const callSamples: number[] = [];
    const displaySamples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const n = counters[i % counters.length]!;
      const t0 = performance.now();
      const c = (await staff('queue.callNext', { counter: n, after: current.get(n) })) as Counter;
      callSamples.push(performance.now() - t0);
      current.set(n, c.current?.id ?? null);
      const t1 = performance.now();
      await publicCall('display.state', {});
      displaySamples.push(performance.now() - t1);
    }
    const waitingSamples = await timeEach(counters.flatMap((n) => Array.from({ length: 10 }, () => n)), (n) => staff('queue.waiting', { counter: n }), 3);
    return [
      summarise('intake.kiosk.issue', kioskSamples, QUEUE_BUDGET),
      summarise('intake.queue.issue (desk)', deskSamples, QUEUE_BUDGET),
      summarise('intake.queue.callNext', callSamples, QUEUE_BUDGET),
      summarise('intake.display.state', displaySamples, BLOCK_BUDGET),
      summarise('intake.queue.waiting', waitingSamples, BLOCK_BUDGET),
    ];
  } finally {
    b?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** To-do lists, the request list with the desk's usual filters, and the figures: reads on the dataset itself. */
async function readBenches(ctx: BenchContext): Promise<BenchResult[]> {
  const today = shanghaiDate(Date.now());
  const results: BenchResult[] = [];
  for (const list of ['mine', 'counter', 'overdue', 'dueToday'] as const) {
    const samples = await timeEach(Array.from({ length: READS }), () => ctx.call('requests.todo', { list, counter: 1 }));
    results.push(summarise(`intake.requests.todo.${list}`, samples, BLOCK_BUDGET));
  }
  const { backend } = await ctx.backend();
  const rng = new Rng(3004);
  const numbers = backend.db.prepare('SELECT number FROM requests ORDER BY rowid DESC LIMIT 5000').all() as { number: string }[];
  const services = backend.db.prepare('SELECT id FROM services').all() as { id: string }[];
  const filters: Record<string, () => unknown> = {
    all: () => ({}),
    open: () => ({ status: 'open' }),
    overdue: () => ({ status: 'overdue' }),
    number: () => ({ q: rng.pick(numbers).number }),
    serviceMonth: () => ({ serviceId: rng.pick(services).id, from: addDays(today, -30), to: today }),
    channelPage5: () => ({ channel: 'county', offset: 200 }),
  };
  for (const [name, input] of Object.entries(filters)) {
    const samples = await timeEach(Array.from({ length: READS }, input), (i) => ctx.call('requests.list', i));
    results.push(summarise(`intake.requests.list.${name}`, samples, BLOCK_BUDGET));
  }
  // Each calendar month of the last two years, and each of the last ten calendar years (the current one to today).
  const months: { from: string; to: string }[] = [];
  for (let i = 0; i < 24; i++) {
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1));
    const from = d.toISOString().slice(0, 10);
    const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    months.push({ from, to: to < today ? to : today });
  }
  const year = Number(today.slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => ({ from: `${year - i}-01-01`, to: i === 0 ? today : `${year - i}-12-31` }));
  results.push(summarise('intake.figures.get.month', await timeEach(months, (p) => ctx.call('figures.get', p), 2), MONTH_BUDGET));
  results.push(summarise('intake.figures.get.year', await timeEach(years, (p) => ctx.call('figures.get', p), 1), YEAR_BUDGET));
  // The figures and the list run on the read worker: what matters for the desk is how long the main
  // thread's event loop is held while they run (a year of figures and the slowest list filter).
  const blocked = await longestBlock(async () => {
    for (const p of years.slice(0, 3)) await ctx.call('figures.get', p);
    for (let i = 0; i < 5; i++) await ctx.call('requests.list', { channel: 'county', offset: 200 });
    await ctx.call('figures.export', months[1]!);
  });
  results.push({ name: 'intake.mainThread.longestBlock.duringReports', n: 1, median_ms: null, p95_ms: null, max_ms: blocked, budget_ms: BLOCK_BUDGET });
  return results;
}

export const intakeBench: Bench = {
  name: 'intake',
  async run(ctx) {
    return [...(await readBenches(ctx)), ...(await queueBenches(ctx))];
  },
};
