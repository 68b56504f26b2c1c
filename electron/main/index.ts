/** Electron main process: lifecycle only. Everything that can run without Electron is in the backend. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, session } from 'electron';
import { createBackend, type Backend } from '../backend/app';
import { createSecretStore } from '../backend/secrets/secretStore';
import { safeStorageSeal } from './safeStorageSeal';
import { registerIpc } from './ipc';
import { parseLaunchOptions } from './launchOptions';
import { installApplicationMenu } from './menu';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { denyAllPermissions, hardenAllWebContents } from './security';
import { createMainWindow, focusMainWindow } from './windows';

const RENDERER_ROOT = path.join(__dirname, '../renderer');

const options = parseLaunchOptions(process.argv, process.env);
// A data folder of its own also gets its own Chromium profile and its own single-instance lock,
// so a test (or a second centre on one PC) never collides with the installed app.
if (options.dataDir) {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  app.setPath('userData', dataDir);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main();
}

function main(): void {
  let backend: Backend | null = null;

  // Every renderer sandboxed, whatever a window's webPreferences say.
  app.enableSandbox();
  registerAppSchemeAsPrivileged();
  hardenAllWebContents();

  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the on-quit backup (at most one an hour) and a clean close of the database.
  let quitting = false;
  app.on('will-quit', (event) => {
    if (!backend || quitting) return;
    quitting = true;
    event.preventDefault();
    const closing = backend;
    backend = null;
    void closing
      .shutdown()
      .catch((e: unknown) => console.error('backup on quit failed', e))
      .finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    denyAllPermissions();
    handleAppProtocol(RENDERER_ROOT);
    try {
      const dataDir = app.getPath('userData');
      backend = createBackend({
        dataDir,
        demo: options.demo,
        autoBackup: true,
        secrets: createSecretStore(dataDir, safeStorageSeal()),
        // The system proxy (and PAC) as Chrome sees it; the sync engine calls the county through it.
        resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      });
    } catch (error) {
      // E.g. a database written by a newer version: say so and stop rather than run half-broken.
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('连心前台无法启动', `无法打开数据文件夹 ${app.getPath('userData')}\n\n${message}`);
      app.exit(1);
      return;
    }
    const ipc = registerIpc(backend);
    installApplicationMenu(ipc);
    createMainWindow(ipc);
  });
}
