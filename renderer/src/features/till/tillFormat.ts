import type { Benefit } from '../../../../shared/contract/cards';
import { formatFen } from '../../../../shared/rules/money';
import { t } from '../../i18n';

const DIGITS = '零一二三四五六七八九';

/** 10 % off → 九折, 15 % → 八五折, 95 % → 0.5折 (written as a shop writes it). */
export function zhe(percentOff: number): string {
  const rest = 100 - percentOff;
  const tens = Math.floor(rest / 10);
  const ones = rest % 10;
  if (tens === 0) return `${rest / 10}折`;
  return `${DIGITS[tens]}${ones === 0 ? '' : DIGITS[ones]}折`;
}

export function benefitLabel(benefit: Benefit): string {
  return benefit.kind === 'percent' ? t('tillBenefit.percent', { zhe: zhe(benefit.value), value: benefit.value }) : t('tillBenefit.cost');
}

/** 1250 → ¥12.50 */
export function yuan(fen: number): string {
  return t('tillMoney.yuan', { amount: formatFen(fen) });
}

const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export function clockTime(ms: number): string {
  return time.format(new Date(ms));
}
