import { useState } from 'react';
import { Alert, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { chineseDateTime } from '../../components/format';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { t } from '../../i18n';
import { yuan } from '../cards/cardLabels';

type Row = Output<'cardReports.purchases'>['rows'][number];

const money = (fen: number, r: Row) => <span className={r.voided ? 'purchase-voided' : 'money'}>{yuan(fen)}</span>;

/** 消费明细: every purchase of the month, a page at a time, for one shop or one card if asked. */
export function PurchaseList({ month, partnerId }: { month: string; partnerId: string | undefined }) {
  const [cardNo, setCardNo] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const typed = useDebouncedValue(cardNo.replace(/\s+/g, ''), 250);
  const list = useApiQuery(
    'cardReports.purchases',
    { month, partnerId, cardNo: typed || undefined, limit: pageSize, offset: (page - 1) * pageSize },
    { placeholderData: keepPreviousData },
  );

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Input
          allowClear
          size="large"
          prefix={<SearchOutlined />}
          placeholder={t('cardReportsPage.cardNoPlaceholder')}
          aria-label={t('cardReportsPage.cardNoSearch')}
          value={cardNo}
          maxLength={20}
          style={{ width: 240 }}
          onChange={(e) => {
            setCardNo(e.target.value);
            setPage(1);
          }}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 12 }} />}
      <div data-testid="report-purchases">
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.rows ?? []}
          locale={{ emptyText: t('cardReportsPage.noPurchases') }}
          columns={[
            { title: t('cardReportsPage.at'), dataIndex: 'at', width: 200, render: (ms: number) => chineseDateTime(ms) },
            { title: t('cardReportsPage.partner'), dataIndex: 'partnerName' },
            { title: t('cardView.cardNo'), dataIndex: 'cardNo', width: 150, render: (n: string) => <span className="card-number">{formatCardNumber(n)}</span> },
            { title: t('cardView.holder'), dataIndex: 'holderName', width: 100, render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('cardReportsPage.unknownCard')}</Typography.Text> },
            { title: t('cardReportsPage.amount'), dataIndex: 'amountFen', align: 'right', width: 120, render: money },
            { title: t('cardReportsPage.discount'), dataIndex: 'discountFen', align: 'right', width: 110, render: money },
            { title: t('cardReportsPage.pay'), dataIndex: 'payFen', align: 'right', width: 120, render: money },
            {
              title: t('cardReportsPage.state'),
              key: 'voided',
              width: 90,
              render: (_: unknown, r) =>
                r.voided ? (
                  <Tooltip title={r.voidReason}>
                    <Tag>{t('cardReportsPage.voidedTag')}</Tag>
                  </Tooltip>
                ) : null,
            },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('cardReportsPage.purchaseTotal', { count: n }),
            onChange: (p, size) => {
              setPage(size === pageSize ? p : 1);
              setPageSize(size);
            },
          }}
        />
      </div>
    </div>
  );
}
