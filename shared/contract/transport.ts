import type { AppErrorValue } from './errors';

/** What every transport carries back for a call: a value or a typed error, never a thrown exception. */
export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

/** The names the two transports agree on. */
export const IPC_CHANNEL_CALL = 'lianxin:call';
export const IPC_CHANNEL_EVENT = 'lianxin:event';
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
export const HTTP_SESSION_HEADER = 'x-lianxin-session';
/** Largest HTTP request body the web host reads (an Excel import as base64). */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;

/** The preload bridge as the renderer sees it (`window.lianxin`). */
export interface DesktopBridge {
  call(method: string, input: unknown): Promise<ApiResult>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Prints the current window's content (ticket slips, cards) silently or with the dialog. */
  print?(options: { silent: boolean; deviceName?: string }): Promise<boolean>;
  /** The system's chooser: a folder to back up into, or a backup file to restore. Null when cancelled. */
  choosePath?(kind: 'folder' | 'backupFile'): Promise<string | null>;
}
