import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../session/SessionContext';
import { NAV_ITEMS } from './navItems';

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
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: i.label }))}
      onClick={({ key }) => navigate(key)}
    />
  );
}
