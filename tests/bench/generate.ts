import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, DB_FILE_NAME, openDatabase } from '../../electron/backend/db/open';
import { getSetting, setSetting } from '../../electron/backend/services/centre/settings';
import { GENERATORS } from './generators';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_BENCH_DIR = path.join(REPO_ROOT, '.data', 'bench');
const MARKER = 'benchDataset';

interface Marker {
  generators: Record<string, number>;
  counts: Record<string, Record<string, number>>;
  generatedAt: number;
}

const wanted = () => Object.fromEntries(GENERATORS.map((g) => [g.name, g.version]));

/** The marker is written last, in the same transaction: if it is there and current, the dataset is whole. */
function readMarker(dataDir: string): Marker | null {
  if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) return null;
  const db = openDatabase(dataDir);
  try {
    const m = getSetting<string, Marker | null>(db, MARKER, null);
    return m && JSON.stringify(m.generators) === JSON.stringify(wanted()) ? m : null;
  } finally {
    closeDatabase(db);
  }
}

function removeDatabase(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, DB_FILE_NAME + suffix), { force: true });
}

/** Builds the dataset into `dataDir` unless a complete one of the current version is already there. */
export function ensureDataset(dataDir: string, opts: { force?: boolean; log?: (s: string) => void } = {}): Marker & { reused: boolean } {
  const log = opts.log ?? ((s: string) => console.error(s));
  const existing = opts.force ? null : readMarker(dataDir);
  if (existing) return { ...existing, reused: true };
  removeDatabase(dataDir);
  const started = Date.now();
  log(`generating the bench dataset in ${dataDir} …`);
  const db = openDatabase(dataDir);
  try {
    const now = Date.now();
    const marker = db.transaction((): Marker => {
      const counts: Marker['counts'] = {};
      for (const g of GENERATORS) {
        const t = Date.now();
        counts[g.name] = g.run(db, now);
        log(`  ${g.name}: ${JSON.stringify(counts[g.name])} in ${Date.now() - t} ms`);
      }
      const m: Marker = { generators: wanted(), counts, generatedAt: now };
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
