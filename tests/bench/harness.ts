import type { Backend, SessionSlot } from '../../electron/backend/app';

/** One line of the report. `kb` is for size benchmarks, whose time fields are null. */
export interface BenchResult {
  name: string;
  n: number;
  median_ms: number | null;
  p95_ms: number | null;
  /** The longest single sample: nothing may block the main process for more than 50 ms. */
  max_ms?: number | null;
  budget_ms: number | null;
  kb?: number;
}

export interface BenchContext {
  dataDir: string;
  repoRoot: string;
  /**
   * The shared backend, opened on first use with the bench admin logged in; a bench that opens its
   * own (cold start) runs before anyone asks for it, so it finds the database closed.
   */
  backend(): Promise<{ backend: Backend; admin: SessionSlot }>;
  /** Calls the shared backend through the real dispatcher and unwraps the value; a failed call is a broken benchmark. */
  call(method: string, input: unknown): Promise<unknown>;
}

/** A benchmark file exports one of these; run.ts lists them. One bench may report several lines. */
export interface Bench {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function summarise(name: string, samples: number[], budgetMs: number | null): BenchResult {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    n: samples.length,
    median_ms: round(percentile(sorted, 0.5)),
    p95_ms: round(percentile(sorted, 0.95)),
    max_ms: round(sorted[sorted.length - 1]!),
    budget_ms: budgetMs,
  };
}

/** Times `fn` once per item, after running it on the first `warmup` items unmeasured. */
export async function timeEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown> | unknown, warmup = 10): Promise<number[]> {
  for (const item of items.slice(0, warmup)) await fn(item);
  const samples: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    samples.push(performance.now() - t);
  }
  return samples;
}

/**
 * The longest the main thread's event loop was held up while `fn` ran (resolution 1 ms): for calls
 * that hand their work to the read worker, the call's own duration says nothing about blocking.
 */
export async function longestBlock(fn: () => Promise<unknown>): Promise<number> {
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  try {
    await fn();
  } finally {
    h.disable();
  }
  return Math.round((h.max / 1e6) * 100) / 100;
}
