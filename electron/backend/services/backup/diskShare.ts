import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Rest this many times as long as each step of writing took: the backup has the disk a quarter of the time. */
const REST_PER_WORK = 3;

/**
 * Leaves the data folder's disk to the desk most of the time. A backup writes gigabytes as fast as the
 * disk takes them, and a desk commit's fsync (synchronous=FULL) waits in the disk's queue behind them.
 * Writing in small steps (flushed after each) and resting after each step keeps the disk mostly idle:
 * a commit seldom meets a step and then waits for one small step at most. The backup takes longer
 * (measured on the ten-year dataset: 90 s → 200 s) and the desk's writes stay within their budget.
 */
export class DiskShare {
  /** Bytes of a backup file written between flushes (see writeDurably). */
  static readonly STEP_BYTES = 2 * 1024 * 1024;
  private since = performance.now();

  /** After a step of work: rests REST_PER_WORK times as long as the step took. */
  async rest(): Promise<void> {
    await sleep(this.owed());
    this.since = performance.now();
  }

  /** The same, blocking the thread: for SQLite's backup steps, whose callback cannot wait. Worker threads only. */
  restSync(): void {
    const ms = this.owed();
    if (!isMainThread && ms >= 1) Atomics.wait(SLEEPER, 0, 0, ms);
    this.since = performance.now();
  }

  private owed(): number {
    return Math.min(1000, (performance.now() - this.since) * REST_PER_WORK);
  }
}
