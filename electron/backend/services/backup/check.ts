import Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { backupError, writeFailure } from './errors';

export interface CheckedCopy {
  schemaVersion: number;
  counts: Record<string, number>;
}

export function tableCounts(db: Db): Record<string, number> {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = db.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get() as number;
  return counts;
}

/**
 * Opens a database file read-only and proves it whole: SQLite's integrity check, then its schema
 * version and the rows per table (the manifest's counts). Slow on years of data: see copyAndCheck.
 */
export function checkDatabaseFile(file: string): CheckedCopy {
  let copy: Db | null = null;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw backupError('damaged');
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, counts: tableCounts(copy) };
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) throw backupError('damaged');
    throw e;
  } finally {
    copy?.close();
  }
}

/** Pages per step of the copy; it runs off the main thread, so steps can be large. */
const PAGES_PER_STEP = 4096;

/**
 * Copies the live database as it is at one moment and proves the copy whole. The copy is read from a
 * connection of its own holding one read transaction (WAL lets the desk go on writing meanwhile), so
 * the copy never restarts and is that moment exactly. The app runs this on a worker thread (the read
 * worker's `backup.copyAndCheck`): SQLite's final sync of gigabytes and the integrity check then hold
 * up no one; the command line and tests run it in-process.
 */
export async function copyAndCheck(source: string, dest: string): Promise<CheckedCopy> {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    src.exec('BEGIN');
    src.prepare('SELECT count(*) FROM sqlite_master').get(); // the snapshot starts here
    await src.backup(dest, { progress: () => PAGES_PER_STEP });
    src.exec('COMMIT');
  } catch (e) {
    throw writeFailure(e);
  } finally {
    src.close();
  }
  return checkDatabaseFile(dest);
}
