import { Table, Typography } from 'antd';
import type { CardReport } from '../../../../shared/contract/partners';
import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { t } from '../../i18n';
import { yuan } from '../cards/cardLabels';

type PartnerRow = CardReport['byPartner'][number];
type HouseholdRow = CardReport['byHousehold'][number];

const money = (fen: number) => <span className="money">{yuan(fen)}</span>;

/** Each shop's month, with the month's totals as the last row (the subsidy to reconcile with each shop). */
export function PartnerMonthTable({ r }: { r: CardReport }) {
  return (
    <div data-testid="report-by-partner">
      <Table<PartnerRow>
        rowKey="partnerId"
        size="middle"
        pagination={false}
        dataSource={r.byPartner}
        locale={{ emptyText: t('cardReportsPage.noPurchases') }}
        columns={[
          { title: t('cardReportsPage.partner'), dataIndex: 'partnerName', render: (n: string) => <strong>{n}</strong> },
          { title: t('cardReportsPage.purchases'), dataIndex: 'purchases', align: 'right', width: 100 },
          { title: t('cardReportsPage.voided'), dataIndex: 'voided', align: 'right', width: 90 },
          { title: t('cardReportsPage.cards'), dataIndex: 'cards', align: 'right', width: 90 },
          { title: t('cardReportsPage.amount'), dataIndex: 'amountFen', align: 'right', width: 140, render: money },
          { title: t('cardReportsPage.discount'), dataIndex: 'discountFen', align: 'right', width: 140, render: money },
          { title: t('cardReportsPage.pay'), dataIndex: 'payFen', align: 'right', width: 140, render: money },
        ]}
        summary={() =>
          r.byPartner.length > 0 && (
            <Table.Summary.Row className="report-total-row" data-testid="report-total-row">
              <Table.Summary.Cell index={0}>
                <strong>{t('cardReportsPage.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{r.totals.purchases}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{r.totals.voided}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{r.totals.cards}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{money(r.totals.amountFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <strong>{money(r.totals.discountFen)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">{money(r.totals.payFen)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </div>
  );
}

/** Households that used their card this month, the biggest discount first. */
export function HouseholdMonthTable({ r }: { r: CardReport }) {
  return (
    <>
      {r.byHousehold.length >= 200 && <Typography.Paragraph type="secondary">{t('cardReportsPage.householdsFirst200')}</Typography.Paragraph>}
      <div data-testid="report-by-household">
        <Table<HouseholdRow>
          rowKey={(h) => `${h.householdId ?? ''}:${h.cardNo}`}
          size="middle"
          dataSource={r.byHousehold}
          pagination={r.byHousehold.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('cardReportsPage.noPurchases') }}
          columns={[
            { title: t('cardReportsPage.head'), dataIndex: 'headName', render: (n: string) => <strong>{n}</strong> },
            { title: t('cardView.cardNo'), dataIndex: 'cardNo', width: 150, render: (n: string) => <span className="card-number">{formatCardNumber(n)}</span> },
            { title: t('cardReportsPage.purchases'), dataIndex: 'purchases', align: 'right', width: 90 },
            { title: t('cardReportsPage.amount'), dataIndex: 'amountFen', align: 'right', width: 130, render: money },
            { title: t('cardReportsPage.discount'), dataIndex: 'discountFen', align: 'right', width: 130, render: money },
            {
              title: t('cardReportsPage.cap'),
              dataIndex: 'capFen',
              align: 'right',
              width: 130,
              render: (v: number | null) => (v === null ? <Typography.Text type="secondary">{t('cardView.noCap')}</Typography.Text> : money(v)),
            },
          ]}
        />
      </div>
    </>
  );
}
