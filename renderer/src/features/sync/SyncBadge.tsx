import { Tag, Tooltip } from 'antd';
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { ADMIN, OFFICE } from '../../../../shared/contract/roles';
import { useApiQuery } from '../../api/hooks';
import { chineseDateTime } from '../../components/format';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { BADGE_COLORS, badgeText, syncErrorText } from './syncText';

const ICONS = { synced: <CloudOutlined />, pending: <CloudSyncOutlined />, offline: <DisconnectOutlined />, off: null };

/** The header's 已同步 / 待同步 N / 离线 tag; hidden while sync is off and for roles that may not ask. */
export function SyncBadge() {
  const me = useMe();
  return OFFICE.includes(me.role) ? <Badge admin={ADMIN.includes(me.role)} /> : null;
}

function Badge({ admin }: { admin: boolean }) {
  const navigate = useNavigate();
  // Refreshed on topic 'sync' and polled too: "pending" and "offline" change with time alone.
  const status = useApiQuery('sync.status', {}, { refetchInterval: 10_000, staleTime: 0 });
  const s = status.data;
  if (!s || s.badge === 'off') return null;

  const tip = (
    <div data-testid="sync-badge-tip" style={{ fontSize: 15, lineHeight: 1.7 }}>
      <div>{s.lastSuccessAt ? t('syncBadge.lastSuccess', { time: chineseDateTime(s.lastSuccessAt) }) : t('syncBadge.neverSucceeded')}</div>
      {s.pending > 0 && <div>{t('syncBadge.pendingHint', { n: s.pending })}</div>}
      {s.lastError && s.badge === 'offline' && (
        <div>{t('syncBadge.lastError', { reason: syncErrorText(s.lastError.code, { detail: s.lastError.detail }) })}</div>
      )}
      {s.badge === 'offline' && <div>{t('syncBadge.worksOffline')}</div>}
      {admin && <div style={{ opacity: 0.8 }}>{t('syncBadge.clickHint')}</div>}
    </div>
  );

  return (
    <Tooltip title={tip}>
      <Tag
        color={BADGE_COLORS[s.badge]}
        icon={ICONS[s.badge]}
        data-testid="sync-badge"
        data-badge={s.badge}
        style={{ fontSize: 15, padding: '3px 10px', marginInlineEnd: 0, cursor: admin ? 'pointer' : 'default' }}
        onClick={admin ? () => void navigate('/sync') : undefined}
      >
        {badgeText(s)}
      </Tag>
    </Tooltip>
  );
}
