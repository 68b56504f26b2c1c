import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  FileTextOutlined,
  NotificationOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ADMIN, STAFF, type Role } from '../../../../shared/contract/roles';
import { t } from '../../i18n';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  roles: readonly Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/queue', label: t('nav.queue'), icon: <NotificationOutlined />, roles: STAFF },
  { path: '/todo', label: t('nav.todo'), icon: <CarryOutOutlined />, roles: STAFF },
  { path: '/requests', label: t('nav.requests'), icon: <FileTextOutlined />, roles: STAFF },
  { path: '/figures', label: t('nav.figures'), icon: <BarChartOutlined />, roles: STAFF },
  { path: '/residents', label: t('nav.residents'), icon: <TeamOutlined />, roles: STAFF },
  { path: '/grid', label: t('nav.grid'), icon: <ApartmentOutlined />, roles: STAFF },
  { path: '/settings', label: t('nav.settings'), icon: <SettingOutlined />, roles: ADMIN },
  { path: '/audit', label: t('nav.audit'), icon: <AuditOutlined />, roles: ADMIN },
];

/** Whether a role may open a path (so a login does not land on a screen left behind by another role). */
export function pathAllowed(path: string, role: Role): boolean {
  const item = NAV_ITEMS.find((i) => path === i.path || path.startsWith(`${i.path}/`));
  return !item || item.roles.includes(role);
}
