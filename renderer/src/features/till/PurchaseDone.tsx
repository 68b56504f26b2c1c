import { CheckOutlined } from '@ant-design/icons';
import type { Purchase } from '../../../../shared/contract/till';
import { t } from '../../i18n';
import { formatFen } from '../../../../shared/rules/money';

/** 已登记: what was logged, while the till waits for the next card. */
interface Props {
  purchase: Purchase;
  /** What was left of the cap at the verdict (null: no cap). */
  capLeftFen: number | null;
  delivery: boolean;
}

export function PurchaseDone({ purchase, capLeftFen, delivery }: Props) {
  return (
    <section className="purchase-panel purchase-done" data-testid="purchase-done" aria-live="polite">
      <div className="purchase-done-head">
        <CheckOutlined /> {t('purchase.done')}
      </div>
      <div className="purchase-done-pay" data-testid="purchase-done-pay">
        {t('purchase.donePay', { pay: formatFen(purchase.payFen) })}
      </div>
      <div className="purchase-done-line">{t('purchase.doneAmount', { amount: formatFen(purchase.amountFen) })}</div>
      <div className="purchase-done-line">{t('purchase.doneDiscount', { discount: formatFen(purchase.discountFen) })}</div>
      {capLeftFen !== null && (
        <div className="purchase-done-line" data-testid="purchase-done-cap">
          {t('purchase.doneCapLeft', { left: formatFen(Math.max(0, capLeftFen - purchase.eligibleFen)) })}
        </div>
      )}
      {delivery && <div className="purchase-done-line">{t('purchase.doneDelivery')}</div>}
      <p className="purchase-next">{t('purchase.next')}</p>
    </section>
  );
}
