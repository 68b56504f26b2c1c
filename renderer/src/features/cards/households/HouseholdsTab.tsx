import { useState } from 'react';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { HARDSHIP_TYPES, type HouseholdSummary } from '../../../../../shared/contract/cards';
import { formatCardNumber } from '../../../../../shared/rules/cardNumber';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { openableRow } from '../../../components/openableRow';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { t } from '../../../i18n';
import { ApplicationStatusTag } from '../CardTags';
import type { ApplicationStatus } from '../cardLabels';
import { useCardsNav } from '../cardsNav';

type Hardship = (typeof HARDSHIP_TYPES)[number];

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

const columns: TableProps<HouseholdSummary>['columns'] = [
  {
    title: t('householdView.head'),
    key: 'head',
    width: 190,
    render: (_: unknown, h) => (
      <div>
        <strong style={{ fontSize: 17 }}>{h.headName}</strong>
        {h.headIdNumberMasked && <div className="masked-value cards-sub">{h.headIdNumberMasked}</div>}
      </div>
    ),
  },
  { title: t('householdView.memberCount'), dataIndex: 'memberCount', width: 70, align: 'right', render: (n: number) => t('householdView.people', { n }) },
  { title: t('householdView.address'), dataIndex: 'address', ellipsis: true },
  {
    title: t('householdView.hardship'),
    dataIndex: 'hardshipTypes',
    width: 170,
    render: (types: string[]) => types.map((x) => <Tag key={x} color="volcano">{x}</Tag>),
  },
  { title: t('householdView.allowanceCertNo'), dataIndex: 'allowanceCertNo', width: 130, render: (v: string | null) => v ?? muted('—') },
  { title: t('householdView.card'), dataIndex: 'cardNo', width: 140, render: (v: string | null) => (v ? <span className="card-number">{formatCardNumber(v)}</span> : muted(t('householdView.noCard'))) },
  {
    title: t('householdView.application'),
    dataIndex: 'applicationStatus',
    width: 100,
    render: (s: string | null) => (s ? <ApplicationStatusTag status={s as ApplicationStatus} /> : muted('—')),
  },
];

/** 困难家庭: find a household by the head's name or 低保证号, or by hardship; open it; register a new one. */
export function HouseholdsTab() {
  const nav = useCardsNav();
  const [q, setQ] = useState('');
  const [hardship, setHardship] = useState<Hardship | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const debounced = useDebouncedValue(q.trim(), 250);
  const list = useApiQuery(
    'households.list',
    { q: debounced || undefined, hardship, limit: pageSize, offset: (page - 1) * pageSize },
    { placeholderData: keepPreviousData },
  );
  const rows = list.data?.rows ?? [];

  return (
    <div>
      <div className="cards-toolbar">
        <Space wrap size={12}>
          <Input
            autoFocus
            allowClear
            size="large"
            prefix={<SearchOutlined />}
            placeholder={t('householdsTab.searchPlaceholder')}
            aria-label={t('householdsTab.search')}
            value={q}
            maxLength={40}
            style={{ width: 280 }}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            onPressEnter={() => {
              if (rows[0] && debounced === q.trim()) nav.openHousehold(rows[0].id);
            }}
          />
          <Select<Hardship>
            allowClear
            size="large"
            style={{ width: 160 }}
            aria-label={t('householdsTab.filterHardship')}
            placeholder={t('householdsTab.filterHardship')}
            value={hardship}
            onChange={(v) => {
              setHardship(v);
              setPage(1);
            }}
            options={HARDSHIP_TYPES.map((h) => ({ value: h, label: h }))}
          />
        </Space>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => nav.editHousehold(null)}>
          {t('householdsTab.add')}
        </Button>
      </div>
      {list.error && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<HouseholdSummary>
        className="clickable-rows"
        data-testid="households-table"
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: debounced || hardship ? t('householdsTab.noMatch') : t('householdsTab.empty') }}
        onRow={(h) => openableRow(() => nav.openHousehold(h.id))}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('householdsTab.total', { count: n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
    </div>
  );
}
