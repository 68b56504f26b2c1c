import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('households', () => {
  it('registers a household with its head as 户主 and shows members with masked ID numbers and phones', async () => {
    const head = await f.resident('张小芳');
    const son = await f.resident('李明');
    const { id } = await f.ok('households.save', {
      headResidentId: head,
      members: [{ residentId: son, relation: '儿子' }],
      address: '幸福路1号3单元201',
      hardshipTypes: ['低保', '残疾'],
      allowanceCertNo: 'DB2026-0088',
      notes: '独居老人',
    }, f.desk);
    const h = await f.ok('households.get', { id }, f.desk);
    expect(h).toMatchObject({ headName: '张小芳', headResidentId: head, memberCount: 2, hardshipTypes: ['低保', '残疾'], allowanceCertNo: 'DB2026-0088', notes: '独居老人', cardNo: null, applicationStatus: null, applications: [], cards: [] });
    expect(h.members.map((m) => [m.name, m.relation])).toEqual([['张小芳', '户主'], ['李明', '儿子']]);
    for (const m of h.members) {
      expect(m.idNumberMasked).toMatch(/^110105\*{8}\d{3}[\dX]$/);
      expect(m.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    }
    expect(h.headIdNumberMasked).toBe(h.members[0]!.idNumberMasked);
    expect(JSON.stringify(h)).not.toMatch(/1381\d{7}|\d{17}[\dX]/);
  });

  it('replaces the members on update, all in one go', async () => {
    const h = await f.household('王一', ['王二', '王三']);
    const newcomer = await f.resident('王四');
    await f.ok('households.save', { id: h.id, headResidentId: h.headId, members: [{ residentId: newcomer, relation: '孙子' }], address: '新地址', hardshipTypes: ['特困'] }, f.desk);
    const after = await f.ok('households.get', { id: h.id });
    expect(after.members.map((m) => m.name)).toEqual(['王一', '王四']);
    expect(after).toMatchObject({ address: '新地址', hardshipTypes: ['特困'], allowanceCertNo: null });
    // Those taken out are free to join another household.
    await f.ok('households.save', { headResidentId: h.memberIds[0]!, members: [], address: '别处', hardshipTypes: ['低收入'] }, f.desk);
  });

  it('refuses a resident already in another household, naming the field and the person; nothing is half-written', async () => {
    const a = await f.household('赵一', ['赵二']);
    const b = await f.household('钱一');
    const before = await f.ok('households.get', { id: b.id });
    const fresh = await f.resident('钱二');
    expect(
      await err(f.call(f.desk, 'households.save', {
        id: b.id,
        headResidentId: b.headId,
        members: [{ residentId: fresh, relation: '配偶' }, { residentId: a.memberIds[0], relation: '子女' }],
        address: '改了',
        hardshipTypes: ['低保'],
      })),
    ).toEqual({ code: 'CONFLICT', key: 'household.member.inOtherHousehold', field: 'members.1.residentId', params: { name: '赵二' } });
    expect(await err(f.call(f.desk, 'households.save', { headResidentId: a.headId, members: [], address: 'x', hardshipTypes: ['低保'] }))).toEqual({
      code: 'CONFLICT',
      key: 'household.member.inOtherHousehold',
      field: 'headResidentId',
      params: { name: '赵一' },
    });
    expect(await f.ok('households.get', { id: b.id })).toEqual(before);
  });

  it('checks the head and members: a missing or voided resident, the head repeated, a member twice', async () => {
    const head = await f.resident('孙一');
    const other = await f.resident('孙二');
    const gone = await f.resident('孙三');
    await f.ok('residents.void', { id: gone, reason: '重复登记' });
    const base = { headResidentId: head, address: '幸福路', hardshipTypes: ['低保'] };
    expect(await err(f.call(f.desk, 'households.save', { ...base, headResidentId: gone }))).toMatchObject({ code: 'VALIDATION', key: 'household.head.notFound', field: 'headResidentId' });
    expect(await err(f.call(f.desk, 'households.save', { ...base, members: [{ residentId: gone, relation: '子女' }] }))).toMatchObject({ key: 'household.member.notFound', field: 'members.0.residentId' });
    expect(await err(f.call(f.desk, 'households.save', { ...base, members: [{ residentId: head, relation: '本人' }] }))).toMatchObject({ key: 'household.member.isHead', field: 'members.0.residentId' });
    expect(
      await err(f.call(f.desk, 'households.save', { ...base, members: [{ residentId: other, relation: '子女' }, { residentId: other, relation: '子女' }] })),
    ).toMatchObject({ key: 'household.member.duplicate', field: 'members.1.residentId' });
    expect(await err(f.call(f.desk, 'households.save', { ...base, hardshipTypes: [] }))).toMatchObject({ key: 'household.hardship.required', field: 'hardshipTypes' });
    expect(await err(f.call(f.desk, 'households.save', { ...base, hardshipTypes: ['有钱'] }))).toMatchObject({ key: 'household.hardship.invalid', field: 'hardshipTypes.0' });
    expect(await err(f.call(f.desk, 'households.save', { ...base, id: other }))).toMatchObject({ code: 'NOT_FOUND', key: 'household.notFound' });
    expect(f.count('households')).toBe(0);
    expect(f.count('household_members')).toBe(0);
  });

  it('keeps a card holder in the household', async () => {
    const h = await f.household('周一', ['周二']);
    await f.ok('cardApplications.create', { householdId: h.id, holderResidentId: h.memberIds[0], benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    expect(await err(f.call(f.desk, 'households.save', { id: h.id, headResidentId: h.headId, members: [], address: 'x', hardshipTypes: ['低保'] }))).toMatchObject({
      code: 'CONFLICT',
      key: 'household.member.holderLeaving',
      params: { name: '周二' },
    });
  });

  it('lists newest first with the current card and the latest application, found by name, initials or 低保证号', async () => {
    const a = await f.household('张三丰', ['张四']);
    const b = await f.household('李小龙');
    const card = await f.issuedCard('王五');
    await f.ok('cardApplications.create', { householdId: a.id, benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    const all = await f.ok('households.list', {}, f.desk);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.headName, r.memberCount, r.cardNo, r.applicationStatus])).toEqual([
      ['王五', 1, card.cardNo, 'approved'],
      ['李小龙', 1, null, null],
      ['张三丰', 2, null, 'submitted'],
    ]);
    expect(all.rows[2]!.headIdNumberMasked).toMatch(/^110105\*+/);
    const names = async (input: { q?: string; hardship?: '低保' | '特困'; limit?: number; offset?: number }) =>
      (await f.ok('households.list', input)).rows.map((r) => r.headName);
    expect(await names({ q: 'zsf' })).toEqual(['张三丰']);
    expect(await names({ q: 'lixiao' })).toEqual(['李小龙']);
    expect(await names({ q: '小龙' })).toEqual(['李小龙']);
    expect(await names({ q: '张四' })).toEqual([]); // a member, not the head
    const cert = (await f.ok('households.get', { id: b.id })).allowanceCertNo!;
    expect(await names({ q: cert.slice(2) })).toEqual(['李小龙']);
    expect(await names({ hardship: '低保' })).toHaveLength(3);
    expect(await names({ hardship: '特困' })).toEqual([]);
    expect(await names({ limit: 1, offset: 1 })).toEqual(['李小龙']);
    // A revoked card is no longer the household's card.
    await f.ok('cards.revoke', { id: card.id, reason: '收入提高' });
    expect((await f.ok('households.list', { q: 'ww' })).rows[0]!.cardNo).toBeNull();
  });
});
