import { Alert, Skeleton, Space } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { BackupNowCard } from './BackupNowCard';
import { BackupStatusCard } from './BackupStatusCard';
import { RestoreCard } from './RestoreCard';

/** 设置 → 备份与恢复 (admin): how the backups stand, one now to a stick, and restore from a file. */
export default function BackupSettingsTab() {
  const status = useApiQuery('backup.status', {});
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 820 }}>
      {status.isPending ? (
        <Skeleton active />
      ) : status.isError ? (
        <Alert type="error" showIcon title={failureText(status.error)} />
      ) : (
        <BackupStatusCard status={status.data} />
      )}
      <BackupNowCard />
      <RestoreCard />
    </Space>
  );
}
