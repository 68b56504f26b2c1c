import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate';

export type Db = Database.Database;

export const DB_FILE_NAME = 'lianxin.db';

/**
 * Opens (creating if needed) the centre's database and brings its schema up to date.
 *
 * Durability: WAL with synchronous=FULL. In WAL mode NORMAL can lose the last transactions on a
 * power cut (they are in the WAL but not yet fsynced); the desk acknowledges a ticket or a purchase
 * to a person standing in front of it, so an acknowledged write must survive. FULL costs one fsync
 * per commit, well within the write budgets.
 */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DB_FILE_NAME));
  try {
    applyPragmas(db);
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
}

/** Clean shutdown: fold the WAL back into the main file so the folder holds one self-contained file. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
