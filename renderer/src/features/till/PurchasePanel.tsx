import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import type { Purchase, Verdict } from '../../../../shared/contract/till';
import { call } from '../../api/client';
import { appErrorOf, failureText } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { DeliveryFields } from './DeliveryFields';
import { PurchaseDone } from './PurchaseDone';
import { checkPurchase, EMPTY_PURCHASE, type PurchaseValues } from './purchaseForm';
import { yuan } from './tillFormat';

/** The cap or the discount moved since the verdict (another till): nothing was logged; verify again. */
const REVERIFY = new Set(['till.cap.changed', 'till.discount.changed']);

interface Props {
  code: string;
  verdict: Verdict;
  maxPurchaseFen: number;
  /** The cap moved under us (another till): verify the same code again, keeping what was typed. */
  onReverify(): void;
  onDone(purchase: Purchase): void;
}

/**
 * 消费金额 → 优惠 and 应付 as the cashier types → 登记消费 (Enter). A purchase is sent once: a second
 * Enter while it is on its way, or after it is logged, does nothing (and the backend logs a repeated
 * purchase id once in any case).
 */
export const PurchasePanel = memo(function PurchasePanel({ code, verdict, maxPurchaseFen, onReverify, onDone }: Props) {
  const [values, setValues] = useState<PurchaseValues>(EMPTY_PURCHASE);
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<{ type: 'warning' | 'error'; text: string } | null>(null);
  const [done, setDone] = useState<Purchase | null>(null);
  const inFlight = useRef(false);
  const amountRef = useRef<InputRef>(null);
  const invalidate = useInvalidate();
  const isCost = verdict.benefit?.kind === 'cost';
  const checked = checkPurchase(values, verdict, maxPurchaseFen, submitted);
  const { price } = checked;

  const onChange = useCallback((patch: Partial<PurchaseValues>) => setValues((v) => ({ ...v, ...patch })), []);

  useEffect(() => {
    amountRef.current?.focus();
  }, [verdict]);

  const submit = async () => {
    if (inFlight.current || done) return;
    setSubmitted(true);
    const now = checkPurchase(values, verdict, maxPurchaseFen, true);
    if (now.amountError || now.costError || now.addressError || !now.price || now.amountFen === null || !verdict.purchaseId) return;
    inFlight.current = true;
    setSending(true);
    setProblem(null);
    try {
      const purchase = await call('till.purchase', {
        purchaseId: verdict.purchaseId,
        code,
        amountFen: now.amountFen,
        costFen: isCost ? now.costFen : null,
        expectedDiscountFen: now.price.discountFen,
        delivery: values.delivery ? { address: values.address, note: values.note || undefined } : null,
      });
      setDone(purchase);
      onDone(purchase);
      invalidate('till.');
    } catch (err) {
      if (REVERIFY.has(appErrorOf(err).key)) {
        setProblem({ type: 'warning', text: t('purchase.capChanged') });
        onReverify();
      } else {
        setProblem({ type: 'error', text: t('purchase.failed', { message: failureText(err) }) });
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  if (done) return <PurchaseDone purchase={done} capLeftFen={verdict.capLeftFen} delivery={values.delivery} />;

  return (
    <section className="purchase-panel" data-testid="purchase-panel">
      <h3 className="purchase-title">{t('purchase.title')}</h3>
      <Form layout="vertical" size="large" component="div">
        <Form.Item label={t('purchase.amount')} validateStatus={checked.amountError ? 'error' : undefined} help={checked.amountError}>
          <Input
            ref={amountRef}
            className="purchase-amount"
            prefix="¥"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t('purchase.amountPlaceholder')}
            value={values.amount}
            onChange={(e) => onChange({ amount: e.target.value })}
            onPressEnter={() => void submit()}
            data-testid="purchase-amount"
          />
        </Form.Item>
        {isCost && (
          <Form.Item label={t('purchase.cost')} validateStatus={checked.costError ? 'error' : undefined} help={checked.costError ?? t('purchase.costHint')}>
            <Input
              className="purchase-amount"
              prefix="¥"
              inputMode="decimal"
              autoComplete="off"
              value={values.cost}
              onChange={(e) => onChange({ cost: e.target.value })}
              onPressEnter={() => void submit()}
              data-testid="purchase-cost"
            />
          </Form.Item>
        )}
        <div className="purchase-sums" data-testid="purchase-sums">
          <div>
            <span>{t('purchase.discount')}</span>
            <strong data-testid="purchase-discount">{price ? yuan(price.discountFen) : '–'}</strong>
          </div>
          <div className="purchase-pay">
            <span>{t('purchase.pay')}</span>
            <strong data-testid="purchase-pay">{price ? yuan(price.payFen) : '–'}</strong>
          </div>
        </div>
        {price && checked.amountFen !== null && price.eligibleFen < checked.amountFen && (
          <p className="purchase-over-cap">{t('purchase.overCap', { over: yuan(checked.amountFen - price.eligibleFen) })}</p>
        )}
        {verdict.delivery && verdict.cardNo && (
          <DeliveryFields cardNo={verdict.cardNo} values={values} error={checked.addressError} onChange={onChange} onEnter={() => void submit()} />
        )}
        {problem && <Alert type={problem.type} showIcon title={problem.text} style={{ marginBottom: 12 }} data-testid="purchase-problem" />}
        <Button type="primary" block className="purchase-submit" loading={sending} onClick={() => void submit()} data-testid="purchase-submit">
          {t('purchase.submit')}
        </Button>
      </Form>
    </section>
  );
});
