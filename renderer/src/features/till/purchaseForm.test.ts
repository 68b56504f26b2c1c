import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../../shared/contract/till';
import { PACKAGE_STALE_DAYS, packageAgeDays } from './packageAge';
import { checkPurchase, EMPTY_PURCHASE } from './purchaseForm';

const MAX = 500_000;
const verdict = (over: Partial<Verdict>): Verdict => ({
  ok: true,
  reason: null,
  cardNo: '1000000016',
  maskedName: '张*芳',
  benefit: { kind: 'percent', value: 10 },
  monthlyCapFen: 30_000,
  capLeftFen: 30_000,
  delivery: false,
  validTo: '2027-11-23',
  purchaseId: '01a209ad-1892-7312-97e1-a1827a8e7563',
  ...over,
});
const values = (v: Partial<typeof EMPTY_PURCHASE>) => ({ ...EMPTY_PURCHASE, ...v });

describe('the purchase form', () => {
  it('prices a percentage card the way the backend does (discount rounded down)', () => {
    const c = checkPurchase(values({ amount: '35.55' }), verdict({}), MAX, false);
    expect(c.price).toEqual({ eligibleFen: 3555, discountFen: 355, payFen: 3200 });
    expect([c.amountError, c.costError, c.addressError]).toEqual([null, null, null]);
  });

  it('gives the benefit only on what is left of the cap', () => {
    const c = checkPurchase(values({ amount: '12' }), verdict({ capLeftFen: 300 }), MAX, false);
    expect(c.price).toEqual({ eligibleFen: 300, discountFen: 30, payFen: 1170 });
  });

  it('asks a cost-price card for the cost too, and not more than the amount', () => {
    const cost = verdict({ benefit: { kind: 'cost', value: 0 }, monthlyCapFen: null, capLeftFen: null });
    expect(checkPurchase(values({ amount: '50' }), cost, MAX, false).price).toBeNull();
    expect(checkPurchase(values({ amount: '50' }), cost, MAX, true).costError).toBe('成本价卡请填写成本价金额');
    expect(checkPurchase(values({ amount: '50', cost: '60' }), cost, MAX, false).costError).toBe('成本价金额不能高于消费金额');
    expect(checkPurchase(values({ amount: '50', cost: '42.5' }), cost, MAX, false).price).toEqual({ eligibleFen: 5000, discountFen: 750, payFen: 4250 });
  });

  it('keeps empty and zero quiet while typing and names them on 登记', () => {
    expect(checkPurchase(values({ amount: '0' }), verdict({}), MAX, false).amountError).toBeNull();
    expect(checkPurchase(values({ amount: '0' }), verdict({}), MAX, true).amountError).toBe('金额不能为 0');
    expect(checkPurchase(values({}), verdict({}), MAX, true).amountError).toBe('请输入消费金额');
    expect(checkPurchase(values({ amount: '12.345' }), verdict({}), MAX, false).amountError).toMatch(/^金额格式不对/);
    expect(checkPurchase(values({ amount: '9999' }), verdict({}), MAX, false).amountError).toBe('金额太大：一笔不能超过 ¥5000.00，请核对');
  });

  it('wants an address when the goods are delivered', () => {
    expect(checkPurchase(values({ amount: '5', delivery: true, address: ' ' }), verdict({ delivery: true }), MAX, true).addressError).toBe('请填写送货地址');
  });
});

describe('the package age', () => {
  const status = { mode: 'partner' as const, packageIssuedAt: Date.UTC(2026, 10, 1, 2), partnerName: '惠民', centreName: '中心', centreCode: 'C001', cardsKnown: 1, refusedCards: 0, unexportedPurchases: 0, voidWindowMinutes: 30, maxPurchaseFen: MAX };
  it('counts whole days since the package was made; none at the centre', () => {
    expect(packageAgeDays(status, Date.UTC(2026, 10, 8, 1))).toBe(6);
    expect(packageAgeDays(status, Date.UTC(2026, 10, 9, 3))).toBe(PACKAGE_STALE_DAYS + 1);
    expect(packageAgeDays({ ...status, mode: 'centre', packageIssuedAt: null }, Date.UTC(2026, 10, 9))).toBeNull();
  });
});
