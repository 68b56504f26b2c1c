import { useState } from 'react';
import { Alert, App, Button, Input, Segmented, Space, Table } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import type { CARD_LISTS, CardSummary } from '../../../../../shared/contract/cards';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText, showApiError } from '../../../components/apiErrors';
import { downloadBase64 } from '../../../components/files';
import { openableRow } from '../../../components/openableRow';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { t } from '../../../i18n';
import { useCardsNav } from '../cardsNav';
import { cardColumns } from './cardColumns';

type CardList = Exclude<(typeof CARD_LISTS)[number], 'reviewDue'>;
const LISTS: CardList[] = ['all', 'active', 'suspended', 'expired', 'revoked', 'replaced'];

/** 持卡: every card by status, found by number or holder; the list as Excel. */
export function CardsTab() {
  const nav = useCardsNav();
  const { message } = App.useApp();
  const [list, setList] = useState<CardList>('active');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const debounced = useDebouncedValue(q.replace(/\s+/g, ''), 250);
  const filter = { list, q: debounced || undefined };
  const cards = useApiQuery('cards.list', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }, { placeholderData: keepPreviousData });
  const exporter = useApiMutation('cards.export');
  const rows = cards.data?.rows ?? [];

  const exportList = () =>
    exporter.mutate(filter, {
      onSuccess: (file) => {
        downloadBase64(file.fileName, file.base64);
        message.success(t('cardsTab.exported', { count: file.rows, fileName: file.fileName }));
      },
      onError: (err) => showApiError(err, (text) => message.error(text)),
    });

  return (
    <div>
      <div className="cards-toolbar">
        <Space wrap size={12}>
          <Segmented<CardList>
            size="large"
            aria-label={t('cardsTab.filterStatus')}
            value={list}
            onChange={(v) => {
              setList(v);
              setPage(1);
            }}
            options={LISTS.map((l) => ({ value: l, label: t(`cardsTab.list.${l}`) }))}
          />
          <Input
            allowClear
            size="large"
            prefix={<SearchOutlined />}
            placeholder={t('cardsTab.searchPlaceholder')}
            aria-label={t('cardsTab.search')}
            value={q}
            maxLength={40}
            style={{ width: 240 }}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            onPressEnter={() => {
              if (rows[0] && debounced === q.replace(/\s+/g, '')) nav.openCard(rows[0].id);
            }}
          />
        </Space>
        <Button size="large" icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportList}>
          {t('cardsTab.export')}
        </Button>
      </div>
      {cards.error && <Alert type="error" showIcon title={failureText(cards.error)} style={{ marginBottom: 16 }} />}
      <Table<CardSummary>
        className="clickable-rows"
        data-testid="cards-table"
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={cardColumns()}
        dataSource={rows}
        loading={cards.isFetching && !cards.data}
        locale={{ emptyText: t('cardsTab.empty') }}
        onRow={(c) => openableRow(() => nav.openCard(c.id))}
        pagination={{
          current: page,
          pageSize,
          total: cards.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('cardsTab.total', { count: n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
    </div>
  );
}
