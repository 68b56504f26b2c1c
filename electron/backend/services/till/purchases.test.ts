import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorValue, Input, Method } from '../../../../shared/contract';
import type { SessionSlot } from '../../context';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';
import { saveCardRules, DEFAULT_CARD_RULES } from '../cards/rules';
import { makeTestCard, type TestCard } from '../cards/testCards';
import { countRows, flipBit, setCardStatus } from './testTill';

describe('till purchases', () => {
  let t: TestBackend;
  let partner: SessionSlot;
  const db = () => t.backend.db;

  const fails = async <M extends Method>(slot: SessionSlot, method: M, input: Input<M>): Promise<AppErrorValue> => {
    const r = await t.backend.dispatch(slot, method, input);
    if (r.ok) throw new Error(`${method} should have failed`);
    return r.error;
  };
  const verify = (code: string) => t.ok(partner, 'till.verify', { code });
  /** Verify, then log the purchase with the discount the screen would show. */
  const buy = async (card: TestCard, amountFen: number, expectedDiscountFen: number, extra: Partial<Input<'till.purchase'>> = {}) => {
    const v = await verify(card.code);
    return t.ok(partner, 'till.purchase', { purchaseId: v.purchaseId!, code: card.code, amountFen, expectedDiscountFen, ...extra });
  };

  beforeAll(async () => {
    t = await makeTestBackend();
    partner = await t.loginAs('partner');
  });
  afterAll(() => t.close());

  it('logs a purchase with the discount rounded down, once even when submitted twice', async () => {
    const card = await makeTestCard(t, { name: '张小芳', monthlyCapFen: null });
    const v = await verify(card.code);
    const input = { purchaseId: v.purchaseId!, code: card.code, amountFen: 1_999, expectedDiscountFen: 199 };
    const first = await t.ok(partner, 'till.purchase', input);
    expect(first).toMatchObject({
      id: v.purchaseId,
      cardNo: card.cardNo,
      maskedName: '张*芳',
      amountFen: 1_999,
      costFen: null,
      eligibleFen: 1_999,
      discountFen: 199,
      payFen: 1_800,
      tillUserName: 'partner 用户',
      voidedAt: null,
      voidable: true,
    });
    t.clock.advance(5_000);
    const again = await t.ok(partner, 'till.purchase', input);
    expect(again).toEqual(first);
    expect(db().prepare('SELECT count(*) AS n FROM purchases WHERE id = ?').get(v.purchaseId)).toEqual({ n: 1 });
    expect(db().prepare('SELECT month, partner_id IS NOT NULL AS p FROM purchases WHERE id = ?').get(v.purchaseId)).toEqual({ month: '2026-11', p: 1 });
  });

  it('a cost-price card needs the cost (not over the amount) and gives the margin on the part under the cap', async () => {
    const card = await makeTestCard(t, { name: '李大山', benefit: { kind: 'cost', value: 0 }, monthlyCapFen: 3_000 });
    const v = await verify(card.code);
    const base = { purchaseId: v.purchaseId!, code: card.code, amountFen: 5_000, expectedDiscountFen: 0 };
    expect(await fails(partner, 'till.purchase', base)).toMatchObject({ code: 'VALIDATION', key: 'till.cost.required', field: 'costFen' });
    expect(await fails(partner, 'till.purchase', { ...base, costFen: 5_001 })).toMatchObject({ key: 'till.cost.overAmount', field: 'costFen' });
    // Margin 5000 − 4001 = 999 on 3000 of 5000 under the cap: floor(999 × 3000 / 5000) = floor(599.4) = 599.
    const p = await t.ok(partner, 'till.purchase', { ...base, costFen: 4_001, expectedDiscountFen: 599 });
    expect(p).toMatchObject({ costFen: 4_001, eligibleFen: 3_000, discountFen: 599, payFen: 4_401 });
    expect((await verify(card.code)).reason).toBe('capReached');
  });

  it('a percent card ignores a cost and gives the benefit only on the part under the cap', async () => {
    const card = await makeTestCard(t, { name: '王五', benefit: { kind: 'percent', value: 15 }, monthlyCapFen: 1_000 });
    // 15% of 999 = 149.85 → 149.
    expect(await buy(card, 999, 149, { costFen: 10 })).toMatchObject({ costFen: null, eligibleFen: 999, discountFen: 149, payFen: 850 });
    expect((await verify(card.code)).capLeftFen).toBe(1);
    // 1 fen left of the cap: 15% of 1 fen is 0.
    expect(await buy(card, 2_000, 0)).toMatchObject({ eligibleFen: 1, discountFen: 0, payFen: 2_000 });
    expect((await verify(card.code)).reason).toBe('capReached');
  });

  it('logs nothing for a refused card, an absurd amount or a discount that moved', async () => {
    const card = await makeTestCard(t, { name: '赵六', monthlyCapFen: 10_000 });
    const v = await verify(card.code);
    const before = { purchases: countRows(db(), 'purchases'), deliveries: countRows(db(), 'deliveries'), outbox: countRows(db(), 'outbox') };
    const input = { purchaseId: v.purchaseId!, code: card.code, amountFen: 1_000, expectedDiscountFen: 100 };

    expect(await fails(partner, 'till.purchase', { ...input, code: flipBit(card.code, -3) })).toEqual({ code: 'VALIDATION', key: 'till.refusal.forged', field: 'code' });
    expect(await fails(partner, 'till.purchase', { ...input, code: card.code.slice(0, -6) })).toMatchObject({ key: 'till.refusal.unreadable', field: 'code' });
    expect(await fails(partner, 'till.purchase', { ...input, amountFen: 0 })).toMatchObject({ code: 'VALIDATION', key: 'money.zero', field: 'amountFen' });
    expect(await fails(partner, 'till.purchase', { ...input, amountFen: -5 })).toMatchObject({ key: 'money.negative', field: 'amountFen' });
    expect(await fails(partner, 'till.purchase', { ...input, amountFen: 12.5 })).toMatchObject({ key: 'money.fen.integer', field: 'amountFen' });
    expect(await fails(partner, 'till.purchase', { ...input, amountFen: DEFAULT_CARD_RULES.maxPurchaseFen + 1 })).toMatchObject({
      code: 'VALIDATION',
      key: 'money.tooLarge',
      field: 'amountFen',
      params: { max: '5000.00' },
    });
    expect(await fails(partner, 'till.purchase', { ...input, expectedDiscountFen: 99 })).toMatchObject({
      code: 'CONFLICT',
      key: 'till.cap.changed',
      params: { left: '100.00' },
    });
    expect(await fails(partner, 'till.purchase', { ...input, delivery: { address: '幸福路1号' } })).toMatchObject({
      key: 'till.delivery.notEligible',
      field: 'delivery',
    });
    setCardStatus(db(), card.id, 'revoked');
    expect(await fails(partner, 'till.purchase', input)).toMatchObject({ key: 'till.refusal.revoked', field: 'code' });
    setCardStatus(db(), card.id, 'active');

    expect({ purchases: countRows(db(), 'purchases'), deliveries: countRows(db(), 'deliveries'), outbox: countRows(db(), 'outbox') }).toEqual(before);
    // The same purchase id is still free for the real thing.
    expect((await t.ok(partner, 'till.purchase', input)).id).toBe(v.purchaseId);
  });

  it('a limit set at the centre is the one the till applies', async () => {
    saveCardRules(db(), { ...DEFAULT_CARD_RULES, maxPurchaseFen: 10_000 });
    try {
      const card = await makeTestCard(t, { name: '陈七', monthlyCapFen: null });
      expect((await t.ok(partner, 'till.status', {})).maxPurchaseFen).toBe(10_000);
      expect(await buy(card, 10_000, 1_000)).toMatchObject({ amountFen: 10_000 });
      const v = await verify(card.code);
      expect(await fails(partner, 'till.purchase', { purchaseId: v.purchaseId!, code: card.code, amountFen: 10_001, expectedDiscountFen: 1_000 })).toMatchObject({
        key: 'money.tooLarge',
        params: { max: '100.00' },
      });
    } finally {
      saveCardRules(db(), DEFAULT_CARD_RULES);
    }
  });

  it('at the centre, each purchase and void goes to the outbox without personal data', async () => {
    const card = await makeTestCard(t, { name: '欧阳娜娜', monthlyCapFen: null });
    const p = await buy(card, 3_000, 300);
    await t.ok(partner, 'till.void', { id: p.id, reason: '顾客退货' });
    const rows = db().prepare(`SELECT kind, payload FROM outbox WHERE stream = 'purchases' AND record_id = ? ORDER BY created_at, id`).all(p.id) as {
      kind: string;
      payload: string;
    }[];
    expect(rows.map((r) => r.kind)).toEqual(['purchase', 'void']);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ cardNo: card.cardNo, amountFen: 3_000, discountFen: 300, voidedAt: null });
    for (const r of rows) expect(r.payload).not.toMatch(/欧|娜|maskedName|address/);
  });

  it('refuses a purchase id already used by another partner, and a verifier account with no partner', async () => {
    const card = await makeTestCard(t, { name: '刘一', monthlyCapFen: null });
    const p = await buy(card, 1_000, 100);
    const otherPartner = 'p-other';
    db().prepare(`INSERT INTO partners (id, name, address, contact_name, contact_phone, created_at, updated_at) VALUES (?, '另一家', '地址', '某', '1', 0, 0)`).run(otherPartner);
    await t.ok(t.admin, 'users.create', { username: 'other1', displayName: '另一家收银', role: 'partner', password: PASSWORD });
    db().prepare(`UPDATE users SET partner_id = ? WHERE username = 'other1'`).run(otherPartner);
    const other: SessionSlot = { sessionId: null };
    await t.ok(other, 'session.login', { username: 'other1', password: PASSWORD });
    const again = { purchaseId: p.id, code: card.code, amountFen: 1_000, expectedDiscountFen: 100 };
    expect(await fails(other, 'till.purchase', again)).toMatchObject({ code: 'CONFLICT', key: 'till.purchase.otherPartner' });
    // …nor can it see or void this partner's purchase.
    expect(await fails(other, 'till.void', { id: p.id, reason: '错' })).toMatchObject({ code: 'NOT_FOUND', key: 'till.purchase.notFound' });
    expect((await t.ok(other, 'till.purchases', {})).rows).toEqual([]);

    await t.ok(t.admin, 'users.create', { username: 'loose1', displayName: '未关联', role: 'partner', password: PASSWORD });
    const loose: SessionSlot = { sessionId: null };
    await t.ok(loose, 'session.login', { username: 'loose1', password: PASSWORD });
    expect(await fails(loose, 'till.purchase', { ...again, purchaseId: '01890000-0000-7000-8000-000000000001' })).toMatchObject({
      code: 'FORBIDDEN',
      key: 'till.partner.none',
    });
    expect((await t.ok(loose, 'till.verify', { code: card.code })).ok).toBe(true);
  });
});

