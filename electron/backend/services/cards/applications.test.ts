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

describe('card applications: submitted → reviewed → notice → approved', () => {
  it('runs the whole flow; an objection blocks approval until settled; the card verifies with the till key', async () => {
    const h = await f.household('张小芳', ['李小明']);
    const created = await f.ok('cardApplications.create', { householdId: h.id, holderResidentId: h.memberIds[0], benefit: { kind: 'percent', value: 10 }, monthlyCapFen: 30_000, delivery: true, reason: '低保户' }, f.desk);
    expect(created).toMatchObject({ number: 'SQ2026-0001', status: 'submitted', headName: '张小芳', holderName: '李小明', approvalBlockedBy: 'application.state.notInNotice' });
    expect(created.steps).toEqual([{ at: f.t.clock.now(), action: 'submitted', userName: 'desk 用户', note: null }]);

    const reviewed = await f.ok('cardApplications.review', { id: created.id, meetingDate: '2026-11-23', present: '委员 5 人', votesFor: 9, votesAgainst: 1, votesAbstain: 1, decision: 'approve', note: '同意' }, f.desk);
    expect(reviewed.status).toBe('reviewed');
    expect(reviewed.review).toEqual({ meetingDate: '2026-11-23', present: '委员 5 人', votesFor: 9, votesAgainst: 1, votesAbstain: 1, decision: 'approve', note: '同意' });

    const notice = await f.ok('cardApplications.postNotice', { id: created.id, startDate: '2026-11-24', days: 7, place: '社区公告栏' }, f.desk);
    expect(notice).toMatchObject({ status: 'notice', notice: { startDate: '2026-11-24', endDate: '2026-11-30', place: '社区公告栏' }, noticeEnd: '2026-11-30' });
    expect(notice.approvalBlockedBy).toBe('application.approve.noticeRunning');

    // Before the notice is up, no objection yet.
    expect(await err(f.call(f.desk, 'cardApplications.lodgeObjection', { id: created.id, content: '家有轿车' }))).toMatchObject({
      code: 'CONFLICT',
      key: 'application.objection.noticeNotStarted',
    });
    await f.setDay('2026-11-30'); // the notice's last day: still open for objections
    const objected = await f.ok('cardApplications.lodgeObjection', { id: created.id, objector: '邻居王某', content: '家有轿车' }, f.desk);
    expect(objected.openObjections).toBe(1);
    expect(objected.objections[0]).toMatchObject({ objector: '邻居王某', content: '家有轿车', lodgedByName: 'desk 用户', settledAt: null, upheld: null });
    expect(await err(f.call(f.t.admin, 'cardApplications.approve', { id: created.id }))).toMatchObject({
      code: 'VALIDATION',
      key: 'application.approve.noticeRunning',
      params: { end: '2026-11-30' },
    });

    await f.setDay('2026-12-01');
    expect(await err(f.call(f.desk, 'cardApplications.lodgeObjection', { id: created.id, content: '晚了' }))).toMatchObject({
      code: 'CONFLICT',
      key: 'application.objection.noticeOver',
      params: { end: '2026-11-30' },
    });
    expect((await f.ok('cardApplications.get', { id: created.id })).approvalBlockedBy).toBe('application.approve.openObjections');
    expect(await err(f.call(f.t.admin, 'cardApplications.approve', { id: created.id }))).toMatchObject({ key: 'application.approve.openObjections', params: { count: 1 } });

    const settled = await f.ok('cardApplications.settleObjection', { objectionId: objected.objections[0]!.id, settlement: '经核实车辆已过户', upheld: false });
    expect(settled).toMatchObject({ status: 'notice', openObjections: 0, approvalBlockedBy: null });
    expect(settled.objections[0]).toMatchObject({ upheld: false, settlement: '经核实车辆已过户', settledByName: '管理员' });
    expect(f.count('card_applications')).toBe(1);

    const approved = await f.ok('cardApplications.approve', { id: created.id });
    expect(approved).toMatchObject({ status: 'approved', approvalBlockedBy: 'application.state.approved' });
    expect(approved.steps.map((s) => s.action)).toEqual(['submitted', 'reviewed', 'noticePosted', 'objection', 'objectionSettled', 'approved']);
    expect(approved.steps.map((s) => s.userName)).toEqual(['desk 用户', 'desk 用户', 'desk 用户', 'desk 用户', '管理员', '管理员']);

    const card = await f.ok('cards.get', { id: approved.cardId! });
    expect(card).toMatchObject({ holderName: '李小明', holderResidentId: h.memberIds[0], benefit: { kind: 'percent', value: 10 }, monthlyCapFen: 30_000, delivery: true });
    expect(card).toMatchObject({ validFrom: '2026-12-01', validTo: '2027-11-30', status: 'active', applicationId: created.id });
    expect(f.count('audit_log', `action = 'card.issue' AND target_id = ?`, card.id)).toBe(1);

    const face = await f.ok('cards.face', { id: card.id }, f.desk);
    const decoded = decodeCardCode(face.qrText)!;
    expect(decoded.payload).toMatchObject({ cardNo: card.cardNo, maskedName: '李*明', validFrom: '2026-12-01', validTo: '2027-11-30', centreCode: 'C001' });
    const key = f.t.backend.db.prepare('SELECT public_key FROM till_keys WHERE centre_code = ? AND key_id = ?').get('C001', decoded.payload.keyId) as { public_key: Buffer };
    expect(verifySignature(key.public_key, decoded.signed, decoded.signature)).toBe(true);
    const flipped = Uint8Array.from(decoded.signed);
    flipped[flipped.length - 1]! ^= 1;
    expect(verifySignature(key.public_key, flipped, decoded.signature)).toBe(false);
  });

  it('numbers applications per Shanghai year', async () => {
    const a = await f.household('甲一');
    const b = await f.household('乙二');
    await f.setNow(Date.parse('2026-12-31T15:59:00Z')); // 23:59 in Shanghai
    expect((await f.ok('cardApplications.create', { householdId: a.id, benefit: { kind: 'cost', value: 0 }, reason: '特困' })).number).toBe('SQ2026-0001');
    await f.setNow(Date.parse('2026-12-31T16:01:00Z')); // 00:01 on 1 January in Shanghai
    expect((await f.ok('cardApplications.create', { householdId: b.id, benefit: { kind: 'cost', value: 0 }, reason: '特困' })).number).toBe('SQ2027-0001');
  });

  it('an upheld objection rejects the application; the household may apply again', async () => {
    const h = await f.household('王大爷');
    const id = await f.inNotice(h.id, '2026-11-23');
    const { objections } = await f.ok('cardApplications.lodgeObjection', { id, content: '不符合条件' }, f.desk);
    const rejected = await f.ok('cardApplications.settleObjection', { objectionId: objections[0]!.id, settlement: '核实属实', upheld: true });
    expect(rejected).toMatchObject({ status: 'rejected', approvalBlockedBy: 'application.state.rejected' });
    expect(rejected.steps.map((s) => s.action).slice(-2)).toEqual(['objectionSettled', 'rejected']);
    expect(await err(f.call(f.t.admin, 'cardApplications.settleObjection', { objectionId: objections[0]!.id, settlement: '再来', upheld: false }))).toMatchObject({
      code: 'CONFLICT',
      key: 'application.objection.alreadySettled',
    });
    expect((await f.ok('cardApplications.create', { householdId: h.id, benefit: { kind: 'percent', value: 5 }, reason: '再次申请' }, f.desk)).number).toBe('SQ2026-0002');
  });

  it('a committee that says no ends the application at review', async () => {
    const h = await f.household('赵奶奶');
    const a = await f.ok('cardApplications.create', { householdId: h.id, benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    const r = await f.ok('cardApplications.review', { id: a.id, meetingDate: '2026-11-20', present: '委员', votesFor: 2, votesAgainst: 7, votesAbstain: 0, decision: 'reject', note: '收入超标' }, f.desk);
    expect(r).toMatchObject({ status: 'rejected', review: { decision: 'reject' } });
    expect(r.steps.map((s) => [s.action, s.note])).toEqual([['submitted', null], ['reviewed', '收入超标'], ['rejected', '收入超标']]);
  });
});

describe('card applications: refused', () => {
  it('refuses a second open application and an application for a household with a card', async () => {
    const h = await f.household('钱一');
    const first = await f.ok('cardApplications.create', { householdId: h.id, benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    expect(await err(f.call(f.desk, 'cardApplications.create', { householdId: h.id, benefit: { kind: 'percent', value: 10 }, reason: '又来' }))).toEqual({
      code: 'CONFLICT',
      key: 'application.create.openExists',
      field: 'householdId',
      params: { number: first.number },
    });
    const card = await f.issuedCard('孙二');
    expect(await err(f.call(f.desk, 'cardApplications.create', { householdId: card.householdId, benefit: { kind: 'percent', value: 10 }, reason: '再办' }))).toEqual({
      code: 'CONFLICT',
      key: 'application.create.cardExists',
      field: 'householdId',
      params: { cardNo: card.cardNo },
    });
    expect(f.count('card_applications')).toBe(2);
  });

  it('refuses a holder from outside the household and a household that does not exist', async () => {
    const h = await f.household('周一');
    const stranger = await f.resident('吴外人');
    expect(await err(f.call(f.desk, 'cardApplications.create', { householdId: h.id, holderResidentId: stranger, benefit: { kind: 'percent', value: 10 }, reason: 'x' }))).toMatchObject({
      code: 'VALIDATION',
      key: 'application.holder.notMember',
      field: 'holderResidentId',
    });
    expect(await err(f.call(f.desk, 'cardApplications.create', { householdId: stranger, benefit: { kind: 'percent', value: 10 }, reason: 'x' }))).toMatchObject({
      key: 'household.notFound',
      field: 'householdId',
    });
    expect(await err(f.call(f.desk, 'cardApplications.create', { householdId: h.id, benefit: { kind: 'percent', value: 0 }, reason: 'x' }))).toMatchObject({
      code: 'VALIDATION',
      key: 'card.benefit.percentRange',
      field: 'benefit.value',
    });
    expect(f.count('card_applications')).toBe(0);
  });

  it('checks the review: a meeting in the future, no votes, an approval the votes do not carry, a second review', async () => {
    const h = await f.household('郑一');
    const a = await f.ok('cardApplications.create', { householdId: h.id, benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    const review = { id: a.id, meetingDate: '2026-11-23', present: '委员', votesFor: 5, votesAgainst: 0, votesAbstain: 0, decision: 'approve' as const };
    expect(await err(f.call(f.desk, 'cardApplications.review', { ...review, meetingDate: '2026-11-24' }))).toMatchObject({ key: 'application.review.futureDate', field: 'meetingDate' });
    expect(await err(f.call(f.desk, 'cardApplications.review', { ...review, meetingDate: '2026-02-30' }))).toMatchObject({ key: 'validation.badDate', field: 'meetingDate' });
    expect(await err(f.call(f.desk, 'cardApplications.review', { ...review, votesFor: 0 }))).toMatchObject({ key: 'application.review.noVotes', field: 'votesFor' });
    expect(await err(f.call(f.desk, 'cardApplications.review', { ...review, votesFor: 3, votesAgainst: 3 }))).toMatchObject({ key: 'application.review.votesDisagree', field: 'decision' });
    expect(await err(f.call(f.desk, 'cardApplications.review', { ...review, decision: 'maybe' }))).toMatchObject({ key: 'application.review.decision', field: 'decision' });
    expect((await f.ok('cardApplications.get', { id: a.id })).steps).toHaveLength(1);
    await f.ok('cardApplications.review', review, f.desk);
    expect(await err(f.call(f.desk, 'cardApplications.review', review))).toMatchObject({ code: 'CONFLICT', key: 'application.review.already' });
  });

  it('keeps the order: no notice before review, none before the meeting, no approval before the notice', async () => {
    const h = await f.household('冯一');
    const a = await f.ok('cardApplications.create', { householdId: h.id, benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    const notice = { id: a.id, startDate: '2026-11-23', days: 7, place: '公告栏' };
    expect(await err(f.call(f.desk, 'cardApplications.postNotice', notice))).toMatchObject({ code: 'CONFLICT', key: 'application.notice.notReviewed' });
    expect(await err(f.call(f.t.admin, 'cardApplications.approve', { id: a.id }))).toMatchObject({ code: 'CONFLICT', key: 'application.state.notInNotice' });
    expect(await err(f.call(f.desk, 'cardApplications.lodgeObjection', { id: a.id, content: 'x' }))).toMatchObject({ code: 'CONFLICT', key: 'application.state.notInNotice' });
    await f.ok('cardApplications.review', { id: a.id, meetingDate: '2026-11-20', present: '委员', votesFor: 5, votesAgainst: 0, votesAbstain: 0, decision: 'approve' }, f.desk);
    expect(await err(f.call(f.desk, 'cardApplications.postNotice', { ...notice, startDate: '2026-11-19' }))).toMatchObject({
      code: 'VALIDATION',
      key: 'application.notice.beforeMeeting',
      field: 'startDate',
      params: { meetingDate: '2026-11-20' },
    });
    expect(await err(f.call(f.desk, 'cardApplications.postNotice', { ...notice, days: 0 }))).toMatchObject({ key: 'validation.tooSmall', field: 'days' });
    await f.ok('cardApplications.postNotice', notice, f.desk);
    expect(await err(f.call(f.desk, 'cardApplications.postNotice', notice))).toMatchObject({ key: 'application.notice.already' });
    // A start date in the past that ends before today: the notice is over, approval may follow.
    await f.setDay('2026-11-30');
    expect(await err(f.call(f.t.admin, 'cardApplications.approve', { id: a.id, validFrom: '2026-11-29' }))).toMatchObject({ key: 'application.approve.validFromPast', field: 'validFrom' });
    const ok = await f.ok('cardApplications.approve', { id: a.id, validFrom: '2026-12-01' });
    const card = await f.ok('cards.get', { id: ok.cardId! });
    expect([card.validFrom, card.validTo]).toEqual(['2026-12-01', '2027-11-30']);
    expect(await err(f.call(f.t.admin, 'cardApplications.approve', { id: a.id }))).toMatchObject({ code: 'CONFLICT', key: 'application.state.approved' });
    expect(await err(f.call(f.desk, 'cardApplications.withdraw', { id: a.id, reason: '不要了' }))).toMatchObject({ key: 'application.state.approved' });
    expect(f.count('cards')).toBe(1);
  });

  it('withdraws at the desk and rejects by the admin, each with its reason; closed ones stay closed', async () => {
    const h1 = await f.household('陈一');
    const h2 = await f.household('褚二');
    const a1 = await f.ok('cardApplications.create', { householdId: h1.id, benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    const a2 = await f.inNotice(h2.id, '2026-11-23');
    const w = await f.ok('cardApplications.withdraw', { id: a1.id, reason: '家属要求撤回' }, f.desk);
    expect(w).toMatchObject({ status: 'withdrawn' });
    expect(w.steps.at(-1)).toMatchObject({ action: 'withdrawn', note: '家属要求撤回' });
    expect(await err(f.call(f.desk, 'cardApplications.reject', { id: a2, reason: '不符合' }))).toMatchObject({ code: 'FORBIDDEN' });
    const r = await f.ok('cardApplications.reject', { id: a2, reason: '收入超过标准' });
    expect(r.steps.at(-1)).toMatchObject({ action: 'rejected', note: '收入超过标准', userName: '管理员' });
    expect(await err(f.call(f.desk, 'cardApplications.withdraw', { id: a2, reason: 'x' }))).toMatchObject({ code: 'CONFLICT', key: 'application.state.rejected' });
    expect(await err(f.call(f.desk, 'cardApplications.review', { id: a1.id, meetingDate: '2026-11-23', present: 'x', votesFor: 1, votesAgainst: 0, votesAbstain: 0, decision: 'approve' }))).toMatchObject({
      key: 'application.state.withdrawn',
    });
  });

  it('leaves approval, settling and rejection to the admin', async () => {
    const h = await f.household('蒋一');
    const id = await f.inNotice(h.id, '2026-11-23');
    const { objections } = await f.ok('cardApplications.lodgeObjection', { id, content: '有异议' }, f.desk);
    await f.setDay('2026-12-01');
    expect(await err(f.call(f.desk, 'cardApplications.approve', { id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(f.call(f.desk, 'cardApplications.settleObjection', { objectionId: objections[0]!.id, settlement: 'x', upheld: false }))).toMatchObject({ code: 'FORBIDDEN' });
    const duty = await f.t.loginAs('duty');
    expect(await err(f.call(duty, 'cardApplications.list', {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(f.call(duty, 'households.list', {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(f.count('cards')).toBe(0);
  });
});

describe('card applications: list', () => {
  it('filters by status and finds by number or by the head’s name, pinyin initials', async () => {
    const h1 = await f.household('张三丰');
    const h2 = await f.household('李四');
    const a1 = await f.ok('cardApplications.create', { householdId: h1.id, benefit: { kind: 'percent', value: 10 }, reason: '困难' }, f.desk);
    await f.inNotice(h2.id, '2026-11-23');
    const all = await f.ok('cardApplications.list', {}, f.desk);
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.headName)).toEqual(['李四', '张三丰']);
    expect((await f.ok('cardApplications.list', { status: 'notice' })).rows.map((r) => r.headName)).toEqual(['李四']);
    expect((await f.ok('cardApplications.list', { q: 'zsf' })).rows.map((r) => r.id)).toEqual([a1.id]);
    expect((await f.ok('cardApplications.list', { q: '张三' })).rows.map((r) => r.id)).toEqual([a1.id]);
    expect((await f.ok('cardApplications.list', { q: 'SQ2026-0001' })).rows.map((r) => r.id)).toEqual([a1.id]);
    expect((await f.ok('cardApplications.list', { limit: 1, offset: 1 })).rows.map((r) => r.headName)).toEqual(['张三丰']);
  });
});
