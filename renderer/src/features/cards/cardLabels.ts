import type { APPLICATION_STATUSES, Benefit, CARD_EVENT_ACTIONS, EFFECTIVE_CARD_STATUSES } from '../../../../shared/contract/cards';
import { formatFen } from '../../../../shared/rules/money';
import { t } from '../../i18n';

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type CardStatus = (typeof EFFECTIVE_CARD_STATUSES)[number];
export type CardEventAction = (typeof CARD_EVENT_ACTIONS)[number];

/** Every money value on screen: ¥12.50. */
export function yuan(fen: number): string {
  return `¥${formatFen(fen)}`;
}

const DIGITS = '零一二三四五六七八九';

/**
 * The benefit as shoppers say it: 10 % off → 九折, 15 % → 八五折, 5 % → 九五折; cost price → 成本价.
 * A discount deeper than 九折 written with a decimal (0.5折) is left as digits.
 */
export function benefitLabel(b: Benefit): string {
  if (b.kind === 'cost') return t('benefit.cost');
  const tenths = 100 - b.value;
  if (tenths < 10) return t('benefit.zhe', { n: `${tenths / 10}` });
  const n = tenths % 10 === 0 ? DIGITS[tenths / 10]! : DIGITS[Math.floor(tenths / 10)]! + DIGITS[tenths % 10]!;
  return t('benefit.zhe', { n });
}

/** 每月限 ¥300.00, or 不限 when the card has no cap. */
export function capLabel(capFen: number | null): string {
  return capFen === null ? t('cardView.noCap') : t('cardView.capPerMonth', { amount: yuan(capFen) });
}

export const applicationStatusLabel = (s: ApplicationStatus): string => t(`applicationStatus.${s}`);
export const cardStatusLabel = (s: CardStatus): string => t(`cardStatus.${s}`);
export const cardEventLabel = (a: CardEventAction): string => t(`cardEvent.${a}`);

/** Work still to do in warm colours, done in green, refused or closed in red and grey. */
export const APPLICATION_STATUS_COLORS: Record<ApplicationStatus, string> = {
  submitted: 'blue',
  reviewed: 'cyan',
  notice: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** A card that works is green; one that works no more is red (revoked) or grey; a paused one orange. */
export const CARD_STATUS_COLORS: Record<CardStatus, string> = {
  active: 'green',
  suspended: 'orange',
  revoked: 'red',
  expired: 'default',
  replaced: 'purple',
};

export const CARD_EVENT_COLORS: Record<CardEventAction, string> = {
  issued: 'green',
  suspended: 'orange',
  resumed: 'green',
  revoked: 'red',
  replaced: 'purple',
  renewed: 'blue',
  printed: 'gray',
};
