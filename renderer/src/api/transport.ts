import type { ApiResult } from '../../../shared/contract';

/** How the renderer reaches the backend: Electron IPC in the desktop app, HTTP + SSE in a browser. */
export interface Transport {
  call(method: string, input: unknown): Promise<ApiResult>;
  /** Pushed events; the listener also hears `connection` changes (true/false). */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}
