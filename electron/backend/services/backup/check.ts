import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { Db } from '../../db/open';
import { verifyAuditChain } from '../audit/chain';
import type { DiskShare } from './diskShare';
import { backupError, writeFailure } from './errors';

export interface CheckedCopy {
  schemaVersion: number;
  counts: Record<string, number>;
  /** The audit log's hash chain holds (null: a copy from before the chain existed). */
  auditChainOk: boolean | null;
}

/** A copy whose audit log was tampered with still counts as a backup (the households' data matters
 * more than the log's flaw); the flaw is reported on the settings page and in the manifest. */
function auditChainOf(db: Db): boolean | null {
  const chained = (db.prepare(`SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'hash'`).pluck().get() as number) > 0;
  return chained ? verifyAuditChain(db).ok : null;
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
 * version, the rows per table (the manifest's counts) and the audit log's hash chain. Slow on years of data: see copyAndCheck.
 */
export function checkDatabaseFile(file: string): CheckedCopy {
  let copy: Db | null = null;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw backupError('damaged');
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, counts: tableCounts(copy), auditChainOk: auditChainOf(copy) };
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) throw backupError('damaged');
    throw e;
  } finally {
    copy?.close();
  }
}

/** Pages per step of the copy; after each step the copy is flushed, and rests when sharing the disk (see copyAndCheck). */
const PAGES_PER_STEP = 2048;

/**
 * Copies the live database as it is at one moment and proves the copy whole. The copy is read from a
 * connection of its own holding one read transaction (WAL lets the desk go on writing meanwhile), so
 * the copy never restarts and is that moment exactly. The app runs this on a worker thread (see
 * makeBackupFile): SQLite's final sync of gigabytes and the integrity check then hold up no one; the
 * command line and tests run it in-process.
 */
export async function copyAndCheck(source: string, dest: string, share?: DiskShare): Promise<CheckedCopy> {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  let fd: number | null = null;
  try {
    src.pragma('busy_timeout = 5000');
    src.exec('BEGIN');
    src.prepare('SELECT count(*) FROM sqlite_master').get(); // the snapshot starts here
    // SQLite syncs the copy only at its end; flushing it after every step keeps the disk from holding
    // gigabytes of unwritten pages that a desk commit's fsync would queue behind (on this thread only)
    await src.backup(dest, {
      progress: () => {
        if (fd === null && fs.existsSync(dest)) fd = fs.openSync(dest, 'r+');
        if (fd !== null) fs.fdatasyncSync(fd);
        share?.restSync();
        return PAGES_PER_STEP;
      },
    });
    src.exec('COMMIT');
  } catch (e) {
    throw writeFailure(e);
  } finally {
    src.close();
    if (fd !== null) fs.closeSync(fd);
  }
  return checkDatabaseFile(dest);
}
