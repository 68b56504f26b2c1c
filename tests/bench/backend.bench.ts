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
    return [summarise('backend.coldStart', samples, 500)];
  },
};
