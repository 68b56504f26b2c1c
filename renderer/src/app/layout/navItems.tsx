import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarOutlined,
  CarryOutOutlined,
  CloudSyncOutlined,
  CreditCardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  NotificationOutlined,
  ScanOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { ADMIN, OFFICE, STAFF, type Role } from '../../../../shared/contract/roles';
import { PARTNER } from '../../../../shared/contract/till';
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
  { path: '/appointments', label: t('nav.appointments'), icon: <CalendarOutlined />, roles: STAFF },
  { path: '/home-visits', label: t('nav.homeVisits'), icon: <HomeOutlined />, roles: STAFF },
  { path: '/rota', label: t('nav.rota'), icon: <ScheduleOutlined />, roles: STAFF },
  { path: '/checkin', label: t('nav.checkin'), icon: <FieldTimeOutlined />, roles: STAFF },
  { path: '/attendance', label: t('nav.attendance'), icon: <SolutionOutlined />, roles: ADMIN },
  { path: '/residents', label: t('nav.residents'), icon: <TeamOutlined />, roles: STAFF },
  { path: '/grid', label: t('nav.grid'), icon: <ApartmentOutlined />, roles: STAFF },
  { path: '/cards', label: t('nav.cards'), icon: <CreditCardOutlined />, roles: OFFICE },
  { path: '/partners', label: t('nav.partners'), icon: <ShopOutlined />, roles: ADMIN },
  { path: '/card-reports', label: t('nav.cardReports'), icon: <FundOutlined />, roles: OFFICE },
  { path: '/settings', label: t('nav.settings'), icon: <SettingOutlined />, roles: ADMIN },
  { path: '/sync', label: t('nav.sync'), icon: <CloudSyncOutlined />, roles: ADMIN },
  { path: '/audit', label: t('nav.audit'), icon: <AuditOutlined />, roles: ADMIN },
  // The partner's till; staff at the centre may check a card on the same page (核验 only).
  { path: '/verify', label: t('nav.verifyStaff'), icon: <ScanOutlined />, roles: OFFICE },
  { path: '/verify', label: t('nav.verify'), icon: <ScanOutlined />, roles: PARTNER },
  { path: '/till/purchases', label: t('nav.tillPurchases'), icon: <UnorderedListOutlined />, roles: PARTNER },
  { path: '/till/deliveries', label: t('nav.tillDeliveries'), icon: <CarOutlined />, roles: PARTNER },
  { path: '/till/package', label: t('nav.tillPackage'), icon: <CloudSyncOutlined />, roles: PARTNER },
];

/** Whether a role may open a path (so a login does not land on a screen left behind by another role). */
export function pathAllowed(path: string, role: Role): boolean {
  const items = NAV_ITEMS.filter((i) => path === i.path || path.startsWith(`${i.path}/`));
  return items.length === 0 || items.some((i) => i.roles.includes(role));
}

/** Whether the role has a menu entry for the path (a partner's cashier may open nothing else). */
export function pathInMenu(path: string, role: Role): boolean {
  return NAV_ITEMS.some((i) => i.roles.includes(role) && (path === i.path || path.startsWith(`${i.path}/`)));
}
