import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ADMIN, OFFICE, STAFF } from '../../../shared/contract/roles';
import { PARTNER, VERIFIERS } from '../../../shared/contract/till';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { PageSpinner } from '../components/PageSpinner';
import { homeFor, RoleOnly, SetupGate, SignedInOnly, SignedOutOnly } from './gates';
import { AppLayout } from './layout/AppLayout';
import { SessionProvider } from './session/SessionProvider';
import { useSession } from './session/SessionContext';
import NotFoundPage from './NotFoundPage';

const SetupPage = lazy(() => import('../features/accounts/SetupPage'));
const LoginPage = lazy(() => import('../features/accounts/LoginPage'));
const ResidentsPage = lazy(() => import('../features/residents/ResidentsPage'));
const GridPage = lazy(() => import('../features/grid/GridPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const QueuePage = lazy(() => import('../features/queue/QueuePage'));
const RequestsPage = lazy(() => import('../features/requests/RequestsPage'));
const TodoPage = lazy(() => import('../features/requests/TodoPage'));
const FiguresPage = lazy(() => import('../features/figures/FiguresPage'));
const KioskPage = lazy(() => import('../features/kiosk/KioskPage'));
const DisplayPage = lazy(() => import('../features/display/DisplayPage'));
const VerifyPage = lazy(() => import('../features/till/VerifyPage'));
const TillPurchasesPage = lazy(() => import('../features/till/PurchasesPage'));
const TillDeliveriesPage = lazy(() => import('../features/till/DeliveriesPage'));
const TillPackagePage = lazy(() => import('../features/till/PackagePage'));
const CardsPage = lazy(() => import('../features/cards/CardsPage'));
const PartnersPage = lazy(() => import('../features/partners/PartnersPage'));
const CardReportsPage = lazy(() => import('../features/cardReports/CardReportsPage'));
const AppointmentsPage = lazy(() => import('../features/appointments/AppointmentsPage'));
const HomeVisitsPage = lazy(() => import('../features/homeVisits/HomeVisitsPage'));
const RotaPage = lazy(() => import('../features/rota/RotaPage'));
const CheckinPage = lazy(() => import('../features/duty/CheckinPage'));
const AttendancePage = lazy(() => import('../features/duty/AttendancePage'));
const SyncPage = lazy(() => import('../features/sync/SyncPage'));

function Screen({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<PageSpinner />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/display" element={<Screen><DisplayPage /></Screen>} />
      <Route path="/kiosk" element={<Screen><KioskPage /></Screen>} />
      <Route path="*" element={<SessionProvider><SessionRoutes /></SessionProvider>} />
    </Routes>
  );
}

function HomeRedirect() {
  return <Navigate to={homeFor(useSession().me?.role)} replace />;
}

function SessionRoutes() {
  return (
    <Routes>
      <Route element={<SetupGate />}>
        <Route path="/setup" element={<Screen><SetupPage /></Screen>} />
        <Route element={<SignedOutOnly />}>
          <Route path="/login" element={<Screen><LoginPage /></Screen>} />
        </Route>
        <Route element={<SignedInOnly />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path="/queue" element={<QueuePage />} />
            <Route path="/todo" element={<TodoPage />} />
            <Route path="/requests" element={<RequestsPage />} />
            <Route path="/figures" element={<FiguresPage />} />
            <Route path="/residents" element={<ResidentsPage />} />
            <Route path="/grid" element={<GridPage />} />
            <Route path="/cards" element={<RoleOnly roles={OFFICE}><CardsPage /></RoleOnly>} />
            <Route path="/partners" element={<RoleOnly roles={ADMIN}><PartnersPage /></RoleOnly>} />
            <Route path="/card-reports" element={<RoleOnly roles={OFFICE}><CardReportsPage /></RoleOnly>} />
            <Route path="/appointments" element={<RoleOnly roles={STAFF}><AppointmentsPage /></RoleOnly>} />
            <Route path="/home-visits" element={<RoleOnly roles={STAFF}><HomeVisitsPage /></RoleOnly>} />
            <Route path="/rota" element={<RoleOnly roles={STAFF}><RotaPage /></RoleOnly>} />
            <Route path="/checkin" element={<RoleOnly roles={STAFF}><CheckinPage /></RoleOnly>} />
            <Route path="/attendance" element={<RoleOnly roles={ADMIN}><AttendancePage /></RoleOnly>} />
            <Route path="/settings/*" element={<RoleOnly roles={ADMIN}><SettingsPage /></RoleOnly>} />
            <Route path="/sync" element={<RoleOnly roles={ADMIN}><SyncPage /></RoleOnly>} />
            <Route path="/audit" element={<RoleOnly roles={ADMIN}><AuditPage /></RoleOnly>} />
            <Route path="/verify" element={<RoleOnly roles={VERIFIERS}><VerifyPage /></RoleOnly>} />
            <Route path="/till/purchases" element={<RoleOnly roles={PARTNER}><TillPurchasesPage /></RoleOnly>} />
            <Route path="/till/deliveries" element={<RoleOnly roles={PARTNER}><TillDeliveriesPage /></RoleOnly>} />
            <Route path="/till/package" element={<RoleOnly roles={PARTNER}><TillPackagePage /></RoleOnly>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
