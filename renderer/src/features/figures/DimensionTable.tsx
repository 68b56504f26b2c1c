import { Table, type TableProps } from 'antd';
import type { Figures } from '../../../../shared/contract';
import { t } from '../../i18n';
import { minutes, percent } from './figuresFormat';

type Row = Figures['by']['service'][number];

const dash = () => t('figuresPage.none');
const num = (n: number) => n;

function columns(nameTitle: string, withTickets: boolean): TableProps<Row>['columns'] {
  const ticketCols: TableProps<Row>['columns'] = withTickets
    ? [
        { title: t('figuresPage.issued'), key: 'issued', align: 'right', width: 70, render: (_: unknown, r) => (r.tickets ? num(r.tickets.issued) : dash()) },
        { title: t('figuresPage.served'), key: 'served', align: 'right', width: 70, render: (_: unknown, r) => (r.tickets ? num(r.tickets.served) : dash()) },
        { title: t('figuresPage.noShows'), key: 'noShows', align: 'right', width: 70, render: (_: unknown, r) => (r.tickets ? num(r.tickets.noShows) : dash()) },
        { title: t('figuresPage.avgWait'), key: 'avgWait', align: 'right', width: 100, render: (_: unknown, r) => (r.tickets ? minutes(r.tickets.avgWaitMin) : dash()) },
      ]
    : [];
  return [
    { title: nameTitle, dataIndex: 'label', fixed: 'left', width: 170, render: (l: string) => <strong>{l}</strong> },
    ...ticketCols,
    { title: t('figuresPage.received'), key: 'received', align: 'right', width: 70, render: (_: unknown, r) => r.requests.received },
    { title: t('figuresPage.resolved'), key: 'resolved', align: 'right', width: 70, render: (_: unknown, r) => r.requests.resolved },
    { title: t('figuresPage.resolutionRate'), key: 'resolutionRate', align: 'right', width: 90, render: (_: unknown, r) => percent(r.requests.resolutionRate) },
    { title: t('figuresPage.onTimeRate'), key: 'onTimeRate', align: 'right', width: 100, render: (_: unknown, r) => percent(r.requests.onTimeRate) },
    { title: t('figuresPage.satisfactionRate'), key: 'satisfactionRate', align: 'right', width: 90, render: (_: unknown, r) => percent(r.requests.satisfactionRate) },
    { title: t('figuresPage.open'), key: 'open', align: 'right', width: 80, render: (_: unknown, r) => r.requests.open },
    {
      title: t('figuresPage.overdue'),
      key: 'overdue',
      align: 'right',
      width: 70,
      render: (_: unknown, r) => (r.requests.overdue > 0 ? <strong style={{ color: '#cf1322' }}>{r.requests.overdue}</strong> : 0),
    },
  ];
}

interface Props {
  rows: Row[];
  nameTitle: string;
  testId: string;
}

/** One dimension's figures per row; the queue columns only where tickets belong to the row (service, staff). */
export function DimensionTable({ rows, nameTitle, testId }: Props) {
  const withTickets = rows.some((r) => r.tickets !== null);
  return (
    <Table<Row>
      data-testid={testId}
      rowKey="key"
      size="small"
      columns={columns(nameTitle, withTickets)}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('figuresPage.noRows') }}
    />
  );
}
