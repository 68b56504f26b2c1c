import { Badge, Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { useMe } from '../session/SessionContext';
import { NAV_ITEMS } from './navItems';

/** Overdue requests stand out everywhere: a red count on 我的待办, kept current by the requests topic. */
function TodoLabel({ label }: { label: string }) {
  const counts = useApiQuery('requests.todoCounts', { counter: null }, { refetchInterval: 10 * 60_000 });
  const overdue = counts.data?.overdue ?? 0;
  return (
    <span className="side-menu-todo">
      {label}
      <Badge count={overdue} overflowCount={99} title={t('nav.todoOverdue', { count: overdue })} data-testid="nav-overdue" />
    </span>
  );
}

export function SideMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((i) => i.roles.includes(me.role));
  const selected = items.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))?.path;
  return (
    <Menu
      mode="inline"
      className="side-menu"
      selectedKeys={selected ? [selected] : []}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: i.path === '/todo' ? <TodoLabel label={i.label} /> : i.label }))}
      onClick={({ key }) => navigate(key)}
    />
  );
}