describe('till.void', () => {
  let t: TestBackend;
  let partner: SessionSlot;
  beforeAll(async () => {
    t = await makeTestBackend();
    partner = await t.loginAs('partner');
  });
  afterAll(() => t.close());

  /** Moves the clock past the idle lock: both sessions unlock again. */
  const later = async (ms: number) => {
    t.clock.advance(ms);
    await t.ok(t.admin, 'session.unlock', { password: PASSWORD });
    partner = await t.loginAs('partner');
  };
  const buyAt = async (card: TestCard, amountFen: number, discount: number) => {
    const v = await t.ok(partner, 'till.verify', { code: card.code });
    return t.ok(partner, 'till.purchase', { purchaseId: v.purchaseId!, code: card.code, amountFen, expectedDiscountFen: discount });
  };

  it('voids within the window (its last millisecond included), gives the cap back, and only once', async () => {
    const card = await makeTestCard(t, { monthlyCapFen: 2_000 });
    const p = await buyAt(card, 2_000, 200);
    expect((await t.ok(partner, 'till.verify', { code: card.code })).reason).toBe('capReached');
    await later(DEFAULT_CARD_RULES.voidWindowMinutes * 60_000);
    expect((await t.ok(partner, 'till.purchases', {})).rows[0]).toMatchObject({ id: p.id, voidable: true });
    const voided = await t.ok(partner, 'till.void', { id: p.id, reason: '收银员输错金额' });
    expect(voided).toMatchObject({ id: p.id, voidedAt: t.clock.now(), voidReason: '收银员输错金额', voidable: false });
    expect(await t.ok(partner, 'till.verify', { code: card.code })).toMatchObject({ ok: true, capLeftFen: 2_000 });
    const twice = await t.backend.dispatch(partner, 'till.void', { id: p.id, reason: '再撤一次' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'till.void.already' } });
    const reasonless = await t.backend.dispatch(partner, 'till.void', { id: p.id, reason: '  ' });
    expect(reasonless).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason' } });
  });

  it('refuses a void one millisecond after the window', async () => {
    const card = await makeTestCard(t, { name: '李四', monthlyCapFen: null });
    const p = await buyAt(card, 1_000, 100);
    await later(DEFAULT_CARD_RULES.voidWindowMinutes * 60_000 + 1);
    expect((await t.ok(partner, 'till.purchases', {})).rows.find((r) => r.id === p.id)).toMatchObject({ voidable: false });
    expect(await t.backend.dispatch(partner, 'till.void', { id: p.id, reason: '太晚了' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'till.void.tooLate', params: { minutes: DEFAULT_CARD_RULES.voidWindowMinutes } },
    });
    expect(t.backend.db.prepare('SELECT voided_at FROM purchases WHERE id = ?').get(p.id)).toEqual({ voided_at: null });
  });

  it('lists a day’s purchases with totals of those that stand', async () => {
    const list = await t.ok(partner, 'till.purchases', {});
    expect(list.rows).toHaveLength(2);
    expect(list).toMatchObject({ count: 1, amountFen: 1_000, discountFen: 100, payFen: 900 });
    expect(list.rows.map((r) => r.voidedAt === null)).toEqual([true, false]);
    expect((await t.ok(partner, 'till.purchases', { date: '2026-11-22' })).rows).toEqual([]);
    // The Shanghai day: 2026-11-23 runs from 16:00 UTC on the 22nd.
    expect((await t.ok(partner, 'till.purchases', { date: '2026-11-23' })).count).toBe(1);
  });
});

