import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { AppErrorValue, Me, SessionInfo } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useApiQuery, useLiveUpdates } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n';
import { SessionContext, type SessionValue } from './SessionContext';
import { useApiErrorWatch } from './useApiErrorWatch';
import { markSigningOut, useExpiryNotice } from './useExpiryNotice';

const SESSION_KEY = ['session.get', {}];
const KEEP_ACROSS_LOGINS = new Set(['system.status', 'session.get']);

/** Who is signed in, whether the screen is locked, and the centre's status, for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const status = useApiQuery('system.status', {}, { staleTime: Infinity });
  const session = useApiQuery('session.get', {}, { staleTime: Infinity });
  const [loginCount, setLoginCount] = useState(0);
  const [connected, setConnected] = useState(true);

  const patchSession = useCallback(
    (patch: Partial<SessionInfo>) => qc.setQueryData<SessionInfo>(SESSION_KEY, (old) => ({ idleLockMinutes: 10, me: null, locked: false, ...old, ...patch })),
    [qc],
  );
  const forgetUserData = useCallback(
    () => qc.removeQueries({ predicate: (q) => !KEEP_ACROSS_LOGINS.has(String(q.queryKey[0])) }),
    [qc],
  );

  const onApiError = useCallback(
    (e: AppErrorValue) => {
      const current = qc.getQueryData<SessionInfo>(SESSION_KEY);
      if (e.code === 'UNAUTHENTICATED' && current?.me) {
        patchSession({ me: null, locked: false });
        forgetUserData();
      } else if (e.code === 'LOCKED' && current?.me && !current.locked) {
        patchSession({ locked: true });
      }
    },
    [qc, patchSession, forgetUserData],
  );
  useApiErrorWatch(onApiError);

  const [sessionExpired, setSessionExpired] = useState(false);
  const notifyExpired = useCallback(() => setSessionExpired(true), []);
  useExpiryNotice(notifyExpired);

  const logout = useCallback(async () => {
    markSigningOut();
    try {
      await call('session.logout', {});
    } catch {
      /* signed out locally either way */
    }
    forgetUserData();
    patchSession({ me: null, locked: false });
  }, [forgetUserData, patchSession]);

  const sessionKey = `${session.data?.me?.id ?? 'none'}:${loginCount}`;
  useLiveUpdates(sessionKey, setConnected);

  const value = useMemo<SessionValue | null>(() => {
    if (!status.data || !session.data) return null;
    return {
      status: status.data,
      me: session.data.me,
      locked: session.data.locked,
      idleLockMinutes: session.data.idleLockMinutes,
      sessionKey,
      connected,
      sessionExpired,
      signedIn(me: Me) {
        setSessionExpired(false);
        forgetUserData();
        patchSession({ me, locked: false });
        setLoginCount((n) => n + 1);
        void qc.invalidateQueries({ queryKey: SESSION_KEY });
        void qc.invalidateQueries({ queryKey: ['system.status'] });
      },
      logout,
      async lock() {
        patchSession({ locked: true });
        try {
          await call('session.lock', {});
        } catch {
          /* the screen is covered already; the backend locks on its own idle timer too */
        }
      },
      unlocked() {
        patchSession({ locked: false });
      },
      async refresh() {
        await qc.invalidateQueries({ queryKey: SESSION_KEY });
      },
    };
  }, [status.data, session.data, sessionKey, connected, sessionExpired, forgetUserData, patchSession, logout, qc]);

  const failed = status.error ?? session.error;
  if (failed && !value) {
    return (
      <Result
        status="warning"
        title={failureText(failed)}
        extra={
          <Button type="primary" size="large" onClick={() => void Promise.all([status.refetch(), session.refetch()])}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!value) return <PageSpinner />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
