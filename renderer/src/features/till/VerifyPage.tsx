import { useCallback, useRef, useState } from 'react';
import { Alert, Typography, type InputRef } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { useNow } from '../../components/useNow';
import { t } from '../../i18n';
import { useMe, useSession } from '../../app/session/SessionContext';
import { PACKAGE_STALE_DAYS, packageAgeDays } from './packageAge';
import { PurchasePanel } from './PurchasePanel';
import { ScanBar } from './ScanBar';
import { useScanner } from './useScanner';
import { useVerify } from './useVerify';
import { VerdictPanel } from './VerdictPanel';
import './till.css';

interface FormSlot {
  /** Remounts the purchase form: a new card, or the next customer after a logged purchase. */
  key: number;
  cardNo: string | null;
  done: boolean;
  /** The check this slot was last matched to. */
  n: number;
}

/**
 * 核验收银, the partner's home (and 核验 for staff, without the purchase): scan → verdict → amount → 登记.
 * The next scan replaces the verdict. Scanning the same card again while typing the amount keeps what
 * was typed (the scanner's keys are taken back out of the field).
 */
export default function VerifyPage() {
  const me = useMe();
  const { locked } = useSession();
  const canBuy = me.role === 'partner';
  const status = useApiQuery('till.status', {});
  const now = useNow(60_000);
  const { check, pending, verify } = useVerify();
  const [runs, setRuns] = useState(0);
  const scanRef = useRef<InputRef>(null);
  const [slot, setSlot] = useState<FormSlot>({ key: 0, cardNo: null, done: false, n: -1 });

  if (check && check.n !== slot.n) {
    const cardNo = check.verdict?.cardNo ?? null;
    const fresh = slot.done || cardNo !== slot.cardNo;
    setSlot({ key: fresh ? slot.key + 1 : slot.key, cardNo, done: fresh ? false : slot.done, n: check.n });
  }

  const run = useCallback(
    (code: string) => {
      setRuns((r) => r + 1);
      void verify(code, { measured: true });
      scanRef.current?.focus();
    },
    [verify],
  );
  // Behind the lock screen the keys are the password's.
  useScanner(run, !locked);

  const onDone = useCallback(() => {
    setSlot((s) => ({ ...s, done: true }));
    scanRef.current?.focus();
  }, []);

  const reverify = useCallback(() => {
    if (check) void verify(check.code, { measured: false });
  }, [check, verify]);

  const verdict = check?.verdict;
  const age = status.data ? packageAgeDays(status.data, now) : null;
  const selling = canBuy && !!verdict?.ok && !!status.data;

  return (
    <div className="till-page">
      <div className="page-title">
        <Typography.Title level={2}>{canBuy ? t('verify.title') : t('verify.titleStaff')}</Typography.Title>
      </div>
      {status.error && <Alert type="error" showIcon title={failureText(status.error)} style={{ marginBottom: 12 }} />}
      {age !== null && age > PACKAGE_STALE_DAYS && (
        <Alert type="warning" showIcon title={t('tillPackage.old', { days: age })} style={{ marginBottom: 12 }} data-testid="package-old" />
      )}
      {!canBuy && <Alert type="info" showIcon title={t('verify.staffHint')} style={{ marginBottom: 12 }} />}
      <ScanBar inputRef={scanRef} pending={pending} clearKey={runs} onSubmit={run} />
      <div className={selling ? 'till-grid till-grid-selling' : 'till-grid'}>
        <VerdictPanel check={check} pending={pending} />
        {canBuy && verdict?.ok && status.data && check && (
          <PurchasePanel
            key={slot.key}
            code={check.code}
            verdict={verdict}
            maxPurchaseFen={status.data.maxPurchaseFen}
            onReverify={reverify}
            onDone={onDone}
          />
        )}
      </div>
    </div>
  );
}
