/**
 * Who may talk to the backend over IPC (pure, no `electron` import, so it is unit-tested).
 * Only the top frame of one of the app's own windows, showing a page of the app's own origin.
 */
import { isAppUrl } from './appProtocolPaths';

export interface SenderFrame {
  url: string;
  /** False for iframes: only the window's own document may call. */
  isTopFrame: boolean;
}

export function isTrustedSender(
  frame: SenderFrame | null,
  trustedWebContentsIds: ReadonlySet<number>,
  senderWebContentsId: number,
): boolean {
  if (!trustedWebContentsIds.has(senderWebContentsId)) return false;
  if (frame === null || !frame.isTopFrame) return false;
  return isAppUrl(frame.url);
}
