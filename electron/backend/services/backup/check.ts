import Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { backupError } from './errors';

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
 * version and the rows per table (the manifest's counts). Slow on years of data, so the app runs it
 * on a worker thread (the read worker's `backup.checkFile`); the command line runs it inline.
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
