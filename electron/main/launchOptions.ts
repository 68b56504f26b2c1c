/** Command-line and environment options of the desktop app (pure, unit-tested). */

export interface LaunchOptions {
  /** From `--data-dir DIR`, `--data-dir=DIR` or `LIANXIN_DATA_DIR`; null means the OS default. */
  dataDir: string | null;
  /** `--demo`: fill a new database with demo data. */
  demo: boolean;
}

export function parseLaunchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LaunchOptions {
  let dataDir: string | null = null;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--demo') demo = true;
    else if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        dataDir = next;
        i++;
      }
    } else if (arg?.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
  }
  if (!dataDir) dataDir = env.LIANXIN_DATA_DIR?.trim() || null;
  return { dataDir: dataDir || null, demo };
}
