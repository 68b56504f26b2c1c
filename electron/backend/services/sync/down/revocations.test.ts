import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids';
import { makeTestBackend, type TestBackend } from '../../../testSupport';
import { makeTestCard, type TestCard } from '../../cards/testCards';
import { addTestPartner, exportPackage, makePartnerPc, type PartnerPc } from '../../partners/testExchange';
import { applyPulledPage } from './apply';

/** A card the county reports revoked is refused at the centre's till and, through the package, at the partners' tills. */
describe('county revocations at the tills', () => {
  let centre: TestBackend;
  let pc: PartnerPc;
  let card: TestCard;
  let other: TestCard;
  let shop: { id: string };

  beforeEach(async () => {
    centre = await makeTestBackend();
    shop = await addTestPartner(centre, '惠民超市', 'huimin1');
    card = await makeTestCard(centre, { name: '张小芳' });
    other = await makeTestCard(centre, { name: '李大山' });
    pc = makePartnerPc(centre.clock);
  });
  afterEach(() => {
    pc.close();
    centre.close();
  });

  const revoke = (cardNo: string, rev = 1) =>
    applyPulledPage(centre.backend.db, 'revocations', [{ id: `v-${cardNo}`, rev, version: 1, cardNo, centreCode: 'C001', revokedAt: centre.clock.now(), reason: '重复办卡' }], 'c', centre.clock.now());

  it('the centre’s till refuses the revoked card with the county’s reason; the other card still works', async () => {
    const partner = await centre.loginAs('partner');
    expect(await centre.ok(partner, 'till.verify', { code: card.code })).toMatchObject({ ok: true });
    expect(revoke(card.cardNo).topics).toEqual(['cards', 'sync']);
    expect(await centre.ok(partner, 'till.verify', { code: card.code })).toMatchObject({ ok: false, reason: 'countyRevoked', cardNo: card.cardNo });
    expect(await centre.ok(partner, 'till.verify', { code: card.cardNo })).toMatchObject({ ok: false, reason: 'countyRevoked' });
    expect(await centre.ok(partner, 'till.verify', { code: other.code })).toMatchObject({ ok: true });
    // …and a purchase with it is refused too (the verify inside the purchase's transaction).
    const r = await centre.backend.dispatch(partner, 'till.purchase', { purchaseId: newId(), code: card.code, amountFen: 1_000, expectedDiscountFen: 100 });
    expect(r).toMatchObject({ ok: false, error: { key: 'till.refusal.countyRevoked' } });
  });

  it('the partner package carries the county’s revocations to the partner’s till', async () => {
    revoke(card.cardNo);
    const pkg = await exportPackage(centre, shop.id);
    expect(pkg.body.countyRevocations).toEqual([{ cardNo: card.cardNo, centreCode: 'C001', revokedAt: centre.clock.now(), reason: '重复办卡' }]);
    await pc.ok({ sessionId: null }, 'system.setupPartner', { fileBase64: pkg.base64 });
    const cashier = await pc.login('huimin1');
    expect(await pc.ok(cashier, 'till.verify', { code: card.code })).toMatchObject({ ok: false, reason: 'countyRevoked' });
    expect(await pc.ok(cashier, 'till.verify', { code: other.code })).toMatchObject({ ok: true });
    expect(await pc.ok(cashier, 'till.status', {})).toMatchObject({ cardsKnown: 2 });
  });
});
