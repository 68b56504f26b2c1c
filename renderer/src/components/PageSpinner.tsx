import { Spin } from 'antd';
import { t } from '../i18n';

export function PageSpinner() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 240 }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}
