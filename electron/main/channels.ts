/**
 * IPC channel names used by the main process and the preload (pure; bundled into both).
 * The call and event channels are part of the shared transport contract; printing is
 * desktop-only, so its channel lives here.
 */
export { IPC_CHANNEL_CALL, IPC_CHANNEL_EVENT } from '../../shared/contract/transport';

export const IPC_CHANNEL_PRINT = 'lianxin:print';
export const IPC_CHANNEL_CHOOSE_PATH = 'lianxin:choose-path';

export interface PrintRequest {
  silent: boolean;
  deviceName?: string;
}
