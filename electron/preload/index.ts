/**
 * The preload bridge (`window.lianxin`), the one file with raw `ipcRenderer`. It runs sandboxed:
 * only `electron` may be required at run time, so it imports nothing but types and constants,
 * which the build inlines.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult, DesktopBridge } from '../../shared/contract/transport';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_CHOOSE_PATH, IPC_CHANNEL_EVENT, IPC_CHANNEL_PRINT, type PrintRequest } from '../main/channels';

const bridge: DesktopBridge = {
  call(method: string, input: unknown): Promise<ApiResult> {
    return ipcRenderer.invoke(IPC_CHANNEL_CALL, method, input) as Promise<ApiResult>;
  },

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    // The IPC event object (with `sender`) never reaches the page.
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(IPC_CHANNEL_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNEL_EVENT, handler);
    };
  },

  print(options: { silent: boolean; deviceName?: string }): Promise<boolean> {
    const request: PrintRequest = { silent: options?.silent === true };
    if (typeof options?.deviceName === 'string') request.deviceName = options.deviceName;
    return ipcRenderer.invoke(IPC_CHANNEL_PRINT, request) as Promise<boolean>;
  },

  choosePath(kind: 'folder' | 'backupFile'): Promise<string | null> {
    return ipcRenderer.invoke(IPC_CHANNEL_CHOOSE_PATH, kind === 'folder' ? 'folder' : 'backupFile') as Promise<string | null>;
  },
};

contextBridge.exposeInMainWorld('lianxin', bridge);
