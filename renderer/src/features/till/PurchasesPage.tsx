import { useState } from 'react';
import { Alert, Button, DatePicker, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { Purchase } from '../../../../shared/contract/till';
import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { shanghaiDate } from '../../../../shared/rules/time';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { clockTime, yuan } from './tillFormat';
import { VoidDialog } from './VoidDialog';
import './till.css';

function columns(voidWindowMinutes: number, onVoid: (p: Purchase) => void): TableProps<Purchase>['columns'] {
  const money = (fen: number | null) => (fen === null ? '–' : yuan(fen));
  return [
    { title: t('tillPurchases.at'), dataIndex: 'at', width: 110, render: (at: number) => clockTime(at) },
    { title: t('tillPurchases.cardNo'), dataIndex: 'cardNo', width: 150, render: (n: string) => formatCardNumber(n) },
    { title: t('tillPurchases.holder'), dataIndex: 'maskedName', width: 100 },
    { title: t('tillPurchases.amount'), dataIndex: 'amountFen', align: 'right', render: money },
    { title: t('tillPurchases.cost'), dataIndex: 'costFen', align: 'right', render: money },
    { title: t('tillPurchases.discount'), dataIndex: 'discountFen', align: 'right', render: money },
    { title: t('tillPurchases.pay'), dataIndex: 'payFen', align: 'right', render: money },
    { title: t('tillPurchases.cashier'), dataIndex: 'tillUserName', width: 110 },
    {
      title: t('tillPurchases.status'),
      key: 'status',
      render: (_, p) =>
        p.voidedAt === null ? <Tag color="green">{t('tillPurchases.valid')}</Tag> : <Tag color="default">{t('tillPurchases.voidedReason', { reason: p.voidReason ?? '' })}</Tag>,
    },
    {
      title: '',
      key: 'void',
      width: 90,
      render: (_, p) => {
        const why = p.voidedAt !== null ? t('tillPurchases.voidAlready') : p.voidable ? null : t('tillPurchases.voidTooLate', { minutes: voidWindowMinutes });
        const button = (
          <Button danger disabled={why !== null} onClick={() => onVoid(p)} data-testid="purchase-void">
            {t('tillPurchases.void')}
          </Button>
        );
        return why ? <Tooltip title={why}>{button}</Tooltip> : button;
      },
    },
  ];
}

/** 消费记录: one day's purchases at this shop with the totals; 撤销 inside the void window. */
export default function PurchasesPage() {
  const [date, setDate] = useState(() => shanghaiDate(Date.now()));
  const [voiding, setVoiding] = useState<Purchase | null>(null);
  const list = useApiQuery('till.purchases', { date });
  const status = useApiQuery('till.status', {});
  const d = list.data;

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('tillPurchases.title')}</Typography.Title>
        <DatePicker
          size="large"
          allowClear={false}
          value={dayjs(date)}
          format={['YYYY年M月D日', 'YYYY-MM-DD']}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          onChange={(day) => day && setDate(day.format('YYYY-MM-DD'))}
          aria-label={t('tillPurchases.date')}
          style={{ width: 230 }}
          data-testid="purchases-date"
        />
      </div>
      {list.error && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 12 }} />}
      <div className="till-totals" data-testid="purchases-totals">
        <span>
          {t('tillPurchases.count')}
          <strong>{d?.count ?? '–'}</strong>
        </span>
        <span>
          {t('tillPurchases.amount')}
          <strong>{d ? yuan(d.amountFen) : '–'}</strong>
        </span>
        <span>
          {t('tillPurchases.discount')}
          <strong>{d ? yuan(d.discountFen) : '–'}</strong>
        </span>
        <span>
          {t('tillPurchases.pay')}
          <strong>{d ? yuan(d.payFen) : '–'}</strong>
        </span>
        <Typography.Text type="secondary">{t('tillPurchases.totalsHint')}</Typography.Text>
      </div>
      <Table<Purchase>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={d?.rows ?? []}
        columns={columns(status.data?.voidWindowMinutes ?? 0, setVoiding)}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('tillPurchases.empty') }}
        rowClassName={(p) => (p.voidedAt === null ? '' : 'purchase-voided')}
        data-testid="purchases-table"
      />
      <VoidDialog purchase={voiding} onClose={() => setVoiding(null)} />
    </div>
  );
}
