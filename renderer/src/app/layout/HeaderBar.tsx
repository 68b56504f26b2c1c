import { useState } from 'react';
import { Button, Dropdown, Space, Tag } from 'antd';
import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { roleLabel } from '../../components/format';
import { ChangePasswordDialog } from '../../features/accounts/ChangePasswordDialog';
import { SyncBadge } from '../../features/sync/SyncBadge';
import { t } from '../../i18n';
import { useMe, useSession } from '../session/SessionContext';
import { ConnectionIndicator } from './ConnectionIndicator';

export function HeaderBar() {
  const me = useMe();
  const { status, lock, logout } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <div className="header-bar">
      <div className="header-title">
        <span className="header-logo" aria-hidden>
          连
        </span>
        <span className="header-centre" data-testid="centre-name">
          {status.centreName || t('app.name')}
        </span>
      </div>
      <Space size="middle">
        <SyncBadge />
        <ConnectionIndicator />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: t('password.changeTitle') },
              { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
            ],
            onClick: ({ key }) => (key === 'password' ? setChangingPassword(true) : void logout()),
          }}
        >
          <Button type="text" size="large" data-testid="user-menu">
            <UserOutlined />
            <span>{me.displayName}</span>
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {roleLabel(me.role)}
            </Tag>
            <DownOutlined style={{ fontSize: 12 }} />
          </Button>
        </Dropdown>
        <Button size="large" icon={<LockOutlined />} onClick={() => void lock()}>
          {t('header.lock')}
        </Button>
        <Button size="large" icon={<LogoutOutlined />} onClick={() => void logout()}>
          {t('header.logout')}
        </Button>
      </Space>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </div>
  );
}
