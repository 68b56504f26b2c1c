import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import { newId } from '../../db/ids';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { newWorkbook } from '../excel/module';
import { makeTestCard, type TestCard } from '../cards/testCards';
import { monthsEnding } from './reports';

/**
 * The card reports against a plain recount: purchases of several partners over three months, some
 * voided, one of a card the centre does not know, are summed here row by row in JavaScript and must
 * equal what the report's SQL says.
 */

interface Row {
  id: string;
  card_no: string;
  partner_id: string;
  till_user_name: string;
  at: number;
  month: string;
  amount_fen: number;
  discount_fen: number;
  pay_fen: number;
  voided_at: number | null;
  void_reason: string | null;
}

const MONTH = '2026-11';

describe('card reports', () => {
  let t: TestBackend;
  let cards: TestCard[];
  let partners: { id: string; name: string }[];
  let rows: Row[];

  beforeAll(async () => {
    t = await makeTestBackend();
    cards = [
      await makeTestCard(t, { name: '张小芳', monthlyCapFen: 50_000 }),
      await makeTestCard(t, { name: '李大爷', monthlyCapFen: null }),
      // Ends 2026-11-30: due for the yearly review (within 30 days of 2026-11-23).
      await makeTestCard(t, { name: '王奶奶', validFrom: '2025-12-01' }),
      // Ended 2026-10-31: expired, no longer active.
      await makeTestCard(t, { name: '赵叔', validFrom: '2025-11-01' }),
    ];
    const revoked = await makeTestCard(t, { name: '钱阿姨' });
    t.backend.db.prepare(`UPDATE cards SET status = 'revoked' WHERE id = ?`).run(revoked.id);
    partners = [];
    for (const name of ['惠民超市', '=HYPERLINK("http://x","点我")', '没有生意的店']) {
      const p = await t.ok(t.admin, 'partners.save', { name, address: '幸福路', contactName: '王', contactPhone: '13912345678' });
      partners.push({ id: p.id, name });
    }
    // A deterministic spread over October–December, partners 0 and 1 only, every 7th voided.
    const db = t.backend.db;
    const insert = db.prepare(
      `INSERT INTO purchases (id, card_no, partner_id, till_user_name, at, month, amount_fen, cost_fen, eligible_fen, discount_fen, pay_fen, voided_at, void_reason)
       VALUES (@id, @card_no, @partner_id, @till_user_name, @at, @month, @amount_fen, NULL, @amount_fen, @discount_fen, @pay_fen, @voided_at, @void_reason)`,
    );
    const start = Date.UTC(2026, 9, 1, 2);
    const cardNos = [...cards.map((c) => c.cardNo), '9999999999'];
    db.transaction(() => {
      for (let i = 0; i < 600; i++) {
        const at = start + i * 3 * 3_600_000 + (i % 5) * 61_000;
        const amount = 500 + ((i * 7919) % 20_000);
        const discount = Math.floor(amount / 10);
        const voided = i % 7 === 3;
        insert.run({
          id: newId(),
          card_no: cardNos[i % cardNos.length],
          partner_id: partners[i % 3 === 0 ? 1 : 0]!.id,
          till_user_name: i % 2 ? '-收银员' : '收银员',
          at,
          month: shanghaiDate(at).slice(0, 7),
          amount_fen: amount,
          discount_fen: discount,
          pay_fen: amount - discount,
          voided_at: voided ? at + 60_000 : null,
          void_reason: voided ? '=1+1 退货' : null,
        });
      }
    })();
    rows = db.prepare('SELECT * FROM purchases').all() as Row[];
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['2026-10', '2026-11', '2026-12']));
  });
  afterAll(() => t?.close());

  const live = (r: Row) => r.voided_at === null;
  const inMonth = (r: Row) => r.month === MONTH;
  const sum = (xs: Row[], f: (r: Row) => number) => xs.reduce((n, r) => n + f(r), 0);

  it('per partner, the totals and the trend equal a recount', async () => {
    const report = await t.ok(t.admin, 'cardReports.month', { month: MONTH });
    const month = rows.filter(inMonth);
    for (const p of partners) {
      const mine = month.filter((r) => r.partner_id === p.id);
      const kept = mine.filter(live);
      expect(report.byPartner.find((b) => b.partnerId === p.id)).toEqual({
        partnerId: p.id,
        partnerName: p.name,
        purchases: kept.length,
        voided: mine.length - kept.length,
        cards: new Set(kept.map((r) => r.card_no)).size,
        amountFen: sum(kept, (r) => r.amount_fen),
        discountFen: sum(kept, (r) => r.discount_fen),
        payFen: sum(kept, (r) => r.pay_fen),
      });
    }
    const kept = month.filter(live);
    expect(report.totals).toEqual({
      purchases: kept.length,
      voided: month.length - kept.length,
      cards: new Set(kept.map((r) => r.card_no)).size,
      amountFen: sum(kept, (r) => r.amount_fen),
      discountFen: sum(kept, (r) => r.discount_fen),
      payFen: sum(kept, (r) => r.pay_fen),
    });
    expect(report.trend.map((m) => m.month)).toEqual(monthsEnding(MONTH));
    for (const m of report.trend) {
      const k = rows.filter((r) => r.month === m.month && live(r));
      expect(m).toEqual({ month: m.month, purchases: k.length, amountFen: sum(k, (r) => r.amount_fen), discountFen: sum(k, (r) => r.discount_fen) });
    }
    expect(report.trend[0]).toEqual({ month: '2025-12', purchases: 0, amountFen: 0, discountFen: 0 });
    expect(report).toMatchObject({ month: MONTH, activeCards: 3, reviewsDue: 1 });
  });

  it('per household (card), biggest discount first, head names from the register', async () => {
    const report = await t.ok(t.admin, 'cardReports.month', { month: MONTH });
    const kept = rows.filter((r) => inMonth(r) && live(r));
    const heads = new Map(cards.map((c, i) => [c.cardNo, ['张小芳', '李大爷', '王奶奶', '赵叔'][i]!]));
    const expected = [...new Set(kept.map((r) => r.card_no))]
      .map((cardNo) => {
        const mine = kept.filter((r) => r.card_no === cardNo);
        const card = cards.find((c) => c.cardNo === cardNo);
        return {
          householdId: card?.householdId ?? null,
          headName: heads.get(cardNo) ?? '未登记的卡号',
          cardNo,
          purchases: mine.length,
          amountFen: sum(mine, (r) => r.amount_fen),
          discountFen: sum(mine, (r) => r.discount_fen),
          capFen: card ? (cardNo === cards[1]!.cardNo ? null : 50_000) : null,
        };
      })
      .sort((a, b) => b.discountFen - a.discountFen || a.cardNo.localeCompare(b.cardNo));
    expect(report.byHousehold).toEqual(expected);
  });

  it('lists the purchases of a month newest first, filtered and paged, with the holder’s name', async () => {
    const all = rows.filter(inMonth).sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
    const page = await t.ok(t.admin, 'cardReports.purchases', { month: MONTH, limit: 10, offset: 5 });
    expect(page.total).toBe(all.length);
    expect(page.rows.map((r) => r.id)).toEqual(all.slice(5, 15).map((r) => r.id));
    const first = page.rows[0]!;
    const source = all[5]!;
    expect(first).toMatchObject({ at: source.at, cardNo: source.card_no, amountFen: source.amount_fen, voided: source.voided_at !== null });

    const p = partners[1]!;
    const byShop = await t.ok(t.admin, 'cardReports.purchases', { month: MONTH, partnerId: p.id, limit: 500 });
    expect(byShop.total).toBe(all.filter((r) => r.partner_id === p.id).length);
    expect(byShop.rows.every((r) => r.partnerName === p.name)).toBe(true);

    const card = cards[0]!;
    const byCard = await t.ok(t.admin, 'cardReports.purchases', { month: MONTH, cardNo: card.cardNo, limit: 500 });
    expect(byCard.total).toBe(all.filter((r) => r.card_no === card.cardNo).length);
    expect(new Set(byCard.rows.map((r) => r.holderName))).toEqual(new Set(['张小芳']));
    expect(await t.backend.dispatch(t.admin, 'cardReports.purchases', { month: MONTH, cardNo: '12ab' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'cardReports.cardNo.digits', field: 'cardNo' },
    });
    expect(await t.backend.dispatch(t.admin, 'cardReports.month', { month: '2026-13' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'validation.badMonth', field: 'month' },
    });
  });

  async function workbook(file: Output<'cardReports.export'>) {
    const wb = await newWorkbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    return wb;
  }
  const column = (ws: ExcelJS.Worksheet, header: string) => {
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    const i = headers.indexOf(header) + 1;
    expect(i).toBeGreaterThan(0);
    return Array.from({ length: ws.rowCount - 1 }, (_, r) => ws.getCell(r + 2, i).value);
  };

  it('exports the month for the subsidy reconciliation: amounts in yuan, formula-looking text kept as text, audited', async () => {
    const file = await t.ok(t.admin, 'cardReports.export', { month: MONTH });
    expect(file.fileName).toBe('爱心卡月报-2026-11.xlsx');
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按商户', '按户', '明细']);
    const kept = rows.filter((r) => inMonth(r) && live(r));
    const yuanSum = (xs: unknown[]) => Math.round((xs as number[]).reduce((n, v) => n + v, 0) * 100);

    const byShop = wb.getWorksheet('按商户')!;
    expect(yuanSum(column(byShop, '优惠金额（元）'))).toBe(sum(kept, (r) => r.discount_fen));
    expect(column(byShop, '商户')).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(byShop.getCell(2, 5).numFmt).toBe('0.00');

    const byHousehold = wb.getWorksheet('按户')!;
    expect(byHousehold.rowCount - 1).toBe(new Set(kept.map((r) => r.card_no)).size);
    expect(yuanSum(column(byHousehold, '消费金额（元）'))).toBe(sum(kept, (r) => r.amount_fen));

    const detail = wb.getWorksheet('明细')!;
    expect(detail.rowCount - 1).toBe(rows.filter(inMonth).length);
    expect(file.rows).toBe(rows.filter(inMonth).length);
    expect(column(detail, '撤销原因')).toContain("'=1+1 退货");
    expect(column(detail, '收银员')).toContain("'-收银员");
    // Every value the sheet can compute with is a number, not text.
    for (const v of column(detail, '实付金额（元）')) expect(typeof v).toBe('number');

    const audit = await t.ok(t.admin, 'audit.list', { action: 'cardReports.export', limit: 5, offset: 0 });
    expect(audit.total).toBe(1);
    expect(JSON.parse(audit.rows[0]!.detail!)).toMatchObject({ month: MONTH, rows: file.rows });
  });

  it('exports one partner only when asked', async () => {
    const p = partners[0]!;
    const file = await t.ok(t.admin, 'cardReports.export', { month: MONTH, partnerId: p.id });
    expect(file.fileName).toBe('爱心卡月报-2026-11-惠民超市.xlsx');
    const wb = await workbook(file);
    expect(column(wb.getWorksheet('按商户')!, '商户')).toEqual(['惠民超市']);
    expect(file.rows).toBe(rows.filter((r) => inMonth(r) && r.partner_id === p.id).length);
  });

  it('is for the office: duty staff and partners are refused', async () => {
    for (const role of ['duty', 'partner'] as const) {
      const slot = await t.loginAs(role);
      expect(await t.backend.dispatch(slot, 'cardReports.export', { month: MONTH })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t.backend.dispatch(slot, 'cardReports.purchases', { month: MONTH })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
