import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settled } from './pages/settle';

export interface WebHostProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Starts the real web host (the same backend as the desktop app) on a fresh data folder. */
export async function startWebHost(opts: { demo?: boolean; dataDir?: string; env?: Record<string, string> } = {}): Promise<WebHostProcess> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-e2e-'));
  const args = ['electron/backend/web/main.ts', '--data-dir', dataDir, '--port', '0'];
  if (opts.demo) args.push('--demo');
  const child = spawn(TSX, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/web host: (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${out}`)));
  });
  // After start-up, whatever the backend says on stderr (a crash, a failed call) shows in the test log.
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[web host ${url}] ${d.toString()}`));
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== 143 && signal !== 'SIGTERM') process.stderr.write(`[web host ${url}] exited with ${code ?? signal}\n`);
  });
  return { url, dataDir, process: child };
}

export async function stopWebHost(h: WebHostProcess): Promise<void> {
  if (h.process.exitCode === null) {
    const exited = new Promise((r) => h.process.once('exit', r));
    h.process.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(h.dataDir, { recursive: true, force: true });
}

const SHOTS = path.join(ROOT, 'tests', 'e2e', 'screenshots');

/** Saves a full-page screenshot to tests/e2e/screenshots/<name>.png for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A full-page picture from the top (a page scrolled by a click would draw its sticky header mid-page), once antd's animations are over. */
export async function topShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  await shot(page, name);
}

/** `app`: a fresh, empty centre (first run). `demoApp`: the demo centre. Both torn down after the test. */
export const test = base.extend<{ app: WebHostProcess; demoApp: WebHostProcess }>({
  app: async ({}, use) => {
    const h = await startWebHost();
    await use(h);
    await stopWebHost(h);
  },
  demoApp: async ({}, use) => {
    const h = await startWebHost({ demo: true });
    await use(h);
    await stopWebHost(h);
  },
});

export { expect };
