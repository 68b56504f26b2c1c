import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../../../shared/contract';

let signingOut = false;

/** Call before signing out on purpose, so the change is not announced as an expiry. */
export function markSigningOut(): void {
  signingOut = true;
}

/**
 * Announces (once) when the signed-in user is gone without having signed out: the backend forgot
 * the session (restart, expiry, a changed role) and a read or a failed call found out.
 */
export function useExpiryNotice(notify: () => void): void {
  const qc = useQueryClient();
  useEffect(() => {
    let lastMe = qc.getQueryData<SessionInfo>(['session.get', {}])?.me ?? null;
    return qc.getQueryCache().subscribe((ev) => {
      if (ev.query.queryKey[0] !== 'session.get' || ev.type !== 'updated' || ev.action.type !== 'success') return;
      const me = (ev.query.state.data as SessionInfo | undefined)?.me ?? null;
      if (lastMe && !me && !signingOut) notify();
      if (!me) signingOut = false;
      lastMe = me;
    });
  }, [qc, notify]);
}
