import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { ActivityLog, ParkedTable, PullStreams } from './SyncActivityTables';
import { SyncStatusCard } from './SyncStatusCard';

/** 县级平台同步 (admin): the state, 立即同步, what went up and came down, and what is parked. */
export default function SyncPage() {
  const navigate = useNavigate();
  const status = useApiQuery('sync.status', {}, { refetchInterval: 5_000, staleTime: 0 });
  const activity = useApiQuery('sync.activity', {}, { refetchInterval: 10_000, staleTime: 0 });

  const header = (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('syncPage.title')}
      </Typography.Title>
      <Button size="large" icon={<SettingOutlined />} onClick={() => void navigate('/settings?tab=sync')}>
        {t('syncPage.openSettings')}
      </Button>
    </Space>
  );

  if (status.isPending) return <Skeleton active />;
  if (status.isError) return <Alert type="error" showIcon title={failureText(status.error)} />;

  return (
    <div data-testid="sync-page">
      {header}
      {status.data.badge === 'off' && <Alert type="info" showIcon title={t('syncPage.off')} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <SyncStatusCard status={status.data} />
        {activity.isError && <Alert type="error" showIcon title={failureText(activity.error)} />}
        {activity.data && (
          <>
            {activity.data.parked.length > 0 && <ParkedTable parked={activity.data.parked} />}
            <PullStreams cursors={activity.data.cursors} />
            <ActivityLog log={activity.data.log} />
          </>
        )}
      </Space>
    </div>
  );
}
