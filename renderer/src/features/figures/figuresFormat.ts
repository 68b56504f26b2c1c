import { t } from '../../i18n';

/** 0.8534 → 85.3%; null (nothing to divide by) → —. */
export function percent(rate: number | null): string {
  return rate === null ? t('figuresPage.none') : `${(rate * 100).toFixed(1)}%`;
}

/** Minutes with one decimal, or — when there is nothing to average. */
export function minutes(m: number | null): string {
  return m === null ? t('figuresPage.none') : t('figuresPage.minutes', { n: m.toFixed(1) });
}
