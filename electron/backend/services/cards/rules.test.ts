import { afterEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { DEFAULT_CARD_RULES, getCardRules, saveCardRules } from './rules';

describe('card rules', () => {
  let t: TestBackend;
  afterEach(() => t?.close());

  it('defaults to 30 days ahead, a 30-minute void window and 5000 yuan per purchase', async () => {
    t = await makeTestBackend();
    expect(getCardRules(t.backend.db)).toEqual({ reviewAheadDays: 30, voidWindowMinutes: 30, maxPurchaseFen: 500_000 });
  });

  it('keeps what was saved and fills a rule missing from an older stored value', async () => {
    t = await makeTestBackend();
    const db = t.backend.db;
    saveCardRules(db, { reviewAheadDays: 45, voidWindowMinutes: 10, maxPurchaseFen: 20_000 });
    expect(getCardRules(db)).toEqual({ reviewAheadDays: 45, voidWindowMinutes: 10, maxPurchaseFen: 20_000 });
    db.prepare(`UPDATE settings SET value = '{"reviewAheadDays":60}' WHERE key = 'cards.rules'`).run();
    expect(getCardRules(db)).toEqual({ ...DEFAULT_CARD_RULES, reviewAheadDays: 60 });
  });
});
