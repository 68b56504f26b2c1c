import { useState } from 'react';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import { RedoOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { ADMIN } from '../../../../../shared/contract';
import type { CardSummary } from '../../../../../shared/contract/cards';
import { formatCardNumber } from '../../../../../shared/rules/cardNumber';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText, showApiError } from '../../../components/apiErrors';
import { chineseDate } from '../../../components/format';
import { useInvalidate } from '../../../components/useInvalidate';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { useMe } from '../../../app/session/SessionContext';
import { useCardsNav } from '../cardsNav';
import { CardActionDialog } from './CardActionDialog';
import { cardColumns } from './cardColumns';

function DaysLeft({ validTo, today }: { validTo: string; today: string }) {
  const days = dayjs(validTo).diff(dayjs(today), 'day');
  if (days < 0) return <Typography.Text type="danger" strong>{t('reviewDueTab.lapsed', { n: -days })}</Typography.Text>;
  return <Typography.Text type={days <= 7 ? 'warning' : undefined} strong={days <= 7}>{days === 0 ? t('reviewDueTab.endsToday') : t('reviewDueTab.daysLeft', { n: days })}</Typography.Text>;
}

/** 年审到期: cards whose year ends soon (or has ended); the review passed is one click, a revocation asks why. */
export function ReviewDueTab() {
  const me = useMe();
  const admin = ADMIN.includes(me.role);
  const nav = useCardsNav();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const today = shanghaiDate(useNow(60_000));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [revoking, setRevoking] = useState<CardSummary | null>(null);
  const settings = useApiQuery('cards.settings', {});
  const list = useApiQuery('cards.list', { list: 'reviewDue', limit: pageSize, offset: (page - 1) * pageSize }, { placeholderData: keepPreviousData });
  const renew = useApiMutation('cards.renew');

  const renewNow = (c: CardSummary) =>
    renew.mutate(
      { id: c.id },
      {
        onSuccess: (x) => {
          invalidate('cards.', 'households.', 'cardReports.');
          message.success(t('cardAction.renewed', { number: formatCardNumber(x.cardNo), date: chineseDate(x.validTo) }));
        },
        onError: (err) => showApiError(err, (text) => message.error(text)),
      },
    );

  const columns = [
    ...cardColumns().filter((col) => col.key !== 'validity' && col.key !== 'benefit' && !('dataIndex' in col && col.dataIndex === 'delivery')),
    { title: t('cardView.validTo'), dataIndex: 'validTo', render: (d: string) => chineseDate(d) },
    { title: t('reviewDueTab.left'), key: 'left', width: 110, render: (_: unknown, c: CardSummary) => <DaysLeft validTo={c.validTo} today={today} /> },
    ...(admin
      ? [
          {
            title: t('reviewDueTab.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, c: CardSummary) => (
              // Buttons in a clickable row: their clicks must not open the card too.
              <Space onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                <Button type="primary" icon={<RedoOutlined />} loading={renew.isPending && renew.variables?.id === c.id} onClick={() => renewNow(c)}>
                  {t('reviewDueTab.renew')}
                </Button>
                <Button danger icon={<StopOutlined />} onClick={() => setRevoking(c)}>
                  {t('reviewDueTab.revoke')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
        {settings.data ? t('reviewDueTab.explain', { days: settings.data.reviewAheadDays }) : ''}
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={failureText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<CardSummary>
        className="clickable-rows"
        data-testid="review-due-table"
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: t('reviewDueTab.empty') }}
        onRow={(c) => ({ onClick: () => nav.openCard(c.id), onKeyDown: (e) => e.key === 'Enter' && e.target === e.currentTarget && nav.openCard(c.id), tabIndex: 0 })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('reviewDueTab.total', { count: n }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      {revoking && <CardActionDialog action="revoke" card={revoking} today={today} onClose={() => setRevoking(null)} />}
    </div>
  );
}
