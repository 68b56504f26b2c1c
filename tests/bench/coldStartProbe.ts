import { createBackend } from '../../electron/backend/app';

/**
 * Run as a fresh process by backend.bench.ts (bundled first, as the packaged app is): prints the time
 * from process start to the first answered call — Node's own start, module loading, opening the
 * database, migrations, the first query.
 */
const dataDir = process.argv[2]!;
const backend = createBackend({ dataDir });
void backend.dispatch({ sessionId: null }, 'system.status', {}).then((r) => {
  const ms = performance.now();
  backend.close();
  if (!r.ok) throw new Error(r.error.key);
  process.stdout.write(`${ms}\n`);
});
