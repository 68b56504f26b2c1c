import { Alert, Card, Spin, Table, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { BackupStatus } from '../../../../shared/contract/backup';
import { chineseDateTime } from '../../components/format';
import { t } from '../../i18n';
import { sizeText } from './backupText';

/** The last good backup (or why there is none), one under way, and the automatic ones kept in the data folder. */
export function BackupStatusCard({ status }: { status: BackupStatus }) {
  const s = status;
  return (
    <Card title={t('backupStatus.title')} data-testid="backup-status">
      <div style={{ fontSize: 16 }}>
        {s.running && (
          <Alert
            type="info"
            showIcon
            icon={<Spin size="small" />}
            style={{ marginBottom: 12 }}
            title={t('backupStatus.running')}
            description={t('backupStatus.runningHint')}
            data-testid="backup-running"
          />
        )}
        {s.lastFailure && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('backupStatus.failed', { time: chineseDateTime(s.lastFailure.at) })}
            description={t(s.lastFailure.key)}
            data-testid="backup-last-failure"
          />
        )}
        {s.lastGood?.auditChainOk === false && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('backupStatus.auditBroken')} data-testid="backup-audit-broken" />
        )}
        {s.lastGood ? (
          <Typography.Paragraph style={{ fontSize: 16 }} data-testid="backup-last-good">
            <CheckCircleFilled style={{ color: '#52c41a', marginRight: 8 }} />
            {t('backupStatus.lastGood', {
              time: chineseDateTime(s.lastGood.at),
              size: sizeText(s.lastGood.bytes),
              where: t(`backupStatus.where.${s.lastGood.where}`),
            })}
          </Typography.Paragraph>
        ) : (
          !s.lastFailure && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('backupStatus.none')}
              description={t('backupStatus.noneHint')}
              data-testid="backup-none"
            />
          )
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
          {t('backupStatus.dbSize', { size: sizeText(s.databaseBytes) })}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ fontSize: 15, marginBottom: 8 }}>
          {s.kept.length > 0 ? t('backupStatus.kept', { folder: s.folder }) : t('backupStatus.keptNone')}
        </Typography.Paragraph>
      </div>
      {s.kept.length > 0 && (
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          scroll={s.kept.length > 8 ? { y: 300 } : undefined}
          dataSource={s.kept}
          style={{ maxWidth: 520 }}
          data-testid="backup-kept"
          columns={[
            { key: 'at', title: t('backupStatus.col.time'), render: (_, f) => chineseDateTime(f.at) },
            { key: 'size', title: t('backupStatus.col.size'), width: 110, render: (_, f) => sizeText(f.bytes) },
            { key: 'kind', title: t('backupStatus.col.kind'), width: 80, render: (_, f) => t(`backupStatus.kind.${f.kind}`) },
          ]}
        />
      )}
    </Card>
  );
}
