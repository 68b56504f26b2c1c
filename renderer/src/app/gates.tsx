import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Result } from 'antd';
import type { Role } from '../../../shared/contract';
import { t } from '../i18n';
import { LockOverlay } from './session/LockOverlay';
import { useSession } from './session/SessionContext';
import { useIdleTimer } from './session/useIdleTimer';
import { pathAllowed, pathInMenu } from './layout/navItems';

/** Where each role lands: the counter's queue for the front desk, the to-do list at a station, the till for a partner. */
export function homeFor(role: Role | undefined): string {
  if (role === 'partner') return '/verify';
  if (role === 'desk') return '/queue';
  if (role === 'duty') return '/todo';
  return '/residents';
}

/** Before setup only /setup; after setup never /setup. */
export function SetupGate() {
  const { status } = useSession();
  const { pathname } = useLocation();
  if (!status.setupDone && pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (status.setupDone && pathname === '/setup') return <Navigate to="/login" replace />;
  return <Outlet />;
}

/** The login page is for signed-out users; a signed-in one goes back where they were headed. */
export function SignedOutOnly() {
  const { me } = useSession();
  const location = useLocation();
  if (me) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' && pathAllowed(from, me.role) ? from : homeFor(me.role)} replace />;
  }
  return <Outlet />;
}

/** Screens behind the login: the idle lock, the lock overlay; a partner's cashier sees the till's screens only. */
export function SignedInOnly() {
  const { me, locked, idleLockMinutes, lock } = useSession();
  const location = useLocation();
  useIdleTimer(idleLockMinutes, !!me && !locked, () => void lock());
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <>
      {me.role === 'partner' && !pathInMenu(location.pathname, me.role) ? <Navigate to={homeFor(me.role)} replace /> : <Outlet />}
      {locked && <LockOverlay />}
    </>
  );
}

export function RoleOnly({ roles, children }: { roles: readonly Role[]; children: React.ReactNode }) {
  const { me } = useSession();
  if (!me || !roles.includes(me.role)) return <Result status="403" title={t('error.forbidden')} />;
  return children;
}
