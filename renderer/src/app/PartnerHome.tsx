import { Button, Result } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { t } from '../i18n';
import { useMe, useSession } from './session/SessionContext';

/** Partner verifiers have no screens in this version: say so plainly instead of showing the staff menu. */
export function PartnerHome() {
  const me = useMe();
  const { logout } = useSession();
  return (
    <div className="auth-screen">
      <Result
        icon={<ShopOutlined style={{ color: 'var(--ant-color-primary)' }} />}
        title={t('partner.comingSoon')}
        subTitle={t('partner.signedInAs', { name: me.displayName })}
        extra={
          <Button size="large" type="primary" onClick={() => void logout()}>
            {t('header.logout')}
          </Button>
        }
      />
    </div>
  );
}
