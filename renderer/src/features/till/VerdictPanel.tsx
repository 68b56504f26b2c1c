import { memo } from 'react';
import { CheckCircleFilled, CloseCircleFilled, ScanOutlined, WarningFilled } from '@ant-design/icons';
import type { Verdict } from '../../../../shared/contract/till';
import { formatCardNumber } from '../../../../shared/rules/cardNumber';
import { failureText } from '../../components/apiErrors';
import { chineseDate } from '../../components/format';
import { t } from '../../i18n';
import { benefitLabel, clockTime, yuan } from './tillFormat';
import type { Check } from './useVerify';

function Facts({ verdict }: { verdict: Verdict }) {
  return (
    <dl className="verdict-facts">
      {verdict.maskedName && (
        <div className="verdict-name" data-testid="verdict-name">
          {verdict.maskedName}
        </div>
      )}
      {verdict.cardNo && (
        <div>
          <dt>{t('verify.cardNo')}</dt>
          <dd data-testid="verdict-card">{formatCardNumber(verdict.cardNo)}</dd>
        </div>
      )}
      {verdict.benefit && (
        <div>
          <dt>{t('verify.benefit')}</dt>
          <dd data-testid="verdict-benefit">{benefitLabel(verdict.benefit)}</dd>
        </div>
      )}
      {verdict.ok && (
        <div>
          <dt>{t('verify.capLeft')}</dt>
          <dd data-testid="verdict-cap">
            {verdict.capLeftFen === null ? t('verify.noCap') : yuan(verdict.capLeftFen)}
            {verdict.monthlyCapFen !== null && <small>{t('verify.capOf', { cap: yuan(verdict.monthlyCapFen) })}</small>}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The verdict, big enough to read from two metres: a green 有效 or a red 无效 with the reason. */
export const VerdictPanel = memo(function VerdictPanel({ check, pending }: { check: Check | null; pending: boolean }) {
  const busy = pending ? ' is-checking' : '';
  if (!check) {
    return (
      <section className={`verdict verdict-idle${busy}`} data-testid="verdict" data-state="idle" aria-live="polite">
        <ScanOutlined className="verdict-icon" />
        <div className="verdict-word">{pending ? t('verify.checking') : t('verify.idle')}</div>
        <p className="verdict-hint">{t('verify.idleHint')}</p>
      </section>
    );
  }
  if (!check.verdict) {
    return (
      <section className={`verdict verdict-failed${busy}`} data-testid="verdict" data-state="failed" aria-live="assertive">
        <WarningFilled className="verdict-icon" />
        <div className="verdict-reason">{t('verify.failed', { message: failureText(check.error) })}</div>
      </section>
    );
  }
  const v = check.verdict;
  return (
    <section
      className={`verdict ${v.ok ? 'verdict-valid' : 'verdict-invalid'}${busy}`}
      data-testid="verdict"
      data-state={v.ok ? 'valid' : 'invalid'}
      data-reason={v.reason ?? undefined}
      aria-live="assertive"
    >
      <div className="verdict-head">
        {v.ok ? <CheckCircleFilled className="verdict-icon" /> : <CloseCircleFilled className="verdict-icon" />}
        <span className="verdict-word">{v.ok ? t('verify.valid') : t('verify.invalid')}</span>
        <span className="verdict-time">{t('verify.checkedAt', { time: clockTime(check.at) })}</span>
      </div>
      {!v.ok && (
        <div className="verdict-reason" data-testid="verdict-reason">
          {v.reason ? t(`till.refusal.${v.reason}`) : t('verify.reasonUnknown')}
        </div>
      )}
      <Facts verdict={v} />
      {v.ok && (
        <div className="verdict-tags">
          {v.delivery && <span className="verdict-tag">{t('verify.delivery')}</span>}
          {v.validTo && <span className="verdict-valid-to">{t('verify.validTo', { date: chineseDate(v.validTo) })}</span>}
        </div>
      )}
    </section>
  );
});
