import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { createSecretStore } from '../../secrets/secretStore';
import { cellText } from '../excel/cells';
import { loadExcel } from '../excel/module';
import { issueCard } from './issue';
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

/** A household and a card ending on `validTo`, through the real issueCard (the list tests need many end dates). */
async function cardEnding(head: string, validTo: string, validFrom = '2026-01-01'): Promise<{ id: string; cardNo: string }> {
  const h = await f.household(head);
  const db = f.t.backend.db;
  const id = db.transaction(() =>
    issueCard(db, createSecretStore(f.t.dir), f.t.clock.now(), { userId: null, userName: '测试' }, {
      householdId: h.id,
      holderResidentId: h.headId,
      benefit: { kind: 'percent', value: 10 },
      monthlyCapFen: 30_000,
      delivery: false,
      validFrom,
      validTo,
      applicationId: null,
    }),
  )();
  return { id, cardNo: (db.prepare('SELECT card_no FROM cards WHERE id = ?').get(id) as { card_no: string }).card_no };
}

async function readBack(base64: string) {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

describe('cards.list', () => {
  it('splits the lists by status and validity; 待年审 is today through today + reviewAheadDays', async () => {
    // Today is 2026-11-23 (Shanghai); 30 days ahead is 2026-12-23.
    const expired = await cardEnding('过期甲', '2026-11-22');
    await cardEnding('今天乙', '2026-11-23');
    await cardEnding('边界丙', '2026-12-23');
    await cardEnding('以后丁', '2026-12-24');
    const paused = await cardEnding('暂停戊', '2026-12-01');
    const gone = await cardEnding('注销己', '2026-12-01');
    await f.ok('cards.suspend', { id: paused.id, reason: '外出' });
    await f.ok('cards.revoke', { id: gone.id, reason: '迁出' });
    const list = async (l: 'all' | 'active' | 'expired' | 'reviewDue' | 'suspended' | 'revoked' | 'replaced') => {
      const r = await f.ok('cards.list', { list: l }, f.desk);
      expect(r.total).toBe(r.rows.length);
      return r.rows.map((c) => c.holderName);
    };
    expect(await list('reviewDue')).toEqual(['今天乙', '边界丙']);
    expect(await list('expired')).toEqual(['过期甲']);
    expect(await list('active')).toEqual(['以后丁', '边界丙', '今天乙']);
    expect(await list('suspended')).toEqual(['暂停戊']);
    expect(await list('revoked')).toEqual(['注销己']);
    expect(await list('replaced')).toEqual([]);
    expect(await list('all')).toHaveLength(6);
    const all = (await f.ok('cards.list', {})).rows;
    expect(all.find((c) => c.id === expired.id)).toMatchObject({ status: 'expired', validTo: '2026-11-22' });
    expect(all.find((c) => c.id === gone.id)).toMatchObject({ status: 'revoked', statusReason: '迁出' });

    await f.ok('cards.saveSettings', { reviewAheadDays: 31, voidWindowMinutes: 30, maxPurchaseFen: 500_000 });
    expect(await list('reviewDue')).toEqual(['今天乙', '边界丙', '以后丁']);
    // The next day the card that ended today has lapsed.
    await f.setDay('2026-11-24');
    expect(await list('reviewDue')).toEqual(['边界丙', '以后丁']);
    expect(await list('expired')).toEqual(['今天乙', '过期甲']);
  });

  it('finds by card number (as printed, with spaces, or part of it) and by the holder’s name or initials', async () => {
    const a = await cardEnding('张三丰', '2027-06-30');
    const b = await cardEnding('李小龙', '2027-06-30');
    const find = async (q: string) => (await f.ok('cards.list', { q }, f.desk)).rows.map((c) => c.id);
    expect(await find(a.cardNo)).toEqual([a.id]);
    expect(await find(`${b.cardNo.slice(0, 4)} ${b.cardNo.slice(4, 8)} ${b.cardNo.slice(8)}`)).toEqual([b.id]);
    expect(await find(b.cardNo.slice(-3))).toEqual([b.id]);
    expect(await find('zsf')).toEqual([a.id]);
    expect(await find('小龙')).toEqual([b.id]);
    expect(await find('王')).toEqual([]);
    const page = await f.ok('cards.list', { limit: 1, offset: 1 });
    expect([page.total, page.rows.map((c) => c.id)]).toEqual([2, [a.id]]);
  });
});

describe('cards.get', () => {
  it('counts this month’s eligible spending (Shanghai month), leaving out voided purchases and other months', async () => {
    const c = await cardEnding('王五', '2027-06-30');
    const insert = f.t.backend.db.prepare(
      `INSERT INTO purchases (id, card_no, partner_id, till_user_name, at, month, amount_fen, eligible_fen, discount_fen, pay_fen, voided_at)
       VALUES (?, ?, 'p1', '收银员', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = f.t.clock.now();
    insert.run(newId(), c.cardNo, now, '2026-11', 5000, 5000, 500, 4500, null);
    insert.run(newId(), c.cardNo, now, '2026-11', 3000, 2000, 200, 2800, null);
    insert.run(newId(), c.cardNo, now, '2026-11', 9000, 9000, 900, 8100, now);
    insert.run(newId(), c.cardNo, now, '2026-10', 7000, 7000, 700, 6300, null);
    expect((await f.ok('cards.get', { id: c.id }, f.desk)).monthUsedFen).toBe(7000);
    await f.setNow(Date.parse('2026-11-30T16:30:00Z')); // 00:30 on 1 December in Shanghai
    expect((await f.ok('cards.get', { id: c.id })).monthUsedFen).toBe(0);
    expect(await err(f.call(f.desk, 'cards.get', { id: newId() }))).toMatchObject({ code: 'NOT_FOUND', key: 'card.notFound' });
  });
});

describe('cards.face', () => {
  it('gives the centre, the masked name and the signed code; printing is an event and an audit entry', async () => {
    await f.ok('settings.update', { centreName: '幸福社区服务中心', centreCode: 'C001', idleLockMinutes: 10 });
    const card = await f.issuedCard('欧阳娜娜');
    const face = await f.ok('cards.face', { id: card.id }, f.desk);
    expect(face).toMatchObject({ centreName: '幸福社区服务中心', cardNo: card.cardNo, maskedName: '欧**娜', benefit: { kind: 'percent', value: 10 }, validTo: card.validTo, delivery: false });
    expect(face.qrText).toMatch(/^LX1:[A-Z2-7]+$/);
    expect(face.qrText.length).toBeLessThan(200);
    expect((await f.ok('cards.face', { id: card.id }, f.desk)).qrText).toBe(face.qrText);
    expect((await f.ok('cards.get', { id: card.id })).events.map((e) => [e.action, e.userName])).toEqual([
      ['issued', '管理员'],
      ['printed', 'desk 用户'],
      ['printed', 'desk 用户'],
    ]);
    expect(f.count('audit_log', `action = 'card.print' AND target_id = ?`, card.id)).toBe(2);
  });
});

describe('cards.export', () => {
  it('writes the chosen list in Chinese words with no ID numbers or phones, and audits it', async () => {
    const a = await cardEnding('张三丰', '2026-12-10');
    await cardEnding('李小龙', '2027-10-01');
    const out = await f.ok('cards.export', { list: 'reviewDue' }, f.desk);
    expect(out).toMatchObject({ fileName: '爱心卡-待年审-2026年11月23日.xlsx', rows: 1 });
    const rows = await readBack(out.base64);
    expect(rows[0]).toEqual(['卡号', '持卡人', '优惠', '每月优惠限额（元）', '送货上门', '有效期起', '有效期至', '状态', '原因']);
    expect(rows[1]!.slice(0, 5)).toEqual([`${a.cardNo.slice(0, 4)} ${a.cardNo.slice(4, 8)} ${a.cardNo.slice(8)}`, '张三丰', '九折', '300', '否']);
    expect(rows[1]![7]).toBe('有效');
    const everything = await readBack((await f.ok('cards.export', {})).base64);
    expect(everything).toHaveLength(3);
    const stored = f.t.backend.db.prepare('SELECT id_number, phone FROM residents').all() as { id_number: string; phone: string }[];
    const text = JSON.stringify(everything);
    for (const r of stored) {
      expect(text).not.toContain(r.id_number);
      expect(text).not.toContain(r.phone);
    }
    expect(f.count('audit_log', `action = 'card.export'`)).toBe(2);
  });
});

describe('signing keys and rules', () => {
  it('lists the keys with fingerprints, the newest current; rotation is audited and old cards still verify by their key', async () => {
    const card = await f.issuedCard('孙一');
    const keys = await f.ok('cards.keys', {});
    expect(keys).toEqual([{ keyId: 1, createdAt: expect.any(Number), fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/), current: true }]);
    const after = await f.ok('cards.rotateKey', {});
    expect(after.map((k) => k.current)).toEqual([false, true]);
    expect(after[1]!.fingerprint).not.toBe(after[0]!.fingerprint);
    expect(f.count('audit_log', `action = 'card.key.rotate'`)).toBe(1);
    expect(f.count('till_keys')).toBe(2);
    expect((await f.ok('cards.get', { id: card.id })).keyId).toBe(1);
    expect(await err(f.call(f.desk, 'cards.keys', {}))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reads and saves the card rules; saving is the admin’s and is audited', async () => {
    expect(await f.ok('cards.settings', {}, f.desk)).toEqual({ reviewAheadDays: 30, voidWindowMinutes: 30, maxPurchaseFen: 500_000 });
    expect(await err(f.call(f.desk, 'cards.saveSettings', { reviewAheadDays: 60, voidWindowMinutes: 30, maxPurchaseFen: 500_000 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await err(f.call(f.t.admin, 'cards.saveSettings', { reviewAheadDays: 0, voidWindowMinutes: 30, maxPurchaseFen: 500_000 }))).toMatchObject({
      code: 'VALIDATION',
      key: 'validation.tooSmall',
      field: 'reviewAheadDays',
    });
    await f.ok('cards.saveSettings', { reviewAheadDays: 60, voidWindowMinutes: 15, maxPurchaseFen: 200_000 });
    expect(await f.ok('cards.settings', {})).toEqual({ reviewAheadDays: 60, voidWindowMinutes: 15, maxPurchaseFen: 200_000 });
    expect(f.count('audit_log', `action = 'card.rules.update'`)).toBe(1);
  });
});
