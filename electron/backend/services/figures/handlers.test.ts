import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';
import { cellText } from '../excel/cells';
import { seedIntake } from './figuresTestData';

const MONTH = { from: '2026-10-01', to: '2026-10-31' };

describe('figures calls', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await makeTestBackend();
    const db = t.backend.db;
    db.transaction(() => seedIntake(db, { seed: 5, firstDay: '2026-09-20', days: 65, ticketsPerDay: 12, requestsPerDay: 8, today: '2026-11-23' }))();
  });
  afterAll(() => t.close());

  it('are for staff: partners are refused, duty staff may look but not export', async () => {
    const partner = await t.loginAs('partner');
    expect(await t.backend.dispatch(partner, 'figures.get', MONTH)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.backend.dispatch(partner, 'figures.export', MONTH)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const duty = await t.loginAs('duty');
    expect(await t.backend.dispatch(duty, 'figures.get', MONTH)).toMatchObject({ ok: true });
    expect(await t.backend.dispatch(duty, 'figures.export', MONTH)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const desk = await t.loginAs('desk');
    expect(await t.backend.dispatch(desk, 'figures.export', MONTH)).toMatchObject({ ok: true });
    expect(await t.backend.dispatch({ sessionId: null }, 'figures.get', MONTH)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuse a period that ends before it starts, a date that is no day, and a period of more than ten years', async () => {
    const refused = async (input: unknown) => {
      const r = await t.backend.dispatch(t.admin, 'figures.get', input as typeof MONTH);
      return r.ok ? null : r.error;
    };
    expect(await refused({ from: '2026-10-31', to: '2026-10-01' })).toEqual({ code: 'VALIDATION', key: 'figures.period.order', field: 'to' });
    expect(await refused({ from: '2026-02-30', to: '2026-03-01' })).toEqual({ code: 'VALIDATION', key: 'validation.badDate', field: 'from' });
    expect(await refused({ from: '2026-01-01', to: '2026-13-01' })).toEqual({ code: 'VALIDATION', key: 'validation.badDate', field: 'to' });
    expect(await refused({ from: '2026/01/01', to: '2026-01-31' })).toEqual({ code: 'VALIDATION', key: 'validation.badDate', field: 'from' });
    expect(await refused({ from: '2010-01-01', to: '2026-01-31' })).toEqual({ code: 'VALIDATION', key: 'figures.period.tooLong', field: 'to' });
    expect(await refused({ from: '2026-01-01' })).toMatchObject({ code: 'VALIDATION', field: 'to' });
    expect(await refused({ from: '2016-11-24', to: '2026-11-23' })).toBeNull();
  });

  it('export the figures as a workbook: one sheet per view, Chinese headers, rates as percentages, audited', async () => {
    const figures = await t.ok(t.admin, 'figures.get', MONTH);
    const out = await t.ok(t.admin, 'figures.export', MONTH);
    expect(out.fileName).toBe('统计-2026年10月1日至2026年10月31日.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '按服务', '按网格', '按渠道', '按人员', '按办理方式', '趋势']);
    const rowsOf = (name: string) => {
      const rows: string[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v))));
      return rows;
    };

    const overview = new Map(rowsOf('总览').map(([k, v]) => [k!, v!]));
    expect(overview.get('统计期间')).toBe('2026年10月1日 至 2026年10月31日');
    expect(overview.get('取号数')).toBe(String(figures.tickets.issued));
    expect(Number(overview.get('办结率'))).toBeCloseTo(figures.requests.resolutionRate!, 12);
    const rateRow = rowsOf('总览').findIndex(([k]) => k === '满意率') + 1;
    expect(wb.getWorksheet('总览')!.getCell(rateRow, 2).numFmt).toBe('0.0%');

    const service = rowsOf('按服务');
    expect(service[0]).toEqual([
      '服务事项', '取号数', '已办理', '过号', '日终未办理', '平均等候（分钟）', '90%等候（分钟）', '平均办理（分钟）', '90%办理（分钟）',
      '受理诉求', '已办结', '办结率', '按期办结', '按期办结率', '已回访', '满意', '基本满意', '不满意', '满意率', '未办结', '已超期',
    ]);
    expect(service.slice(1).map((r) => r[0])).toEqual(figures.by.service.map((r) => r.label));
    expect(service.slice(1).map((r) => Number(r[1]))).toEqual(figures.by.service.map((r) => r.tickets!.issued));
    expect(wb.getWorksheet('按服务')!.getColumn(12).numFmt).toBe('0.0%');

    const grid = rowsOf('按网格');
    expect(grid[0]!.slice(0, 3)).toEqual(['网格', '受理诉求', '已办结']);
    expect(grid.slice(1).map((r) => r[0])).toContain('未关联网格');
    expect(rowsOf('按渠道').slice(1).map((r) => r[0])).toEqual(['窗口', '电话', '网格上报', '驿站', '县平台转派']);
    expect(rowsOf('按办理方式').slice(1).map((r) => r[0])).toEqual(['马上办', '现场办', '上门办', '专人办', '转办联办']);
    expect(rowsOf('按人员').slice(1).map((r) => r[0])).toEqual(figures.by.staff.map((r) => r.label));
    const trend = rowsOf('趋势');
    expect(trend[0]).toEqual(['日期', '取号数', '受理诉求', '其中已办结']);
    expect(trend).toHaveLength(32);
    expect(trend.slice(1).reduce((n, r) => n + Number(r[2]), 0)).toBe(figures.requests.received);

    const audit = t.backend.db.prepare(`SELECT username, detail FROM audit_log WHERE action = 'figures.export'`).all() as { username: string; detail: string }[];
    expect(audit.at(-1)!.username).toBe('admin');
    expect(JSON.parse(audit.at(-1)!.detail)).toEqual(MONTH);
  });

  it('export a long period by month', async () => {
    const out = await t.ok(t.admin, 'figures.export', { from: '2026-01-01', to: '2026-12-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('趋势')!;
    expect(cellText(ws.getCell(1, 1).value)).toBe('月份');
    expect(cellText(ws.getCell(2, 1).value)).toBe('2026-01');
    expect(ws.rowCount).toBe(13);
  });
});

describe('figures of yesterday, first thing in the morning', () => {
  it('count the tickets left waiting last night as unserved, even before any queue call today', async () => {
    const t = await makeTestBackend();
    try {
      const serviceId = (await t.ok(t.admin, 'services.save', { category: '社保', name: '社保医保', prefix: 'A', defaultMode: 'immediate', timeLimitDays: 3 })).id;
      await t.ok({ sessionId: null }, 'kiosk.issue', { serviceId, priorityReason: null });
      await t.ok({ sessionId: null }, 'kiosk.issue', { serviceId, priorityReason: null });
      t.clock.advance(24 * 3600_000);
      const admin = { sessionId: null };
      await t.ok(admin, 'session.login', { username: 'admin', password: PASSWORD });
      // The head opens the figures before anyone has opened a counter or the kiosk today.
      const f = await t.ok(admin, 'figures.get', { from: '2026-11-23', to: '2026-11-23' });
      expect(f.tickets).toMatchObject({ issued: 2, served: 0, noShows: 0, unserved: 2 });
    } finally {
      t.close();
    }
  });
});
