import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCardCode } from '../../../../shared/rules/cardPayload';
import { verifySignature } from './keys';
import { makeCardsFixture, type CardsFixture } from './testFixture';

let f: CardsFixture;
beforeEach(async () => {
  f = await makeCardsFixture();
});
afterEach(() => f.t.close());

const err = async (p: ReturnType<CardsFixture['call']>) => {
  const r = await p;
  if (r.ok) throw new Error('expected the call to fail');
  return r.error;
};

function tillCard(cardNo: string) {
  return f.t.backend.db.prepare('SELECT * FROM till_cards WHERE card_no = ?').get(cardNo) as Record<string, unknown> | undefined;
}

/** The card as the centre holds it, projected to what the till must mirror. */
function centreCard(cardNo: string) {
  return f.t.backend.db
    .prepare('SELECT card_no, benefit_kind, benefit_value, monthly_cap_fen, delivery, valid_from, valid_to, status FROM cards WHERE card_no = ?')
    .get(cardNo) as Record<string, unknown>;
}

function expectTillMirrors(cardNo: string) {
  expect(tillCard(cardNo)).toMatchObject(centreCard(cardNo));
}

function outbox() {
  return (f.t.backend.db.prepare(`SELECT kind, payload FROM outbox WHERE stream = 'cards' ORDER BY rowid`).all() as { kind: string; payload: string }[]).map((r) => ({
    kind: r.kind,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  }));
}

async function codeVerifies(code: string) {
  const d = decodeCardCode(code)!;
  const key = f.t.backend.db.prepare('SELECT public_key FROM till_keys WHERE key_id = ?').get(d.payload.keyId) as { public_key: Buffer };
  return verifySignature(key.public_key, d.signed, d.signature);
}

