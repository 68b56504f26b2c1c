import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './appProtocolPaths';
import type { IpcBridge } from './ipc';
import { secureWebPreferences } from './security';

export const APP_TITLE = '连心前台';
// Built by electron-vite next to out/main (see electron.vite.config.ts).
const PRELOAD_PATH = path.join(__dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;
let displayWindow: BrowserWindow | null = null;

function createWindow(
  ipc: IpcBridge,
  options: Electron.BrowserWindowConstructorOptions,
  route: string,
  extra: Pick<Electron.WebPreferences, 'autoplayPolicy'> = {},
): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    ...options,
    webPreferences: { ...secureWebPreferences(PRELOAD_PATH), ...extra },
  });
  ipc.attach(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}${route}`);
  return win;
}

export function createMainWindow(ipc: IpcBridge): BrowserWindow {
  mainWindow = createWindow(ipc, { width: 1366, height: 860, minWidth: 1024, minHeight: 640 }, '/');
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  return mainWindow;
}

export function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** The hall display (叫号屏): fullscreen on a second screen when there is one. */
export function openDisplayWindow(ipc: IpcBridge): void {
  if (displayWindow) {
    displayWindow.focus();
    return;
  }
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((display) => display.id !== primary.id);
  const placement: Electron.BrowserWindowConstructorOptions = second
    ? { ...second.bounds, fullscreen: true }
    : { width: 1280, height: 720 };
  // Nobody clicks the hall's TV: its chime and spoken calls must play without a first touch.
  displayWindow = createWindow(ipc, { ...placement, title: `${APP_TITLE} · 叫号屏`, autoHideMenuBar: true }, '/display', {
    autoplayPolicy: 'no-user-gesture-required',
  });
  displayWindow.removeMenu();
  displayWindow.on('closed', () => {
    displayWindow = null;
  });
}
