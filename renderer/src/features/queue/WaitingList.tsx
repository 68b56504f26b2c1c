import { Card, Table, Tag } from 'antd';
import type { Output } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { CLASS_COLOR, classLabel, minutesText } from './ticketLabels';
import { useNow } from '../../components/useNow';

type Entry = Output<'queue.waiting'>[number];

/** Who waits for this counter, in the order they will be called: numbers and waits, never names. */
export function WaitingList({ counterNumber }: { counterNumber: number }) {
  const waiting = useApiQuery('queue.waiting', { counter: counterNumber });
  const now = useNow(15_000);
  const rows = waiting.data ?? [];

  return (
    <Card
      className="waiting-list"
      title={t('queuePage.waitingTitle', { count: rows.length })}
      extra={<span className="card-hint">{t('queuePage.waitingHint')}</span>}
      style={{ marginTop: 16 }}
      styles={{ body: { padding: 0 } }}
    >
      <Table<Entry>
        rowKey="id"
        size="middle"
        dataSource={rows}
        loading={waiting.isPending}
        pagination={false}
        scroll={{ y: 420 }}
        locale={{ emptyText: waiting.error ? failureText(waiting.error) : t('queuePage.waitingEmpty') }}
        columns={[
          { key: 'number', title: t('queuePage.col.number'), dataIndex: 'number', width: 110, render: (n: string) => <span className="waiting-number">{n}</span> },
          { key: 'service', title: t('queuePage.col.service'), dataIndex: 'serviceName', ellipsis: true },
          {
            key: 'class',
            title: t('queuePage.col.class'),
            width: 220,
            render: (_, e) => (
              <>
                <Tag color={CLASS_COLOR[e.ticketClass]} className="class-tag">
                  {classLabel(e.ticketClass, e.priorityReason)}
                </Tag>
                {e.returned && <Tag color="purple">{t('queueTicket.returned')}</Tag>}
                {e.targetCounter !== null && <Tag color="cyan">{t('queueTicket.forCounter', { counter: e.targetCounter })}</Tag>}
              </>
            ),
          },
          { key: 'waiting', title: t('queuePage.col.waiting'), width: 120, render: (_, e) => minutesText(e.queuedAt, now) },
        ]}
      />
    </Card>
  );
}
