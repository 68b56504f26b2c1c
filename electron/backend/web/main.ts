import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createBackend } from '../app';
import { NewerSchemaError } from '../db/migrate';
import { startWebHost, type WebHost } from './server';
import { getSetting } from '../services/centre/settings';

/**
 * `npm run web` / `tsx electron/backend/web/main.ts [--data-dir DIR] [--port N] [--host H] [--demo]`
 * The same app as the desktop window, in any browser. --port 0 picks a free port; the URL is printed.
 * `--hall-port N [--hall-host H]` also opens the hall listener for the centre's LAN (default host 0.0.0.0):
 * the TV's browser at /display and a kiosk at /kiosk, answering only their public calls.
 */
const REPO_ROOT = path.resolve(__dirname, '../../..');

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5180' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      'hall-port': { type: 'string' },
      'hall-host': { type: 'string', default: '0.0.0.0' },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? process.env.LIANXIN_DATA_DIR ?? path.join(REPO_ROOT, '.data', 'web'));
  const port = parsePort(values.port, '--port');
  const hallPort = values['hall-port'] === undefined ? null : parsePort(values['hall-port'], '--hall-port');
  const staticRoot = path.join(REPO_ROOT, 'out', 'renderer');
  let backend;
  try {
    backend = createBackend({ dataDir, demo: values.demo, autoBackup: true });
  } catch (e) {
    console.error(e instanceof NewerSchemaError ? e.message : e);
    process.exit(1);
  }
  const root = fs.existsSync(staticRoot) ? staticRoot : null;
  let host: WebHost;
  let hall: WebHost | null = null;
  try {
    host = await startWebHost({ backend, staticRoot: root, host: values.host, port });
    if (hallPort !== null) hall = await startWebHost({ backend, staticRoot: root, host: values['hall-host'], port: hallPort, hallOnly: true });
  } catch (e) {
    backend.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') console.error(`端口已被占用（也许连心前台已在运行）。可用 --port 换一个端口，--port 0 自动选择。 / Port in use.`);
    else console.error(e);
    process.exit(1);
  }
  console.log(`连心前台 web host: ${host.url}  (data: ${dataDir})`);
  if (hall) console.log(`叫号屏/取号机 hall listener: ${hall.url}/display  ${hall.url}/kiosk`);
  const demo = getSetting<string, { username: string; password: string } | null>(backend.db, 'demoLogin', null);
  if (demo) console.log(`演示账号 / demo login: ${demo.username} / ${demo.password}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await hall?.close();
    await backend.shutdown();
    console.log(`stopped on ${signal}; backup made if due, database checkpointed and closed`);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function parsePort(value: string, flag: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效：${value} / invalid ${flag}`);
    process.exit(2);
  }
  return port;
}

void main();
