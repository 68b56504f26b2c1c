import { Badge, Tooltip } from 'antd';
import { t } from '../../i18n';
import { useSession } from '../session/SessionContext';

export function ConnectionIndicator() {
  const { connected } = useSession();
  return (
    <Tooltip title={connected ? t('connection.upHint') : t('connection.downHint')}>
      <span className="connection-indicator" data-testid="connection" data-connected={connected}>
        <Badge status={connected ? 'success' : 'error'} />
        {connected ? t('connection.up') : t('connection.down')}
      </span>
    </Tooltip>
  );
}
