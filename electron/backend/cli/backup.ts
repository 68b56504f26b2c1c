import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DB_FILE_NAME } from '../db/open';
import { createBackup } from '../services/backup/backup';
import { APP_VERSION } from '../version';
import { explain, readPassphrase } from './backupCli';

/** `npm run backup -- --data-dir DIR --out FILE [--passphrase-file P]`: an online backup, safe while the app runs. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  });
  if (!values['data-dir'] || !values.out) {
    console.error('用法 / usage: npm run backup -- --data-dir DIR --out FILE [--passphrase-file P]');
    return 2;
  }
  const dataDir = path.resolve(values['data-dir']);
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  if (!fs.existsSync(dbFile)) {
    console.error(`数据文件夹里没有数据库 / no database in ${dataDir}`);
    return 1;
  }
  try {
    const passphrase = readPassphrase(values['passphrase-file']);
    const db = new Database(dbFile, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const out = path.resolve(values.out);
      const m = await createBackup(db, dataDir, out, { passphrase, appVersion: APP_VERSION });
      const rows = Object.values(m.counts).reduce((a, b) => a + b, 0);
      console.log(`备份完成 / backup written: ${out} (${rows} rows, schema ${m.schemaVersion}${passphrase ? ', encrypted' : ''})`);
      return 0;
    } finally {
      db.close();
    }
  } catch (e) {
    console.error(`备份失败 / backup failed: ${explain(e)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
