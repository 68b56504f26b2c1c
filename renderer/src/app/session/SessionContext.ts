import { createContext, useContext } from 'react';
import type { Me, Output } from '../../../../shared/contract';

export interface SessionValue {
  status: Output<'system.status'>;
  me: Me | null;
  locked: boolean;
  idleLockMinutes: number;
  /** Changes on every login, so the live-update stream reconnects with the new session. */
  sessionKey: string;
  connected: boolean;
  /** The user was signed out without signing out (expiry, restart, a changed role): the login page says so. */
  sessionExpired: boolean;
  signedIn(me: Me): void;
  logout(): Promise<void>;
  lock(): Promise<void>;
  unlocked(): void;
  /** Asks the backend again (after an unlock attempt ended the session, for instance). */
  refresh(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user; only for screens rendered behind the login gate. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
