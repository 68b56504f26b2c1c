#!/usr/bin/env node
/**
 * `npm start [-- --demo --data-dir DIR]`: make sure the Electron binary is there, build, launch.
 *
 * Electron's own install script downloads the binary from outside the npm registry, so on machines
 * that only reach the registry it is missing; we try once (with a time limit) and otherwise say
 * what to do instead: `npm run web`, the same app in a browser.
 *
 * We run `electron-vite build` and spawn the binary ourselves rather than `electron-vite preview`:
 * the binary check comes before any build work, and the arguments reach the app unchanged.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 60_000;

/** The Electron executable, or null when it has not been downloaded. */
function findElectronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Runs Electron's install script; resolves with a short reason when it fails. */
function tryDownloadElectron() {
  return new Promise((resolve) => {
    console.log('正在下载 Electron 程序文件… / Downloading the Electron binary…');
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve(`timed out after ${INSTALL_TIMEOUT_MS / 1000} s`);
    }, INSTALL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? '';
      resolve(code === 0 ? null : firstLine.trim() || `install.js exited with code ${code}`);
    });
  });
}

function explainMissingBinary(reason) {
  console.error(`
────────────────────────────────────────────────────────────────────────
无法启动桌面版：本机未能下载 Electron 程序文件（这台机器只能访问 npm 软件源）。
请改用网页版：运行  npm run web ，它在 http://127.0.0.1:端口（见其输出）上提供同一个应用，
用浏览器打开即可。
如果有可用的 Electron 镜像，可设置 ELECTRON_MIRROR 后重试 npm start，例如：
  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start

Cannot start the desktop app: the Electron binary could not be downloaded on this
machine (only the npm registry is reachable).
Use  npm run web  instead: it serves the same app at http://127.0.0.1:PORT (printed on
start); open that address in a browser.
If an Electron mirror is reachable, set ELECTRON_MIRROR and run npm start again.
────────────────────────────────────────────────────────────────────────
(${reason})`);
}

async function main() {
  let binary = findElectronBinary();
  if (!binary) {
    const failure = await tryDownloadElectron();
    binary = findElectronBinary();
    if (!binary) {
      explainMissingBinary(failure ?? 'the install script finished but no binary was found');
      process.exit(1);
    }
  }

  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const app = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (app.exitCode === null) app.kill(signal);
    });
  }
  app.on('close', (code, signal) => {
    if (code !== 0 && process.platform === 'linux' && process.getuid?.() === 0) {
      console.error('Electron 不能以 root 身份运行（Chromium 沙箱）。/ Electron refuses to run as root (Chromium sandbox).');
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

await main();
