import { Alert, Button, Card, Descriptions, Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { chineseDateTime } from '../../components/format';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { useNotify } from '../settings/useNotify';
import { BADGE_COLORS, badgeText, syncErrorText } from './syncText';

/** State at a glance and 立即同步 (which only asks the engine to start: it never waits on the network). */
export function SyncStatusCard({ status }: { status: SyncStatus }) {
  const notify = useNotify();
  const invalidate = useInvalidate();
  const now = useApiMutation('sync.now');
  const s = status;
  const onNow = () =>
    now.mutate(
      {},
      {
        onSuccess: () => {
          invalidate('sync.');
          void notify.success(t('syncPage.nowStarted'));
        },
        onError: (e) => showApiError(e, (m) => notify.error(m)),
      },
    );

  return (
    <Card
      title={t('syncPage.stateTitle')}
      extra={
        <Button type="primary" size="large" icon={<SyncOutlined />} onClick={onNow} disabled={now.isPending} data-testid="sync-now">
          {t('syncPage.now')}
        </Button>
      }
      data-testid="sync-status"
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="middle"
        styles={{ label: { width: 110, fontSize: 16 }, content: { fontSize: 16 } }}
        items={[
          {
            key: 'state',
            label: t('syncPage.state'),
            children: (
              <Tag color={BADGE_COLORS[s.badge]} style={{ fontSize: 15, padding: '2px 10px' }} data-testid="sync-page-badge">
                {badgeText(s)}
              </Tag>
            ),
          },
          { key: 'pending', label: t('syncPage.pending'), children: `${s.pending} 条` },
          { key: 'success', label: t('syncPage.lastSuccess'), children: s.lastSuccessAt ? chineseDateTime(s.lastSuccessAt) : t('syncPage.never') },
          { key: 'next', label: t('syncPage.nextAttempt'), children: s.nextAttemptAt ? chineseDateTime(s.nextAttemptAt) : t('syncPage.none') },
          { key: 'parked', label: t('syncPage.parked'), children: `${s.parked} 条` },
        ]}
      />
      {/* An old problem since fixed is in the activity list; here only the one that holds sync up now. */}
      {s.lastError && s.badge === 'offline' && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="sync-last-error"
          title={`${t('syncPage.lastError')}：${syncErrorText(s.lastError.code, { detail: s.lastError.detail })}`}
          description={`${chineseDateTime(s.lastError.at)}${s.lastError.detail ? ` · ${s.lastError.detail}` : ''}`}
        />
      )}
    </Card>
  );
}
