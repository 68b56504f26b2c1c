import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, openDatabase } from '../db/open';
import { NewerSchemaError } from '../db/migrate';
import { countUsers } from '../services/accounts/users';
import { createSecretStore } from '../secrets/secretStore';
import { DEMO_PASSWORD, fillDemoCentre } from './demoData';

/** `npm run demo -- --data-dir DIR`: fills a new database with the fictional demo centre. */
function main(): number {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dir = values['data-dir'] ?? process.env.LIANXIN_DATA_DIR;
  if (!dir) {
    console.error('请用 --data-dir 指定数据文件夹 / usage: npm run demo -- --data-dir DIR');
    return 2;
  }
  const dataDir = path.resolve(dir);
  let db;
  try {
    db = openDatabase(dataDir);
  } catch (e) {
    console.error(e instanceof NewerSchemaError ? e.message : e);
    return 1;
  }
  try {
    if (countUsers(db) > 0) {
      console.error(
        `此数据库已有账号，不能填入演示数据（不会改动任何内容）：${dataDir}\n` +
          `This database already has users; demo data goes only into a new one. Nothing was changed.`,
      );
      return 1;
    }
    const started = Date.now();
    // The web host's store (user-only files in the data folder); the Electron app seals its own with safeStorage.
    fillDemoCentre(db, Date.now(), createSecretStore(dataDir));
    const n = (db.prepare('SELECT count(*) n FROM residents').get() as { n: number }).n;
    console.log(`演示中心已填入 / demo centre filled: ${n} residents in ${Date.now() - started} ms → ${dataDir}`);
    console.log(`登录 / log in: admin / ${DEMO_PASSWORD} (also qiantai, zhiban, shanghu, shop1, shop2, shop3)`);
    return 0;
  } finally {
    closeDatabase(db);
  }
}

process.exitCode = main();
