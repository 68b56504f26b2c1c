import type { Db } from '../db/open';

/**
 * Runs read tasks on the worker's connection one after another, each inside one read transaction.
 * On the main thread a task was one synchronous run, so nothing could commit half-way through it; on
 * the worker the desk keeps writing while a year of figures is read statement by statement, and
 * without one snapshot the totals, the rows and the series could each see a different moment (a
 * ticket issued in between counted in one and not the other). One at a time, because a task that
 * awaits (a workbook) must not have the next task's BEGIN run inside its transaction.
 */
export function snapshotRunner(db: Db) {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = tail.then(async () => {
      db.exec('BEGIN');
      try {
        return await task();
      } finally {
        // Nothing was written: ending the read transaction either way releases the snapshot.
        if (db.inTransaction) db.exec('ROLLBACK');
      }
    });
    tail = result.catch(() => undefined);
    return result;
  };
}
