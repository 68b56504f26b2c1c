import { Table } from 'antd';
import type { BackupSummary } from '../../../../shared/contract/backup';
import { chineseDateTime } from '../../components/format';
import { t } from '../../i18n';
import { COUNTED, countText } from './backupText';

interface Row {
  key: string;
  item: string;
  backup: string;
  current?: string;
}

function versionText(s: BackupSummary, appVersion: string): string {
  return t('backupRestore.versionText', { app: appVersion || '—', schema: s.schemaVersion });
}

/**
 * What a backup holds — and, in 设置, beside what is here now — so the person sees what a restore
 * brings back and what it replaces. `currentVersion` is the running app's (the live data has none of its own).
 */
export function BackupSummaryTable({ backup, current, currentVersion = '' }: { backup: BackupSummary; current?: BackupSummary | null; currentVersion?: string }) {
  const rows: Row[] = [
    {
      key: 'createdAt',
      item: t('backupRestore.row.createdAt'),
      backup: chineseDateTime(backup.createdAt),
      current: t('backupRestore.now'),
    },
    {
      key: 'version',
      item: t('backupRestore.row.version'),
      backup: versionText(backup, backup.appVersion),
      current: current ? versionText(current, currentVersion) : undefined,
    },
    ...COUNTED.map((what) => ({
      key: what,
      item: t(`backupRestore.row.${what}`),
      backup: countText(what, backup[what]),
      current: current ? countText(what, current[what]) : undefined,
    })),
  ];
  return (
    <Table<Row>
      rowKey="key"
      size="middle"
      bordered
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 620, fontSize: 16 }}
      data-testid="backup-summary"
      columns={[
        { key: 'item', title: t('backupRestore.col.item'), dataIndex: 'item', width: 110 },
        { key: 'backup', title: t('backupRestore.col.backup'), dataIndex: 'backup', onCell: () => ({ style: { fontWeight: 600 } }) },
        ...(current ? [{ key: 'current', title: t('backupRestore.col.current'), dataIndex: 'current' }] : []),
      ]}
    />
  );
}
