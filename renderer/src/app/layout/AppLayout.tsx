import { Suspense } from 'react';
import { Layout } from 'antd';
import { Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { PageSpinner } from '../../components/PageSpinner';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

/** The staff screens' frame: menu on the left, who is signed in on top, the page below. */
export function AppLayout() {
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <HeaderBar />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" className="app-sider">
          <SideMenu />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