describe('card lifecycle', () => {
  it('suspends, resumes and revokes; each change mirrored to the till, logged as an event and queued for the county', async () => {
    const card = await f.issuedCard('张小芳');
    expectTillMirrors(card.cardNo);

    const s = await f.ok('cards.suspend', { id: card.id, reason: '外出就医三个月' });
    expect(s).toMatchObject({ status: 'suspended', statusReason: '外出就医三个月' });
    expect(tillCard(card.cardNo)).toMatchObject({ status: 'suspended' });
    expect(await err(f.call(f.t.admin, 'cards.suspend', { id: card.id, reason: '再停' }))).toMatchObject({ code: 'CONFLICT', key: 'card.suspend.already' });
    expect(await err(f.call(f.t.admin, 'cards.renew', { id: card.id }))).toMatchObject({ code: 'CONFLICT', key: 'card.renew.suspended' });

    const r = await f.ok('cards.resume', { id: card.id, note: '已回社区' });
    expect(r).toMatchObject({ status: 'active', statusReason: null });
    expectTillMirrors(card.cardNo);
    expect(await err(f.call(f.t.admin, 'cards.resume', { id: card.id }))).toMatchObject({ code: 'CONFLICT', key: 'card.resume.notSuspended' });

    const v = await f.ok('cards.revoke', { id: card.id, reason: '收入已超过标准' });
    expect(v).toMatchObject({ status: 'revoked', statusReason: '收入已超过标准' });
    expectTillMirrors(card.cardNo);
    expect(f.count('audit_log', `action = 'card.revoke' AND target_id = ?`, card.id)).toBe(1);
    for (const m of ['cards.suspend', 'cards.revoke', 'cards.replace'] as const) {
      expect(await err(f.call(f.t.admin, m, { id: card.id, reason: '再来' }))).toMatchObject({ code: 'CONFLICT', key: 'card.state.revoked' });
    }
    expect(await err(f.call(f.t.admin, 'cards.resume', { id: card.id }))).toMatchObject({ key: 'card.state.revoked' });
    expect(await err(f.call(f.desk, 'cards.face', { id: card.id }))).toMatchObject({ key: 'card.state.revoked' });

    expect(v.events.map((e) => [e.action, e.note, e.userName])).toEqual([
      ['issued', null, '管理员'],
      ['suspended', '外出就医三个月', '管理员'],
      ['resumed', '已回社区', '管理员'],
      ['revoked', '收入已超过标准', '管理员'],
    ]);
    expect(outbox().map((o) => [o.kind, o.payload.status])).toEqual([
      ['issued', 'active'],
      ['suspended', 'suspended'],
      ['resumed', 'active'],
      ['revoked', 'revoked'],
    ]);
  });

  it('replaces a lost card: a new number with the same benefit and end; the old number is refused by state', async () => {
    const card = await f.issuedCard('李小明', '2026-11-23');
    await f.setDay('2027-03-10');
    const fresh = await f.ok('cards.replace', { id: card.id, reason: '卡丢失' });
    expect(fresh.cardNo).not.toBe(card.cardNo);
    expect(fresh).toMatchObject({
      status: 'active',
      holderResidentId: card.holderResidentId,
      householdId: card.householdId,
      applicationId: card.applicationId,
      benefit: card.benefit,
      monthlyCapFen: card.monthlyCapFen,
      delivery: card.delivery,
      validFrom: '2027-03-10',
      validTo: card.validTo,
    });
    expect(fresh.events).toEqual([expect.objectContaining({ action: 'issued', note: expect.stringContaining(card.cardNo.slice(0, 4)) })]);
    const old = await f.ok('cards.get', { id: card.id });
    expect(old).toMatchObject({ status: 'replaced', statusReason: '卡丢失', replacedByCardNo: fresh.cardNo });
    expect(tillCard(card.cardNo)).toMatchObject({ status: 'replaced' });
    expectTillMirrors(fresh.cardNo);
    expect(await err(f.call(f.t.admin, 'cards.suspend', { id: card.id, reason: 'x' }))).toMatchObject({ key: 'card.state.replaced' });
    expect(await err(f.call(f.t.admin, 'cards.replace', { id: card.id, reason: 'x' }))).toMatchObject({ key: 'card.state.replaced' });
    expect(f.count('audit_log', `action = 'card.replace' AND target_id = ?`, card.id)).toBe(1);
    expect(outbox().slice(-2)).toEqual([
      { kind: 'issued', payload: { cardNo: fresh.cardNo, householdId: card.householdId, status: 'active', validTo: card.validTo, at: f.t.clock.now() } },
      { kind: 'replaced', payload: { cardNo: card.cardNo, householdId: card.householdId, status: 'replaced', validTo: card.validTo, at: f.t.clock.now(), replacedByCardNo: fresh.cardNo } },
    ]);
    const face = await f.ok('cards.face', { id: fresh.id }, f.desk);
    expect(await codeVerifies(face.qrText)).toBe(true);
    // The household still has one current card: a second application is refused.
    expect(await err(f.call(f.desk, 'cardApplications.create', { householdId: card.householdId, benefit: { kind: 'percent', value: 10 }, reason: 'x' }))).toMatchObject({
      params: { cardNo: fresh.cardNo },
    });
  });

  it('replaces a suspended (reported lost) card but not an expired one', async () => {
    const a = await f.issuedCard('王一');
    await f.ok('cards.suspend', { id: a.id, reason: '挂失' });
    expect((await f.ok('cards.replace', { id: a.id, reason: '补卡' })).status).toBe('active');
    const b = await f.issuedCard('王二', '2026-11-23');
    await f.setDay('2027-12-01');
    expect((await f.ok('cards.get', { id: b.id })).status).toBe('expired');
    expect(await err(f.call(f.t.admin, 'cards.replace', { id: b.id, reason: '丢了' }))).toMatchObject({ code: 'CONFLICT', key: 'card.replace.expired', params: { validTo: b.validTo } });
  });

  it('renews within the review window: one year after the old end; a lapsed card from today; a new code that verifies', async () => {
    const card = await f.issuedCard('赵一', '2026-11-23'); // issued 2026-11-30, valid to 2027-11-29
    expect(card.validTo).toBe('2027-11-29');
    const oldCode = (await f.ok('cards.face', { id: card.id })).qrText;
    await f.setDay('2027-10-29'); // 31 days before the end: not yet (30 days ahead by default)
    expect(await err(f.call(f.t.admin, 'cards.renew', { id: card.id }))).toEqual({
      code: 'CONFLICT',
      key: 'card.renew.notDue',
      params: { validTo: '2027-11-29', from: '2027-10-30' },
    });
    await f.setDay('2027-10-30');
    const renewed = await f.ok('cards.renew', { id: card.id, note: '年审通过' });
    expect(renewed).toMatchObject({ validFrom: card.validFrom, validTo: '2028-11-29', status: 'active' });
    expect(renewed.events.at(-1)).toMatchObject({ action: 'renewed', note: '年审通过' });
    expectTillMirrors(card.cardNo);
    expect(outbox().at(-1)).toMatchObject({ kind: 'renewed', payload: { cardNo: card.cardNo, status: 'active', validTo: '2028-11-29' } });
    const newCode = (await f.ok('cards.face', { id: card.id })).qrText;
    expect(newCode).not.toBe(oldCode);
    expect(decodeCardCode(newCode)!.payload.validTo).toBe('2028-11-29');
    expect(await codeVerifies(newCode)).toBe(true);
    // A second click the same day would add a second year: refused.
    expect(await err(f.call(f.t.admin, 'cards.renew', { id: card.id }))).toMatchObject({ key: 'card.renew.notDue' });

    const lapsed = await f.issuedCard('赵二', '2026-11-23');
    await f.setDay('2028-01-15');
    const back = await f.ok('cards.renew', { id: lapsed.id });
    expect(back).toMatchObject({ validFrom: '2028-01-15', validTo: '2029-01-14', status: 'active' });
  });

  it('re-signs a renewed card with the current key after a rotation', async () => {
    const card = await f.issuedCard('钱一', '2026-11-23');
    const keys = await f.ok('cards.rotateKey', {});
    expect(keys.map((k) => [k.keyId, k.current])).toEqual([[1, false], [2, true]]);
    await f.setDay('2027-11-15');
    const renewed = await f.ok('cards.renew', { id: card.id });
    expect(renewed.keyId).toBe(2);
    const code = (await f.ok('cards.face', { id: card.id })).qrText;
    expect(decodeCardCode(code)!.payload.keyId).toBe(2);
    expect(await codeVerifies(code)).toBe(true);
  });

  it('leaves changes to the admin: the desk cannot suspend, revoke, replace or renew', async () => {
    const card = await f.issuedCard('孙一');
    for (const m of ['cards.suspend', 'cards.revoke', 'cards.replace'] as const) {
      expect(await err(f.call(f.desk, m, { id: card.id, reason: '试试' }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await err(f.call(f.desk, 'cards.renew', { id: card.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(f.call(f.desk, 'cards.rotateKey', {}))).toMatchObject({ code: 'FORBIDDEN' });
    const partner = await f.t.loginAs('partner');
    expect(await err(f.call(partner, 'cards.get', { id: card.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(f.call(partner, 'households.get', { id: card.householdId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(f.call(f.t.admin, 'cards.revoke', { id: card.householdId, reason: 'x' }))).toMatchObject({ code: 'NOT_FOUND', key: 'card.notFound' });
    expect((await f.ok('cards.get', { id: card.id })).events).toHaveLength(1);
  });

  it('sends the county no names, ID numbers or phones', async () => {
    const card = await f.issuedCard('欧阳娜娜');
    await f.ok('cards.suspend', { id: card.id, reason: '暂停' });
    await f.ok('cards.resume', { id: card.id });
    const fresh = await f.ok('cards.replace', { id: card.id, reason: '丢失' });
    await f.ok('cards.revoke', { id: fresh.id, reason: '迁出' });
    const residents = f.t.backend.db.prepare('SELECT name, id_number, phone FROM residents').all() as { name: string; id_number: string; phone: string }[];
    const entries = outbox();
    expect(entries.map((e) => e.kind)).toEqual(['issued', 'suspended', 'resumed', 'issued', 'replaced', 'revoked']);
    for (const e of entries) {
      expect(Object.keys(e.payload).sort()).toEqual(expect.arrayContaining(['at', 'cardNo', 'householdId', 'status', 'validTo']));
      const text = JSON.stringify(e.payload);
      for (const r of residents) {
        expect(text).not.toContain(r.name);
        expect(text).not.toContain(r.id_number);
        expect(text).not.toContain(r.phone);
      }
      expect(text).not.toMatch(/[\u4e00-\u9fff]/); // no Chinese text at all: no names, no addresses
    }
  });
});
