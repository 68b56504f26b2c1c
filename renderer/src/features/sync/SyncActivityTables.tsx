import { Button, Card, Table, Tag, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import type { Output } from '../../../../shared/contract';
import type { ParkedItem } from '../../../../shared/contract/sync';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { chineseDateTime } from '../../components/format';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { useNotify } from '../settings/useNotify';
import { activityRows, type ActivityRow } from './activityText';
import { kindLabel, streamLabel } from './syncText';

type Activity = Output<'sync.activity'>;
const DIRECTION_COLORS = { up: 'blue', down: 'cyan', error: 'red' } as const;
const time = (ms: number) => chineseDateTime(ms);

export function ActivityLog({ log }: { log: Activity['log'] }) {
  return (
    <Card title={t('syncPage.activity')} data-testid="sync-activity">
      <Table<ActivityRow>
        rowKey="id"
        size="middle"
        dataSource={activityRows(log)}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('syncPage.emptyLog') }}
        columns={[
          { title: t('syncPage.col.time'), dataIndex: 'at', width: 190, render: time },
          {
            title: t('syncPage.col.direction'),
            dataIndex: 'direction',
            width: 80,
            render: (d: keyof typeof DIRECTION_COLORS) => <Tag color={DIRECTION_COLORS[d]}>{t(`syncDirection.${d}`)}</Tag>,
          },
          { title: t('syncPage.col.stream'), dataIndex: 'stream', width: 110, render: streamLabel },
          { title: t('syncPage.col.count'), dataIndex: 'count', width: 70, align: 'right', render: (n: number, r) => (r.direction === 'error' ? '' : n) },
          {
            title: t('syncPage.col.detail'),
            key: 'detail',
            render: (_: unknown, r) => (
              <div>
                <span>{r.text}</span>
                {r.repeats > 1 && <Tag style={{ marginInlineStart: 8 }}>{t('syncActivity.repeats', { n: r.repeats })}</Tag>}
                {r.technical && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: r.technical }}>
                    {r.technical}
                  </Typography.Text>
                )}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function ParkedTable({ parked }: { parked: ParkedItem[] }) {
  const notify = useNotify();
  const invalidate = useInvalidate();
  const retry = useApiMutation('sync.retryParked');
  const onRetry = (p: ParkedItem) =>
    retry.mutate(
      { direction: p.direction, id: p.id },
      {
        onSuccess: () => {
          invalidate('sync.');
          void notify.success(t('syncPage.retried'));
        },
        onError: (e) => showApiError(e, (m) => notify.error(m)),
      },
    );

  return (
    <Card title={t('syncPage.parkedTitle')} data-testid="sync-parked">
      <Typography.Paragraph type="secondary">{t('syncPage.parkedHint')}</Typography.Paragraph>
      <Table
        rowKey={(p) => `${p.direction}:${p.id}`}
        size="middle"
        dataSource={parked}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('syncPage.emptyParked') }}
        columns={[
          { title: t('syncPage.col.time'), dataIndex: 'at', width: 190, render: time },
          {
            title: t('syncPage.col.direction'),
            dataIndex: 'direction',
            width: 80,
            render: (d: 'up' | 'down') => <Tag color={DIRECTION_COLORS[d]}>{t(`syncDirection.${d}`)}</Tag>,
          },
          { title: t('syncPage.col.stream'), dataIndex: 'stream', width: 110, render: streamLabel },
          { title: t('syncPage.col.record'), dataIndex: 'kind', width: 110, render: kindLabel },
          { title: t('syncPage.col.reason'), key: 'reason', render: (_: unknown, p) => p.reason || p.code },
          {
            title: '',
            key: 'retry',
            width: 100,
            render: (_: unknown, p) => (
              <Button icon={<RedoOutlined />} onClick={() => onRetry(p)} disabled={retry.isPending}>
                {t('syncPage.retry')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function PullStreams({ cursors }: { cursors: Activity['cursors'] }) {
  return (
    <Card title={t('syncPage.pulls')} data-testid="sync-pulls">
      <Table
        rowKey="stream"
        size="middle"
        dataSource={cursors}
        pagination={false}
        locale={{ emptyText: t('syncPage.emptyPulls') }}
        columns={[
          { title: t('syncPage.col.stream'), dataIndex: 'stream', render: streamLabel },
          { title: t('syncPage.col.applied'), dataIndex: 'recordsApplied', align: 'right', render: (n: number) => `${n} 条` },
          { title: t('syncPage.col.updated'), dataIndex: 'updatedAt', render: time },
        ]}
      />
    </Card>
  );
}
