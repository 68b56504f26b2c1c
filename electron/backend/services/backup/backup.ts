import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../db/ids';
import { LATEST_SCHEMA, migrate, NewerSchemaError } from '../../db/migrate';
import { DB_FILE_NAME, type Db } from '../../db/open';
import { backupError, writeFailure } from './errors';
import { decode, encode, sha256, type Manifest } from './format';

export type { Manifest } from './format';

/** Pages copied per step of the online backup, so the desk keeps answering while it runs. */
const PAGES_PER_STEP = 256;

function tableCounts(db: Db): Record<string, number> {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = db.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get() as number;
  return counts;
}

/** Opens a database file read-only and checks it is whole; returns its schema version and counts. */
function checkCopy(file: string): { schemaVersion: number; counts: Record<string, number> } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw backupError('damaged');
    return { schemaVersion: copy.pragma('user_version', { simple: true }) as number, counts: tableCounts(copy) };
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_')) throw backupError('damaged');
    throw e;
  } finally {
    copy.close();
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* the medium may be gone; nothing more to do */
  }
}

/** Writes bytes durably: to `file.partial`, fsync, then rename; on failure no partial file is left. */
function writeDurably(file: string, data: Buffer): void {
  const partial = `${file}.partial`;
  try {
    const fd = fs.openSync(partial, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
  } catch (e) {
    removeQuietly(partial);
    throw writeFailure(e);
  }
}

export async function createBackup(
  db: Db,
  dataDir: string,
  outFile: string,
  opts: { passphrase?: string; appVersion: string; now?: number },
): Promise<Manifest> {
  const tmp = path.join(dataDir, `backup-${newId()}.tmp.db`);
  try {
    try {
      await db.backup(tmp, { progress: () => PAGES_PER_STEP });
    } catch (e) {
      throw writeFailure(e);
    }
    const { schemaVersion, counts } = checkCopy(tmp);
    const bytes = fs.readFileSync(tmp);
    const manifest: Manifest = {
      format: 1,
      appVersion: opts.appVersion,
      schemaVersion,
      createdAt: opts.now ?? Date.now(),
      counts,
      dbBytes: bytes.length,
      sha256: sha256(bytes),
      encrypted: Boolean(opts.passphrase),
    };
    writeDurably(outFile, await encode(manifest, bytes, opts.passphrase));
    return manifest;
  } finally {
    for (const s of ['', '-wal', '-shm']) removeQuietly(tmp + s);
  }
}

export async function readBackup(file: string, passphrase?: string): Promise<{ manifest: Manifest; db: Buffer }> {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' || code === 'EIO' ? backupError('gone') : backupError('failed');
  }
  const result = await decode(raw, passphrase);
  if (result.manifest.schemaVersion > LATEST_SCHEMA) throw backupError('newer');
  return result;
}

/**
 * Replaces the database in dataDir with the one in the backup. The backend must not be running on
 * dataDir (command line or first run). Until the final rename the current database is untouched;
 * it is then kept beside as `lianxin.db.before-restore-<time>` (with its -wal/-shm).
 */
export async function restoreBackup(
  dataDir: string,
  file: string,
  passphrase?: string,
  now = Date.now(),
): Promise<{ manifest: Manifest; keptAs: string | null }> {
  const { manifest, db: bytes } = await readBackup(file, passphrase);
  fs.mkdirSync(dataDir, { recursive: true });
  const live = path.join(dataDir, DB_FILE_NAME);
  const staged = path.join(dataDir, `${DB_FILE_NAME}.restoring-${now}`);
  try {
    writeDurably(staged, bytes);
    const { schemaVersion, counts } = checkCopy(staged);
    if (schemaVersion !== manifest.schemaVersion || JSON.stringify(counts) !== JSON.stringify(manifest.counts)) {
      throw backupError('damaged');
    }
    const opened = new Database(staged, { fileMustExist: true });
    try {
      migrate(opened);
      opened.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      throw e instanceof NewerSchemaError ? backupError('newer') : e;
    } finally {
      opened.close();
    }
    for (const s of ['-wal', '-shm']) removeQuietly(staged + s);
  } catch (e) {
    for (const s of ['', '-wal', '-shm']) removeQuietly(staged + s);
    throw writeFailure(e);
  }
  let keptAs: string | null = null;
  if (fs.existsSync(live)) {
    keptAs = `${live}.before-restore-${now}`;
    fs.renameSync(live, keptAs);
    for (const s of ['-wal', '-shm']) if (fs.existsSync(live + s)) fs.renameSync(live + s, keptAs + s);
  }
  fs.renameSync(staged, live);
  return { manifest, keptAs };
}
