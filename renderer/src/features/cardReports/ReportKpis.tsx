import type { CardReport } from '../../../../shared/contract/partners';
import { t } from '../../i18n';
import { yuan } from '../cards/cardLabels';

/** The month's headline numbers: cards in use, reviews due, purchases and the discount given. */
export function ReportKpis({ r }: { r: CardReport }) {
  const kpis = [
    { key: 'activeCards', label: t('cardReportsPage.activeCards'), value: r.activeCards },
    { key: 'reviewsDue', label: t('cardReportsPage.reviewsDue'), value: r.reviewsDue, alarm: r.reviewsDue > 0 },
    { key: 'purchases', label: t('cardReportsPage.purchases'), value: r.totals.purchases, sub: t('cardReportsPage.purchasesSub', { cards: r.totals.cards, voided: r.totals.voided }) },
    {
      key: 'discount',
      label: t('cardReportsPage.discount'),
      value: yuan(r.totals.discountFen),
      sub: t('cardReportsPage.discountSub', { amount: yuan(r.totals.amountFen), pay: yuan(r.totals.payFen) }),
    },
  ];
  return (
    <div className="kpi-row card-report-kpis">
      {kpis.map((k) => (
        <div key={k.key} className={`kpi-card${k.alarm ? ' kpi-card-alarm' : ''}`} data-testid={`kpi-${k.key}`}>
          <div className="kpi-label">{k.label}</div>
          <div className="kpi-value">{k.value}</div>
          {k.sub && <div className="kpi-sub">{k.sub}</div>}
        </div>
      ))}
    </div>
  );
}
