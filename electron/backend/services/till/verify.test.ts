import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../../../shared/contract/till';
import { cardNumberFromSerial } from '../../../../shared/rules/cardNumber';
import { encodeCardCode, packPayload } from '../../../../shared/rules/cardPayload';
import type { SessionSlot } from '../../context';
import { createSecretStore } from '../../secrets/secretStore';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { sign } from '../cards/keys';
import { makeTestCard, type TestCard } from '../cards/testCards';
import { savePartnerIdentity } from './identity';
import { cardNumberOffset, codeSignedByStranger, countRows, flipBit, payload, setCardStatus } from './testTill';

/** Shanghai midnight of a date, as epoch ms. */
const shanghaiMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

describe('till.verify', () => {
  let t: TestBackend;
  let partner: SessionSlot;
  let card: TestCard;
  const verify = (code: string, slot: SessionSlot = partner): Promise<Verdict> => t.ok(slot, 'till.verify', { code });
  /** Moves the clock (a session does not outlive a jump of days: log in again at the new time). */
  const setTime = async (ms: number) => {
    t.clock.t = ms;
    partner = await t.loginAs('partner');
  };
  const totalChanges = () => (t.backend.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

  beforeAll(async () => {
    t = await makeTestBackend();
    partner = await t.loginAs('partner');
    card = await makeTestCard(t, { name: '张小芳', monthlyCapFen: 50_000, delivery: true });
  });
  afterAll(() => t.close());

  it('says valid for the card’s QR and for its typed number, with a fresh purchase id each time', async () => {
    const v = await verify(card.code);
    expect(v).toMatchObject({
      ok: true,
      reason: null,
      cardNo: card.cardNo,
      maskedName: '张*芳',
      benefit: { kind: 'percent', value: 10 },
      monthlyCapFen: 50_000,
      capLeftFen: 50_000,
      delivery: true,
      validTo: '2027-10-31',
    });
    expect(v.purchaseId).toMatch(/^[0-9a-f-]{36}$/);
    const typed = await verify(`${card.cardNo.slice(0, 4)} ${card.cardNo.slice(4, 8)} ${card.cardNo.slice(8)}`);
    expect(typed).toMatchObject({ ok: true, cardNo: card.cardNo, maskedName: '张*芳' });
    expect(typed.purchaseId).not.toBe(v.purchaseId);
    // A scanner with Caps Lock on types the code in lower case.
    expect((await verify(card.code.toLowerCase())).ok).toBe(true);
    // Staff at the centre may check a card too.
    expect((await verify(card.code, t.admin)).ok).toBe(true);
  });

  it('writes nothing, whatever the verdict', async () => {
    const before = totalChanges();
    await verify(card.code);
    await verify(flipBit(card.code, -5));
    await verify('1000000000');
    expect(totalChanges()).toBe(before);
  });

  it('unreadable: a truncated QR, garbage, a burst that was not a scan, a half-typed number', async () => {
    for (const code of [card.code.slice(0, -10), card.code.slice(0, 20), 'LX1:!!!!', 'LX1:', 'hello', '12345', card.cardNo + '1']) {
      expect(await verify(code), code).toMatchObject({ ok: false, reason: 'unreadable', cardNo: null, purchaseId: null });
    }
  });

  it('forged: one bit flipped in the signature or in the card number', async () => {
    const inSignature = flipBit(card.code, -10, 3);
    const inNumber = flipBit(card.code, cardNumberOffset('C001') + 4);
    for (const code of [inSignature, inNumber]) {
      expect(await verify(code)).toMatchObject({ ok: false, reason: 'forged', cardNo: null, maskedName: null, purchaseId: null });
    }
  });

  it('forged: a card of another centre database that happens to use the same centre code and key id', async () => {
    const other = await makeTestBackend();
    try {
      const foreign = await makeTestCard(other, { name: '李四' });
      expect(await verify(foreign.code)).toMatchObject({ ok: false, reason: 'forged' });
    } finally {
      other.close();
    }
  });

  it('unknownKey: signed with a key id this till does not hold', async () => {
    const code = codeSignedByStranger(payload({ cardNo: card.cardNo, keyId: 7 }));
    expect(await verify(code)).toMatchObject({ ok: false, reason: 'unknownKey', cardNo: null });
  });

  it('wrongCentre: a card of another centre, even with a good signature', async () => {
    const signed = packPayload(payload({ cardNo: card.cardNo, centreCode: 'C999' }));
    const code = encodeCardCode(signed, sign(createSecretStore(t.dir), 1, signed));
    expect(await verify(code)).toMatchObject({ ok: false, reason: 'wrongCentre', cardNo: null });
  });

  it('badCheckDigit: a typed number with a wrong last digit', async () => {
    const wrong = card.cardNo.slice(0, 9) + ((Number(card.cardNo[9]) + 1) % 10);
    expect(await verify(wrong)).toMatchObject({ ok: false, reason: 'badCheckDigit', cardNo: null });
    // Two neighbours swapped are caught too.
    const swapped = card.cardNo.slice(0, 7) + card.cardNo[8] + card.cardNo[7] + card.cardNo[9];
    if (swapped !== card.cardNo) expect((await verify(swapped)).reason).toBe('badCheckDigit');
  });

  it('unknown: a well-formed number nobody issued, typed or in a QR signed by this centre', async () => {
    const nobody = cardNumberFromSerial(987_654_321);
    expect(await verify(nobody)).toMatchObject({ ok: false, reason: 'unknown', cardNo: nobody, purchaseId: null });
    const signed = packPayload(payload({ cardNo: nobody }));
    const code = encodeCardCode(signed, sign(createSecretStore(t.dir), 1, signed));
    expect(await verify(code)).toMatchObject({ ok: false, reason: 'unknown', cardNo: nobody, maskedName: '王*明' });
  });

  it('revoked, suspended, replaced: the card table decides, whatever the QR says', async () => {
    const c = await makeTestCard(t, { name: '赵大勇' });
    for (const status of ['revoked', 'suspended', 'replaced'] as const) {
      setCardStatus(t.backend.db, c.id, status);
      expect(await verify(c.code)).toMatchObject({ ok: false, reason: status, cardNo: c.cardNo, maskedName: '赵*勇', purchaseId: null });
      expect((await verify(c.cardNo)).reason).toBe(status);
    }
    setCardStatus(t.backend.db, c.id, 'active');
    expect((await verify(c.code)).ok).toBe(true);
  });

  it('notYetValid and expired, by the Shanghai calendar day', async () => {
    const later = await makeTestCard(t, { name: '钱多多', validFrom: '2026-12-01' });
    expect(await verify(later.code)).toMatchObject({ ok: false, reason: 'notYetValid', validTo: '2027-11-30' });
    const saved = t.clock.t;
    try {
      await setTime(shanghaiMidnight('2026-12-01') - 1);
      expect((await verify(later.code)).reason).toBe('notYetValid');
      t.clock.t = shanghaiMidnight('2026-12-01');
      expect((await verify(later.code)).ok).toBe(true);
      // The card of 2026-11-01 ends on 2027-10-31: good all that day in Shanghai, expired from midnight.
      await setTime(shanghaiMidnight('2027-11-01') - 1);
      expect((await verify(card.code)).ok).toBe(true);
      t.clock.t = shanghaiMidnight('2027-11-01');
      expect(await verify(card.code)).toMatchObject({ ok: false, reason: 'expired', cardNo: card.cardNo });
    } finally {
      await setTime(saved);
    }
  });

  it('capReached: nothing left of this month’s cap; a new month starts afresh', async () => {
    const c = await makeTestCard(t, { name: '孙小梅', monthlyCapFen: 1_000 });
    const v = await verify(c.code);
    await t.ok(partner, 'till.purchase', { purchaseId: v.purchaseId!, code: c.code, amountFen: 1_000, expectedDiscountFen: 100 });
    expect(await verify(c.code)).toMatchObject({ ok: false, reason: 'capReached', capLeftFen: 0, monthlyCapFen: 1_000, purchaseId: null });
    const saved = t.clock.t;
    try {
      await setTime(shanghaiMidnight('2026-12-01'));
      expect(await verify(c.code)).toMatchObject({ ok: true, capLeftFen: 1_000 });
    } finally {
      await setTime(saved);
    }
  });

  it('refuses nothing-but-spaces and an overlong scan at the contract', async () => {
    expect(await t.backend.dispatch(partner, 'till.verify', { code: '   ' })).toMatchObject({ ok: false, error: { key: 'till.code.required', field: 'code' } });
    expect(await t.backend.dispatch(partner, 'till.verify', { code: 'LX1:' + 'A'.repeat(500) })).toMatchObject({
      ok: false,
      error: { key: 'till.code.tooLong' },
    });
    expect(countRows(t.backend.db, 'purchases')).toBe(1);
  });
});

describe('till.verify on a partner’s till', () => {
  let t: TestBackend;
  let partner: SessionSlot;
  beforeAll(async () => {
    t = await makeTestBackend();
    partner = await t.loginAs('partner');
    await makeTestCard(t);
    // What importing a package does to this PC's identity (the package's own tables are left as they are).
    t.backend.db.transaction(() =>
      savePartnerIdentity(t.backend.db, { partnerId: 'p1', partnerName: '惠民超市', centreCode: 'C001', centreName: '测试中心', packageIssuedAt: t.clock.now() }),
    )();
  });
  afterAll(() => t.close());

  it('takes a card issued after the last package on its signature: its own benefit and dates, no cap, no delivery', async () => {
    const newer = cardNumberFromSerial(100_000_777);
    const signed = packPayload(payload({ cardNo: newer, benefit: { kind: 'percent', value: 20 } }));
    const code = encodeCardCode(signed, sign(createSecretStore(t.dir), 1, signed));
    expect(await t.ok(partner, 'till.verify', { code })).toMatchObject({
      ok: true,
      cardNo: newer,
      maskedName: '王*明',
      benefit: { kind: 'percent', value: 20 },
      monthlyCapFen: null,
      capLeftFen: null,
      delivery: false,
      validTo: '2027-10-31',
    });
    // Typed, the same number is unknown here: only a signed code vouches for a card the package lacks.
    expect((await t.ok(partner, 'till.verify', { code: newer })).reason).toBe('unknown');
    // Its validity still counts.
    const old = packPayload(payload({ cardNo: newer, validFrom: '2025-01-01', validTo: '2025-12-31' }));
    const oldCode = encodeCardCode(old, sign(createSecretStore(t.dir), 1, old));
    expect((await t.ok(partner, 'till.verify', { code: oldCode })).reason).toBe('expired');
  });

  it('counts what other tills spent this month (from the package) against the cap', async () => {
    const c = await makeTestCard(t, { name: '周一', monthlyCapFen: 10_000 });
    t.backend.db.prepare(`UPDATE till_cards SET used_month = '2026-11', used_elsewhere_fen = 9000 WHERE card_no = ?`).run(c.cardNo);
    expect(await t.ok(partner, 'till.verify', { code: c.code })).toMatchObject({ ok: true, capLeftFen: 1_000 });
    // Last month's spending elsewhere does not count this month.
    t.backend.db.prepare(`UPDATE till_cards SET used_month = '2026-10' WHERE card_no = ?`).run(c.cardNo);
    expect(await t.ok(partner, 'till.verify', { code: c.code })).toMatchObject({ ok: true, capLeftFen: 10_000 });
    t.backend.db.prepare(`UPDATE till_cards SET used_month = '2026-11', used_elsewhere_fen = 10000 WHERE card_no = ?`).run(c.cardNo);
    expect((await t.ok(partner, 'till.verify', { code: c.code })).reason).toBe('capReached');
  });
});
