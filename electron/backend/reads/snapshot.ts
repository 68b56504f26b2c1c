import type { Db } from '../db/open';

/**
 * Runs a read task on the worker's connection inside one read transaction. On the main thread a task
 * was one synchronous run, so nothing could commit half-way through it; on the worker the desk keeps
 * writing while a year of figures is read statement by statement, and without one snapshot the
 * totals, the rows and the series could each see a different moment (a ticket issued in between
 * counted in one and not in the other).
 * The snapshot covers the task's synchronous part: every task reads all it needs before its first
 * await (a workbook is then built from those rows), so the transaction ends when the call returns and
 * another task may run while a workbook is being zipped. A read after an await would see a later moment.
 */
export function inSnapshot<T>(db: Db, task: () => T): T {
  db.exec('BEGIN');
  try {
    return task();
  } finally {
    // Nothing was written: ending the read transaction either way releases the snapshot.
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}
