import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createBackend } from '../app';
import { NewerSchemaError } from '../db/migrate';
import { startWebHost } from './server';
import { getSetting } from '../services/centre/settings';

/**
 * `npm run web` / `tsx electron/backend/web/main.ts [--data-dir DIR] [--port N] [--host H] [--demo]`
 * The same app as the desktop window, in any browser. --port 0 picks a free port; the URL is printed.
 */
const REPO_ROOT = path.resolve(__dirname, '../../..');

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5180' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? process.env.LIANXIN_DATA_DIR ?? path.join(REPO_ROOT, '.data', 'web'));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效：${values.port} / invalid --port`);
    process.exit(2);
  }
  const staticRoot = path.join(REPO_ROOT, 'out', 'renderer');
  let backend;
  try {
    backend = createBackend({ dataDir, demo: values.demo });
  } catch (e) {
    console.error(e instanceof NewerSchemaError ? e.message : e);
    process.exit(1);
  }
  let host;
  try {
    host = await startWebHost({ backend, staticRoot: fs.existsSync(staticRoot) ? staticRoot : null, host: values.host, port });
  } catch (e) {
    backend.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') console.error(`端口 ${port} 已被占用（也许连心前台已在运行）。可用 --port 换一个端口，--port 0 自动选择。 / Port ${port} is in use.`);
    else console.error(e);
    process.exit(1);
  }
  console.log(`连心前台 web host: ${host.url}  (data: ${dataDir})`);
  const demo = getSetting<string, { username: string; password: string } | null>(backend.db, 'demoLogin', null);
  if (demo) console.log(`演示账号 / demo login: ${demo.username} / ${demo.password}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await host.close();
    backend.close();
    console.log(`stopped on ${signal}; database checkpointed and closed`);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
