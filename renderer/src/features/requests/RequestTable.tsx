import { Table, type TableProps } from 'antd';
import type { RequestSummary } from '../../../../shared/contract';
import { openableRow } from '../../components/openableRow';
import { t } from '../../i18n';
import { DueDate, ModeTag, SatisfactionTag, StatusTag } from './RequestTags';
import { CountyOriginTag } from '../sync/CountyOriginTag';
import { channelLabel } from './requestLabels';

const shortTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

const columns: TableProps<RequestSummary>['columns'] = [
  { title: t('requestView.number'), dataIndex: 'number', width: 140, render: (n: string) => <strong className="request-number">{n}</strong> },
  { title: t('requestView.receivedAt'), dataIndex: 'receivedAt', width: 108, render: (ms: number) => shortTime.format(new Date(ms)) },
  {
    title: t('requestView.resident'),
    dataIndex: 'residentName',
    width: 88,
    render: (name: string | null) => name ?? <span style={{ color: 'var(--ant-color-text-tertiary)' }}>{t('requestView.anonymous')}</span>,
  },
  { title: t('requestView.service'), dataIndex: 'serviceName', width: 100 },
  { title: t('requestView.description'), dataIndex: 'description', ellipsis: true },
  { title: t('requestView.channel'), dataIndex: 'channel', width: 92, render: (c: RequestSummary['channel']) => (c === 'county' ? <CountyOriginTag /> : channelLabel(c)) },
  {
    title: t('requestView.mode'),
    key: 'mode',
    width: 150,
    render: (_: unknown, r) => (
      <span>
        <ModeTag mode={r.mode} />
        {(r.assigneeName ?? r.department) && <span style={{ fontSize: 14 }}>{r.assigneeName ?? r.department}</span>}
      </span>
    ),
  },
  {
    title: t('requestView.status'),
    key: 'status',
    width: 128,
    render: (_: unknown, r) => (
      <span>
        <StatusTag status={r.status} />
        {r.satisfaction && <SatisfactionTag value={r.satisfaction} />}
      </span>
    ),
  },
  { title: t('requestView.dueDate'), key: 'due', width: 140, render: (_: unknown, r) => <DueDate request={r} /> },
];

interface Props {
  rows: RequestSummary[];
  loading: boolean;
  onOpen: (r: RequestSummary) => void;
  pagination?: TableProps<RequestSummary>['pagination'];
  emptyText: string;
}

/** Requests as rows; an overdue one is tinted red with a 逾期 tag, so it is seen from across the desk. */
export function RequestTable({ rows, loading, onOpen, pagination = false, emptyText }: Props) {
  return (
    <Table<RequestSummary>
      className="clickable-rows"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      size="middle"
      tableLayout="fixed"
      locale={{ emptyText }}
      pagination={pagination}
      rowClassName={(r) => (r.overdue ? 'request-row-overdue' : r.status === 'void' ? 'request-row-void' : '')}
      onRow={(r) => ({ ...openableRow(() => onOpen(r)), 'data-overdue': r.overdue ? 'true' : undefined } as React.HTMLAttributes<HTMLElement>)}
    />
  );
}
