import { useState } from 'react';
import { Alert, Button, Input, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { APPLICATION_STATUSES, type ApplicationSummary } from '../../../../../shared/contract/cards';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { chineseDate, chineseDateTime } from '../../../components/format';
import { openableRow } from '../../../components/openableRow';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { t } from '../../../i18n';
import { ApplicationStatusTag } from '../CardTags';
import { applicationStatusLabel, type ApplicationStatus } from '../cardLabels';
import { useCardsNav } from '../cardsNav';

type Filter = ApplicationStatus | 'all';

const columns: TableProps<ApplicationSummary>['columns'] = [
  { title: t('applicationView.number'), dataIndex: 'number', width: 130, render: (n: string) => <strong>{n}</strong> },
  { title: t('applicationView.head'), dataIndex: 'headName', width: 110 },
  { title: t('applicationView.holder'), dataIndex: 'holderName', width: 110 },
  { title: t('applicationView.submittedAt'), dataIndex: 'submittedAt', render: (ms: number) => chineseDateTime(ms) },
  {
    title: t('applicationView.noticeEnd'),
    key: 'notice',
    render: (_: unknown, a) => (
      <Space size={4} wrap>
        {a.noticeEnd ? chineseDate(a.noticeEnd) : <Typography.Text type="secondary">—</Typography.Text>}
        {a.openObjections > 0 && <Tag color="red">{t('applicationView.openObjections', { n: a.openObjections })}</Tag>}
      </Space>
    ),
  },
  { title: t('applicationView.status'), dataIndex: 'status', width: 110, render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} /> },
];

/** 申请审批: the applications by where they stand, oldest work first to the eye by status. */
export function ApplicationsTab() {
  const nav = useCardsNav();
  const [status, setStatus] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const debounced = useDebouncedValue(q.trim(), 250);
  const list = useApiQuery(
    'cardApplications.list',
    { status: status === 'all' ? undefined : status, q: debounced || undefined, limit: pageSize, offset: (page - 1) * pageSize },
    { placeholderData: keepPreviousData },
  );

  return (
    <div>
      <div className="cards-toolbar">
        <Space wrap size={12}>
          <Segmented<Filter>
            size="large"
            aria-label={t('applicationsTab.filterStatus')}
            value={status}
            onChange={(s) => {
              setStatus(s);
              setPage(1);
            }}
            options={[{ value: 'all', label: t('applicationsTab.all') }, ...APPLICATION_STATUSES.map((s) => ({ value: s, label: applicationStatusLabel(s) }))]}
          />
          <Input
            allowClear
            size="large"
            prefix={<SearchOutlined />}
            placeholder={t('applicationsTab.searchPlaceholder')}
            aria-label={t('applicationsTab.search')}
            value={q}
            maxLength={40}
            style={{ width: 270 }}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </Space>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => nav.newApplication(null)}>
          {t('applicationsTab.add')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<ApplicationSummary>
        className="clickable-rows"
        data-testid="applications-table"
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: t('applicationsTab.empty') }}
        onRow={(a) => openableRow(() => nav.openApplication(a.id))}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('applicationsTab.total', { count: n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
    </div>
  );
}
