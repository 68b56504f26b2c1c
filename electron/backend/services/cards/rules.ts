import type { Db } from '../../db/open';
import { getSetting, setSetting } from '../centre/settings';

export interface CardRules {
  /** A card shows in the 待年审 list this many days before it ends. */
  reviewAheadDays: number;
  /** A till may void its own purchase within this many minutes. */
  voidWindowMinutes: number;
  /** The largest single purchase a till accepts, in fen. */
  maxPurchaseFen: number;
}

export const CARD_RULES_KEY = 'cards.rules';

export const DEFAULT_CARD_RULES: CardRules = { reviewAheadDays: 30, voidWindowMinutes: 30, maxPurchaseFen: 500_000 };

/** The stored rules over the defaults, so a rule added later has a value in old databases. */
export function getCardRules(db: Db): CardRules {
  return { ...DEFAULT_CARD_RULES, ...getSetting<string, Partial<CardRules>>(db, CARD_RULES_KEY, {}) };
}

export function saveCardRules(db: Db, rules: CardRules): void {
  setSetting(db, CARD_RULES_KEY, {
    reviewAheadDays: rules.reviewAheadDays,
    voidWindowMinutes: rules.voidWindowMinutes,
    maxPurchaseFen: rules.maxPurchaseFen,
  });
}