describe('till deliveries', () => {
  let t: TestBackend;
  let partner: SessionSlot;
  beforeAll(async () => {
    t = await makeTestBackend();
    partner = await t.loginAs('partner');
  });
  afterAll(() => t.close());

  it('a delivery with a purchase, for a delivery-eligible card only; its address is the one a till may see', async () => {
    const home = await makeTestCard(t, { name: '孙奶奶', delivery: true, monthlyCapFen: null });
    const walkIn = await makeTestCard(t, { name: '周爷爷', delivery: false, monthlyCapFen: null });
    expect(await t.ok(partner, 'till.deliveryAddress', { cardNo: home.cardNo })).toEqual({ address: '幸福路1号3单元201' });
    expect(await t.ok(partner, 'till.deliveryAddress', { cardNo: walkIn.cardNo })).toEqual({ address: null });

    const v = await t.ok(partner, 'till.verify', { code: home.code });
    const p = await t.ok(partner, 'till.purchase', {
      purchaseId: v.purchaseId!,
      code: home.code,
      amountFen: 8_000,
      expectedDiscountFen: 800,
      delivery: { address: '幸福路1号3单元201', note: '下午送' },
    });
    const [d] = await t.ok(partner, 'till.deliveries', {});
    expect(d).toMatchObject({ cardNo: home.cardNo, maskedName: '孙*奶', address: '幸福路1号3单元201', note: '下午送', status: 'requested', purchaseId: p.id });

    const refused = await t.backend.dispatch(partner, 'till.requestDelivery', { cardNo: walkIn.cardNo, address: '某处' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'till.delivery.notEligible', field: 'cardNo' } });
    const unknown = await t.backend.dispatch(partner, 'till.requestDelivery', { cardNo: '1000000000', address: '某处' });
    expect(unknown).toMatchObject({ ok: false, error: { key: 'till.refusal.unknown', field: 'cardNo' } });
    const badPurchase = await t.backend.dispatch(partner, 'till.requestDelivery', { cardNo: home.cardNo, address: '某处', purchaseId: '01890000-0000-7000-8000-000000000009' });
    expect(badPurchase).toMatchObject({ ok: false, error: { key: 'till.delivery.purchase', field: 'purchaseId' } });
    setCardStatus(t.backend.db, home.id, 'suspended');
    const suspended = await t.backend.dispatch(partner, 'till.requestDelivery', { cardNo: home.cardNo, address: '某处' });
    expect(suspended).toMatchObject({ ok: false, error: { key: 'till.refusal.suspended' } });
    setCardStatus(t.backend.db, home.id, 'active');
    expect(countRows(t.backend.db, 'deliveries')).toBe(1);
  });

  it('requested → delivered or cancelled, and no further', async () => {
    const home = await makeTestCard(t, { name: '吴阿姨', delivery: true, monthlyCapFen: null });
    const d = await t.ok(partner, 'till.requestDelivery', { cardNo: home.cardNo, address: '和平街2号' });
    expect(d).toMatchObject({ status: 'requested', purchaseId: null, note: null });
    expect(await t.backend.dispatch(partner, 'till.setDeliveryStatus', { id: d.id, status: 'requested' })).toMatchObject({
      ok: false,
      error: { key: 'till.delivery.backToRequested' },
    });
    t.clock.advance(60_000);
    expect(await t.ok(partner, 'till.setDeliveryStatus', { id: d.id, status: 'delivered' })).toMatchObject({ status: 'delivered', updatedAt: t.clock.now() });
    expect(await t.backend.dispatch(partner, 'till.setDeliveryStatus', { id: d.id, status: 'cancelled' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'till.delivery.finished' },
    });
    expect((await t.ok(partner, 'till.deliveries', { status: 'delivered' })).map((x) => x.id)).toEqual([d.id]);
    expect((await t.ok(partner, 'till.deliveries', { status: 'requested' })).map((x) => x.status)).toEqual(['requested']);
  });

  it('voiding a purchase cancels the delivery waiting on it', async () => {
    const home = await makeTestCard(t, { name: '郑大爷', delivery: true, monthlyCapFen: null });
    const v = await t.ok(partner, 'till.verify', { code: home.code });
    const p = await t.ok(partner, 'till.purchase', { purchaseId: v.purchaseId!, code: home.code, amountFen: 100, expectedDiscountFen: 10, delivery: { address: '郑家' } });
    await t.ok(partner, 'till.void', { id: p.id, reason: '不要了' });
    expect(t.backend.db.prepare('SELECT status FROM deliveries WHERE purchase_id = ?').get(p.id)).toEqual({ status: 'cancelled' });
  });
});

