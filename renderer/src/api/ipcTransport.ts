import type { DesktopBridge } from '../../../shared/contract';
import type { Transport } from './transport';

declare global {
  interface Window {
    lianxin?: DesktopBridge;
  }
}

/** The desktop app: the preload bridge carries calls over IPC; the session is kept per window in main. */
export function ipcTransport(bridge: DesktopBridge): Transport {
  return {
    call: (method, input) => bridge.call(method, input),
    subscribe(listener) {
      listener('connection', true);
      return bridge.onEvent(listener);
    },
  };
}
