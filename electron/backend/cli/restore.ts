import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDirInUse, restoreBackup } from '../services/backup/backup';
import { backupError } from '../services/backup/errors';
import { explain, readPassphrase } from './backupCli';

/** `npm run restore -- --data-dir DIR --from FILE [--passphrase-file P]`: only while the app is closed. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, from: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  });
  if (!values['data-dir'] || !values.from) {
    console.error('用法 / usage: npm run restore -- --data-dir DIR --from FILE [--passphrase-file P]  (先退出连心前台 / quit the app first)');
    return 2;
  }
  try {
    const passphrase = readPassphrase(values['passphrase-file']);
    const dataDir = path.resolve(values['data-dir']);
    if (dataDirInUse(dataDir)) throw backupError('backendOpen');
    const { manifest, keptAs } = await restoreBackup(dataDir, path.resolve(values.from), passphrase);
    const when = new Date(manifest.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
    console.log(`已恢复 ${when} 的备份 / restored the backup of ${when}`);
    if (keptAs) console.log(`原数据库保留为 / the previous database is kept as: ${keptAs}`);
    return 0;
  } catch (e) {
    console.error(`恢复失败，原数据未改动 / restore refused, nothing changed: ${explain(e)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
