import { Result } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import { t } from '../i18n';

/** /display and /kiosk: hall screens come in a later version; they will need no login. */
export default function ReservedScreen() {
  return (
    <div className="auth-screen">
      <Result icon={<DesktopOutlined style={{ color: 'var(--ant-color-primary)' }} />} title={t('display.comingSoon')} />
    </div>
  );
}
