import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan, priceOf } from './money';

const tenOff = { kind: 'percent' as const, value: 10 };
const cost = { kind: 'cost' as const, value: 0 };

describe('money in fen', () => {
  it('parses yuan text without floating point', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan('12.05')).toBe(1205);
    expect(parseYuan(' ¥1,234.50 ')).toBe(123450);
    expect(parseYuan('0.1')).toBe(10);
    // 0.1 + 0.2 style errors cannot happen: 19.99 is 1999 exactly.
    expect(parseYuan('19.99')).toBe(1999);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '-5', '1.234', 'abc', '1e3', '12.', '.5', '１２']) expect(parseYuan(bad), bad).toBeNull();
  });

  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(123450)).toBe('1234.50');
    expect(formatFen(-250)).toBe('-2.50');
  });
});

describe('the discount (rounded down to the fen)', () => {
  it('gives the percentage, rounded down', () => {
    expect(priceOf({ benefit: tenOff, amountFen: 1999, costFen: null, capLeftFen: null })).toEqual({ eligibleFen: 1999, discountFen: 199, payFen: 1800 });
    expect(priceOf({ benefit: tenOff, amountFen: 9, costFen: null, capLeftFen: null })).toEqual({ eligibleFen: 9, discountFen: 0, payFen: 9 });
    expect(priceOf({ benefit: { kind: 'percent', value: 15 }, amountFen: 10_000, costFen: null, capLeftFen: null }).discountFen).toBe(1500);
  });

  it('discounts only the part under the monthly cap', () => {
    expect(priceOf({ benefit: tenOff, amountFen: 10_000, costFen: null, capLeftFen: 3_000 })).toEqual({ eligibleFen: 3_000, discountFen: 300, payFen: 9_700 });
    expect(priceOf({ benefit: tenOff, amountFen: 10_000, costFen: null, capLeftFen: 0 })).toEqual({ eligibleFen: 0, discountFen: 0, payFen: 10_000 });
  });

  it('sells at cost price, on the capped share of the goods', () => {
    expect(priceOf({ benefit: cost, amountFen: 10_000, costFen: 8_000, capLeftFen: null })).toEqual({ eligibleFen: 10_000, discountFen: 2_000, payFen: 8_000 });
    // Half the goods under the cap: half the margin, rounded down.
    expect(priceOf({ benefit: cost, amountFen: 10_001, costFen: 8_000, capLeftFen: 5_000 })).toEqual({ eligibleFen: 5_000, discountFen: 1_000, payFen: 9_001 });
    // A cost above the shelf price gives no discount (never a negative one).
    expect(priceOf({ benefit: cost, amountFen: 1_000, costFen: 1_200, capLeftFen: null }).discountFen).toBe(0);
  });

  it('never pays out more than the amount, whatever the inputs', () => {
    for (let amount = 1; amount < 3000; amount += 37) {
      for (const capLeft of [null, 0, 1, 500, 5000]) {
        const p = priceOf({ benefit: tenOff, amountFen: amount, costFen: null, capLeftFen: capLeft });
        expect(p.discountFen).toBeGreaterThanOrEqual(0);
        expect(p.discountFen * 10).toBeLessThanOrEqual(p.eligibleFen);
        expect(p.payFen + p.discountFen).toBe(amount);
        if (capLeft !== null) expect(p.eligibleFen).toBeLessThanOrEqual(capLeft);
      }
    }
  });
});
