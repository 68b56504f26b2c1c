import { Alert } from 'antd';
import type { ConnectionTest } from '../../../../shared/contract/sync';
import { t } from '../../i18n';
import { syncErrorText } from './syncText';

/** 测试连接's answer in one plain sentence. */
export function ConnectionTestResult({ result }: { result: ConnectionTest }) {
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="sync-test-result"
        title={t('syncSettings.testOk', { county: result.county, centre: result.centreName, seconds: Math.round(Math.abs(result.skewSeconds)) })}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="sync-test-result"
      title={syncErrorText(result.error, { skewMinutes: result.skewMinutes, detail: result.detail })}
      description={result.detail ? <span style={{ color: 'var(--ant-color-text-secondary)', fontSize: 13 }}>{result.detail}</span> : undefined}
    />
  );
}
