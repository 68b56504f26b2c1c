import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import CardRulesTab from '../cards/settings/CardRulesTab';
import SyncSettingsTab from '../sync/SyncSettingsTab';
import BackupSettingsTab from '../backup/BackupSettingsTab';
import AppointmentSettingsTab from '../appointments/settings/AppointmentSettingsTab';
import CalendarTab from './CalendarTab';
import CentreTab from './CentreTab';
import QueueRulesTab from './QueueRulesTab';
import ServicesTab from './ServicesTab';
import StaffTab from './StaffTab';
import StationsTab from './StationsTab';
import UsersTab from './UsersTab';

const TABS = [
  { key: 'centre', label: '中心设置', children: <CentreTab /> },
  { key: 'users', label: '账号管理', children: <UsersTab /> },
  { key: 'staff', label: '工作人员', children: <StaffTab /> },
  { key: 'services', label: '服务事项', children: <ServicesTab /> },
  { key: 'queue', label: '叫号规则', children: <QueueRulesTab /> },
  { key: 'stations', label: '驿站', children: <StationsTab /> },
  { key: 'appointments', label: '驿站预约', children: <AppointmentSettingsTab /> },
  { key: 'calendar', label: '节假日', children: <CalendarTab /> },
  { key: 'cards', label: '爱心卡规则', children: <CardRulesTab /> },
  { key: 'sync', label: '县级平台同步', children: <SyncSettingsTab /> },
  { key: 'backup', label: '备份与恢复', children: <BackupSettingsTab /> },
];

/** 系统设置 (admin only): the centre, accounts, staff, services, stations and the holiday calendar. */
export default function SettingsPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const active = TABS.some((t) => t.key === asked) ? asked! : 'centre';

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        系统设置
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={TABS}
        size="large"
        destroyOnHidden
      />
    </div>
  );
}
