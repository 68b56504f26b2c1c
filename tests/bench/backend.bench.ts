import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { createBackend } from '../../electron/backend/app';
import { summarise, type Bench } from './harness';

const RUNS = 10;

/**
 * Opening the database, checking migrations and answering the first call, as at app start. Measured
 * in-process (module loading is excluded: in the packaged app it is bundled and already parsed).
 */
export const backendBench: Bench = {
  name: 'backend',
  async run(ctx) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const b = createBackend({ dataDir: ctx.dataDir });
      const r = await b.dispatch({ sessionId: null }, 'system.status', {});
      samples.push(performance.now() - t);
      b.close();
      if (!r.ok) throw new Error(`system.status failed: ${r.error.key}`);
    }
    return [summarise('backend.coldStart', samples, 500), summarise('backend.coldStartProcess', await processColdStarts(ctx.dataDir), 500)];
  },
};

/** The same, in a new Node process each time, from the process's start: what a person waits for. */
async function processColdStarts(dataDir: string): Promise<number[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-coldstart-'));
  const bundle = path.join(outDir, 'probe.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'coldStartProbe.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    external: ['better-sqlite3'],
    nodePaths: [path.join(__dirname, '../../node_modules')],
    logLevel: 'silent',
  });
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [bundle, dataDir], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: path.join(__dirname, '../../node_modules') },
    });
    samples.push(Number(out.trim()));
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  return samples;
}
