import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../db/ids';
import { LATEST_SCHEMA, migrate, NewerSchemaError } from '../../db/migrate';
import { DB_FILE_NAME, type Db } from '../../db/open';
import { checkDatabaseFile } from './check';
import { removeQuietly } from './durableWrite';
import { backupError, writeFailure } from './errors';
import { extractDatabase, inspectFile, type Manifest } from './format';
import { makeBackupFile, type FileMaker } from './make';

export type { Manifest } from './format';
export type { FileMaker } from './make';

async function removeAll(files: string[]): Promise<void> {
  await Promise.all(files.map(removeQuietly));
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/**
 * An online backup of the live database (SQLite's backup API from a read snapshot, so desk writes go
 * on), proven whole, then written as a backup file: to `file.partial`, fsynced, renamed. On any
 * failure no partial file is left and the live database is untouched.
 */
export async function createBackup(
  db: Db,
  dataDir: string,
  outFile: string,
  opts: { passphrase?: string; appVersion: string; now?: number; make?: FileMaker; shareDisk?: boolean },
): Promise<Manifest> {
  const tmp = path.join(dataDir, `backup-${newId()}.tmp.db`);
  const partial = `${outFile}.partial`;
  try {
    const job = { source: db.name, tmp, partial, passphrase: opts.passphrase, appVersion: opts.appVersion, createdAt: opts.now ?? Date.now(), shareDisk: opts.shareDisk };
    const manifest = await (opts.make ?? makeBackupFile)(job);
    try {
      await fs.promises.rename(partial, outFile);
    } catch (e) {
      throw writeFailure(e);
    }
    return manifest;
  } finally {
    await removeAll([partial, ...['', '-wal', '-shm', '-journal'].map((s) => tmp + s)]);
  }
}

function openBackupFile(file: string): number {
  try {
    return fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw backupError('fileMissing');
    if (code === 'EISDIR') throw backupError('notBackup');
    throw writeFailure(e);
  }
}

/** What a backup file is (header, and the passphrase when it has one), without reading the database. */
export async function inspectBackup(file: string, passphrase?: string): Promise<Manifest> {
  const fd = openBackupFile(file);
  try {
    const { manifest } = await inspectFile(fd, passphrase);
    if (manifest.schemaVersion > LATEST_SCHEMA) throw backupError('newer');
    return manifest;
  } finally {
    fs.closeSync(fd);
  }
}

/** The process that holds the data folder, if it is still alive (a SIGKILLed app leaves a stale file). */
export const LOCK_FILE = 'lianxin.pid';
export function dataDirInUse(dataDir: string): boolean {
  const lock = path.join(dataDir, LOCK_FILE);
  if (!fs.existsSync(lock)) return false;
  const pid = Number(fs.readFileSync(lock, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replaces the database in dataDir with the one in the backup. Nothing may have the database open
 * (the app closes its own before calling this). The backup is written out beside the live database,
 * proven whole and migrated to this version; only then is the live database moved aside as
 * `lianxin.db.before-restore-<time>` (with its -wal/-shm) and the restored one put in its place. If
 * that last step fails, the old database is put back.
 */
export async function restoreBackup(
  dataDir: string,
  file: string,
  passphrase?: string,
  opts: { now?: number } = {},
): Promise<{ manifest: Manifest; keptAs: string | null }> {
  const now = opts.now ?? Date.now();
  fs.mkdirSync(dataDir, { recursive: true });
  const live = path.join(dataDir, DB_FILE_NAME);
  const staged = path.join(dataDir, `${DB_FILE_NAME}.restoring-${now}`);
  let manifest: Manifest;
  const fd = openBackupFile(file);
  try {
    ({ manifest } = await inspectFile(fd, passphrase));
    if (manifest.schemaVersion > LATEST_SCHEMA) throw backupError('newer');
    await extractDatabase(fd, staged, passphrase);
    const { schemaVersion, counts } = checkDatabaseFile(staged);
    if (schemaVersion !== manifest.schemaVersion || !sameCounts(counts, manifest.counts)) throw backupError('damaged');
    const opened = new Database(staged, { fileMustExist: true });
    try {
      migrate(opened);
      opened.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      throw e instanceof NewerSchemaError ? backupError('newer') : e;
    } finally {
      opened.close();
    }
    await removeAll(['-wal', '-shm'].map((s) => staged + s));
  } catch (e) {
    await removeAll(['', '-wal', '-shm'].map((s) => staged + s));
    throw writeFailure(e);
  } finally {
    fs.closeSync(fd);
  }
  return { manifest, keptAs: swapIn(live, staged, now) };
}

/** Moves the live database (and its -wal/-shm) aside and the restored one in; undoes the move on failure. */
export function swapIn(live: string, staged: string, now: number): string | null {
  const keptAs = fs.existsSync(live) ? `${live}.before-restore-${now}` : null;
  const moved: [string, string][] = [];
  try {
    if (keptAs) {
      for (const s of ['', '-wal', '-shm']) {
        if (!fs.existsSync(live + s)) continue;
        fs.renameSync(live + s, keptAs + s);
        moved.push([live + s, keptAs + s]);
      }
    }
    fs.renameSync(staged, live);
    return keptAs;
  } catch (e) {
    for (const [from, to] of moved.reverse()) fs.renameSync(to, from);
    void removeQuietly(staged);
    throw writeFailure(e);
  }
}
