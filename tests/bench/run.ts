import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, type Backend, type SessionSlot } from '../../electron/backend/app';
import { appointmentsBench } from './appointments.bench';
import { backendBench } from './backend.bench';
import { cardsBench } from './cards.bench';
import { displayBench } from './display.bench';
import { dutyBench } from './duty.bench';
import { DEFAULT_BENCH_DIR, ensureDataset, REPO_ROOT } from './generate';
import { BENCH_ADMIN } from './generators/accounts';
import { gridBench } from './grid.bench';
import { homeVisitsBench } from './homeVisits.bench';
import { intakeBench } from './intake.bench';
import type { Bench, BenchContext, BenchResult } from './harness';
import { rendererBench } from './renderer.bench';
import { residentsBench } from './residents.bench';
import { rotaBench } from './rota.bench';
import { syncBench } from './sync.bench';
import { backupBench } from './backup.bench';

/**
 * `npm run bench [-- --json] [--filter NAME] [--data-dir DIR]`. A later issue adds its *.bench.ts here.
 * The cold start goes first: it must find the database closed.
 */
const BENCHES: Bench[] = [backendBench, residentsBench, gridBench, intakeBench, rendererBench, displayBench, cardsBench, appointmentsBench, dutyBench, rotaBench, homeVisitsBench, syncBench, backupBench];

function table(results: BenchResult[]): string {
  const head = ['benchmark', 'n', 'median ms', 'p95 ms', 'max ms', 'budget ms', 'size', 'status'];
  const cell = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  const lines = results.map((r) => {
    const over = r.budget_ms !== null && r.p95_ms !== null && r.p95_ms > r.budget_ms;
    const verdict = r.budget_ms === null ? '' : over ? 'OVER BUDGET' : 'ok';
    return [r.name, String(r.n), cell(r.median_ms), cell(r.p95_ms), cell(r.max_ms), cell(r.budget_ms), r.kb === undefined ? '' : `${r.kb} KB gzip`, verdict];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, filter: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const dataDir = path.resolve(values['data-dir'] ?? DEFAULT_BENCH_DIR);
  const dataset = ensureDataset(dataDir);
  if (dataset.reused) console.error(`using the bench dataset in ${dataDir}: ${JSON.stringify(dataset.counts)}`);

  const shared: { current: { backend: Backend; admin: SessionSlot } | null } = { current: null };
  const open = async () => {
    if (!shared.current) {
      const backend = createBackend({ dataDir });
      const admin: SessionSlot = { sessionId: null };
      const r = await backend.dispatch(admin, 'session.login', BENCH_ADMIN);
      if (!r.ok) {
        backend.close();
        throw new Error(`the bench admin cannot log in (${r.error.key}); regenerate with tsx tests/bench/generate.ts --force`);
      }
      shared.current = { backend, admin };
    }
    return shared.current;
  };
  const call = async (method: string, input: unknown) => {
    const { backend, admin } = await open();
    const r = await backend.dispatch(admin, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.key}`);
    return r.value;
  };
  const ctx: BenchContext = { dataDir, repoRoot: REPO_ROOT, backend: open, call };
  const results: BenchResult[] = [];
  try {
    for (const bench of BENCHES) {
      if (values.filter && !bench.name.includes(values.filter)) continue;
      for (const r of await bench.run(ctx)) {
        results.push(r);
        if (values.json) console.log(JSON.stringify(r));
      }
    }
  } finally {
    shared.current?.backend.close();
  }
  if (!values.json) console.log(`\n${table(results)}\n\nbudgets are p95 targets; benchmarks never fail on speed.`);
}

// Speed never fails the run; only a broken benchmark (an exception) does.
main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
