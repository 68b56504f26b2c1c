/**
 * The one file with raw `ipcMain`: every handler first checks the sender, then forwards to the
 * backend with that window's own session slot.
 */
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiResult } from '../../shared/contract/transport';
import type { Backend, SessionSlot } from '../backend/app';
import { isAppUrl } from './appProtocolPaths';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_CHOOSE_PATH, IPC_CHANNEL_EVENT, IPC_CHANNEL_PRINT } from './channels';
import { isTrustedSender } from './ipcGuard';

const UNTRUSTED_SENDER: ApiResult = { ok: false, error: { code: 'FORBIDDEN', key: 'error.untrustedSender' } };

interface AttachedWindow {
  /** Each window logs in on its own: the desk and the hall display are different sessions. */
  slot: SessionSlot;
  unsubscribe(): void;
}

export interface IpcBridge {
  /** Makes a window one of the app's own: trusted for IPC, with its own session and events. */
  attach(contents: WebContents): void;
}

export function registerIpc(backend: Backend): IpcBridge {
  const attached = new Map<number, AttachedWindow>();
  const trustedIds = new Set<number>();

  function trustedSlot(event: IpcMainInvokeEvent): SessionSlot | null {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
    if (!isTrustedSender(sender, trustedIds, event.sender.id)) return null;
    return attached.get(event.sender.id)?.slot ?? null;
  }

  ipcMain.handle(IPC_CHANNEL_CALL, async (event, method: unknown, input: unknown): Promise<ApiResult> => {
    const slot = trustedSlot(event);
    if (!slot) return UNTRUSTED_SENDER;
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_REQUEST', key: 'error.unknownMethod' } };
    try {
      return await backend.dispatch(slot, method, input);
    } catch (error) {
      console.error(`[ipc] ${method} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', key: 'error.internal' } };
    }
  });

  ipcMain.handle(IPC_CHANNEL_PRINT, (event, options: unknown): Promise<boolean> => {
    if (!trustedSlot(event)) return Promise.resolve(false);
    const request = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
    const deviceName = typeof request.deviceName === 'string' && request.deviceName !== '' ? request.deviceName : undefined;
    return new Promise((resolve) => {
      event.sender.print({ silent: request.silent === true, printBackground: true, deviceName }, (success, reason) => {
        if (!success && reason !== 'Print job canceled') console.warn(`[ipc] print failed: ${reason}`);
        resolve(success);
      });
    });
  });

  // The path the person picks goes to the backend, which checks it like any typed input.
  ipcMain.handle(IPC_CHANNEL_CHOOSE_PATH, async (event, kind: unknown): Promise<string | null> => {
    if (!trustedSlot(event)) return null;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions =
      kind === 'folder'
        ? { title: '选择备份保存到的文件夹（如U盘）', properties: ['openDirectory', 'createDirectory'] }
        : { title: '选择备份文件', properties: ['openFile'], filters: [{ name: '连心前台备份', extensions: ['lxbk'] }] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });

  return {
    attach(contents) {
      const id = contents.id;
      const slot: SessionSlot = { sessionId: null };
      const unsubscribe = backend.subscribe(slot, (name, payload) => {
        // Never push data into a page that is not the app's own (navigation is blocked anyway).
        if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_CHANNEL_EVENT, name, payload);
      });
      attached.set(id, { slot, unsubscribe });
      trustedIds.add(id);
      contents.once('destroyed', () => {
        trustedIds.delete(id);
        attached.get(id)?.unsubscribe();
        attached.delete(id);
      });
    },
  };
}