describe('till.status', () => {
  it('counts the cards a till knows and refuses, and the purchases not yet sent (partner mode only)', async () => {
    const t = await makeTestBackend();
    try {
      const partner = await t.loginAs('partner');
      const a = await makeTestCard(t, { monthlyCapFen: null });
      const b = await makeTestCard(t, { name: '李四' });
      setCardStatus(t.backend.db, b.id, 'revoked');
      const v = await t.ok(partner, 'till.verify', { code: a.code });
      await t.ok(partner, 'till.purchase', { purchaseId: v.purchaseId!, code: a.code, amountFen: 100, expectedDiscountFen: 10 });
      expect(await t.ok(partner, 'till.status', {})).toEqual({
        mode: 'centre',
        partnerName: null,
        centreName: '测试中心',
        centreCode: 'C001',
        packageIssuedAt: null,
        cardsKnown: 2,
        refusedCards: 1,
        unexportedPurchases: 0,
        voidWindowMinutes: DEFAULT_CARD_RULES.voidWindowMinutes,
        maxPurchaseFen: DEFAULT_CARD_RULES.maxPurchaseFen,
      });
      t.backend.db.prepare(`INSERT INTO settings (key, value) VALUES ('mode', '"partner"') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
      expect(await t.ok(partner, 'till.status', {})).toMatchObject({ mode: 'partner', unexportedPurchases: 1 });
      t.backend.db.prepare('UPDATE purchases SET exported_at = 1').run();
      expect((await t.ok(partner, 'till.status', {})).unexportedPurchases).toBe(0);
    } finally {
      t.close();
    }
  });
});
