import { describe, expect, it } from 'vitest';
import { benefitLabel, capLabel, yuan } from './cardLabels';

describe('card labels', () => {
  it('says a percentage off the way shoppers say it', () => {
    expect(benefitLabel({ kind: 'percent', value: 10 })).toBe('九折');
    expect(benefitLabel({ kind: 'percent', value: 15 })).toBe('八五折');
    expect(benefitLabel({ kind: 'percent', value: 5 })).toBe('九五折');
    expect(benefitLabel({ kind: 'percent', value: 12 })).toBe('八八折');
    expect(benefitLabel({ kind: 'percent', value: 50 })).toBe('五折');
    expect(benefitLabel({ kind: 'percent', value: 1 })).toBe('九九折');
    expect(benefitLabel({ kind: 'percent', value: 95 })).toBe('0.5折');
    expect(benefitLabel({ kind: 'cost', value: 0 })).toBe('成本价');
  });

  it('shows money as yuan with two decimals, and a missing cap as 不限', () => {
    expect(yuan(1250)).toBe('¥12.50');
    expect(yuan(5)).toBe('¥0.05');
    expect(capLabel(30_000)).toBe('每月 ¥300.00');
    expect(capLabel(null)).toBe('不限');
  });
});
