import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, DB_FILE_NAME, openDatabase } from '../../electron/backend/db/open';
import { getSetting, setSetting } from '../../electron/backend/services/centre/settings';
import { GENERATORS } from './generators';
import type { DatasetGenerator } from './generators/types';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_BENCH_DIR = path.join(REPO_ROOT, '.data', 'bench');
const MARKER = 'benchDataset';

export interface Marker {
  generators: Record<string, number>;
  counts: Record<string, Record<string, number>>;
  generatedAt: number;
}

const versions = (generators: DatasetGenerator[]) => Object.fromEntries(generators.map((g) => [g.name, g.version]));

/** The marker is written last, in the same transaction as the data: if it is there, the generators it names are whole. */
function readMarker(dataDir: string): Marker | null {
  if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) return null;
  const db = openDatabase(dataDir);
  try {
    return getSetting<string, Marker | null>(db, MARKER, null);
  } finally {
    closeDatabase(db);
  }
}

/**
 * How many of `generators` (from the front) the dataset already holds in their current version; 0
 * when it must be rebuilt. Only a prefix can be kept: a generator reads what those before it wrote,
 * so the missing ones must all come after the present ones, and none may be stale or unknown.
 */
export function reusablePrefix(marker: Pick<Marker, 'generators'> | null, generators: Pick<DatasetGenerator, 'name' | 'version'>[]): number {
  if (!marker) return 0;
  const firstMissing = generators.findIndex((g) => marker.generators[g.name] !== g.version);
  const k = firstMissing < 0 ? generators.length : firstMissing;
  const prefix = new Set(generators.slice(0, k).map((g) => g.name));
  const names = Object.keys(marker.generators);
  return names.length === k && names.every((n) => prefix.has(n)) ? k : 0;
}

function removeDatabase(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, DB_FILE_NAME + suffix), { force: true });
}

/**
 * Builds the dataset into `dataDir` unless a complete one of the current version is already there.
 * When only generators at the end of the list are missing (a new domain was added), just those run,
 * on the existing dataset and at its original `now`, in one transaction with the new marker.
 */
export function ensureDataset(
  dataDir: string,
  opts: { force?: boolean; log?: (s: string) => void; generators?: DatasetGenerator[] } = {},
): Marker & { reused: boolean } {
  const log = opts.log ?? ((s: string) => console.error(s));
  const generators = opts.generators ?? GENERATORS;
  const existing = opts.force ? null : readMarker(dataDir);
  const keep = reusablePrefix(existing, generators);
  if (existing && keep === generators.length) return { ...existing, reused: true };
  const base = keep > 0 ? existing : null;
  if (!base) removeDatabase(dataDir);
  const started = Date.now();
  const toRun = generators.slice(keep);
  log(`${base ? `adding ${toRun.map((g) => g.name).join(', ')} to` : 'generating'} the bench dataset in ${dataDir} …`);
  const db = openDatabase(dataDir);
  try {
    const now = base?.generatedAt ?? Date.now();
    const marker = db.transaction((): Marker => {
      const counts: Marker['counts'] = { ...base?.counts };
      for (const g of toRun) {
        const t = Date.now();
        counts[g.name] = g.run(db, now, { dataDir });
        log(`  ${g.name}: ${JSON.stringify(counts[g.name])} in ${Date.now() - t} ms`);
      }
      const m: Marker = { generators: versions(generators), counts, generatedAt: now };
      setSetting(db, MARKER, m);
      return m;
    }).immediate();
    log(`dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { ...marker, reused: false };
  } finally {
    closeDatabase(db);
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false } } });
  const dir = path.resolve(values['data-dir'] ?? DEFAULT_BENCH_DIR);
  const m = ensureDataset(dir, { force: values.force });
  console.log(`${m.reused ? 'reused' : 'generated'}: ${JSON.stringify(m.counts)} → ${dir}`);
}
