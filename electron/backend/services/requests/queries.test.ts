import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, RequestSummary } from '../../../../shared/contract';
import { loadExcel } from '../excel/module';
import { cellText } from '../excel/cells';
import { makeRequestsFixture, shanghaiTen, type RequestsFixture } from './testFixture';

/**
 * A small history, today being Monday 2026-11-23:
 *   r1 11-10 assigned to 王社工 (the desk's staff), due 11-17 → overdue
 *   r2 11-16 taken by the desk, nobody assigned, counter 2, due 11-23 → due today
 *   r3 11-23 escalated from the county;  r4 11-23 solved on the spot;  r5 11-23 voided
 *   r6 11-23 assigned to 李网格员 at counter 2;  r7 11-23 taken by the desk, assigned to 李网格员
 */
describe('request lists, to-do lists and the export', () => {
  let f: RequestsFixture;
  const id: Record<string, string> = {};
  const number: Record<string, string> = {};

  beforeAll(async () => {
    f = await makeRequestsFixture();
    const add = async (key: string, input: Partial<Input<'requests.create'>>, slot = f.t.admin) => {
      const r = await f.ok('requests.create', { serviceId: f.serviceId, channel: 'window', description: '一般咨询', mode: 'immediate', ...input }, slot);
      id[key] = r.id;
      number[key] = r.number;
    };
    await f.setNow(shanghaiTen('2026-11-10'));
    await add('r1', { residentId: f.residentId, description: '低保年审材料', mode: 'assigned', assigneeStaffId: f.staffId });
    await f.setNow(shanghaiTen('2026-11-16'));
    await add('r2', { mode: 'onsite', visitAddress: '社区广场', counter: 2, description: '广场路灯不亮' }, f.desk);
    await f.setNow(shanghaiTen('2026-11-23'));
    await add('r3', { channel: 'county', mode: 'escalated', department: '街道城管科', originRef: 'XJ-118', description: '占道经营 100%投诉' });
    await add('r4', { residentId: f.residentId, channel: 'phone', resolvedNow: '电话答复' });
    await add('r5', {});
    await f.ok('requests.void', { id: id.r5!, reason: '重复登记' });
    await add('r6', { mode: 'assigned', assigneeStaffId: f.otherStaffId, counter: 2 });
    await add('r7', { mode: 'assigned', assigneeStaffId: f.otherStaffId }, f.desk);
  });
  afterAll(() => f.t.close());

  const keysOf = (rows: RequestSummary[]) => rows.map((r) => Object.keys(id).find((k) => id[k] === r.id));
  const list = async (filter: Partial<Input<'requests.list'>>) => {
    const r = await f.ok('requests.list', filter);
    return { keys: keysOf(r.rows), total: r.total, rows: r.rows };
  };

  describe('requests.list', () => {
    it('shows every request but the voided ones, newest first, with names and the overdue flag', async () => {
      const all = await list({});
      expect(all.keys).toEqual(['r7', 'r6', 'r4', 'r3', 'r2', 'r1']);
      expect(all.total).toBe(6);
      const r1 = all.rows.find((r) => r.id === id.r1)!;
      expect(r1).toMatchObject({ residentName: '张小芳', serviceName: '低保咨询', assigneeName: '王社工', overdue: true, dueDate: '2026-11-17', status: 'assigned' });
      expect(all.rows.filter((r) => r.overdue).map((r) => r.id)).toEqual([id.r1]);
    });

    it('filters by status: open, overdue, void, one status', async () => {
      expect((await list({ status: 'open' })).keys).toEqual(['r7', 'r6', 'r3', 'r2', 'r1']);
      expect((await list({ status: 'overdue' })).keys).toEqual(['r1']);
      expect((await list({ status: 'void' })).keys).toEqual(['r5']);
      expect((await list({ status: 'resolved' })).keys).toEqual(['r4']);
    });

    it('filters by received day, mode, channel, service and resident', async () => {
      expect((await list({ from: '2026-11-16', to: '2026-11-16' })).keys).toEqual(['r2']);
      expect((await list({ to: '2026-11-16' })).keys).toEqual(['r2', 'r1']);
      expect((await list({ from: '2026-11-17' })).total).toBe(4);
      expect((await list({ mode: 'assigned' })).keys).toEqual(['r7', 'r6', 'r1']);
      expect((await list({ channel: 'county' })).keys).toEqual(['r3']);
      expect((await list({ residentId: f.residentId })).keys).toEqual(['r4', 'r1']);
      expect((await list({ serviceId: f.inactiveServiceId })).total).toBe(0);
    });

    it('searches the number, the description and the resident name; wildcards are literal', async () => {
      expect((await list({ q: number.r2! })).keys).toEqual(['r2']);
      expect((await list({ q: '20261110' })).keys).toEqual(['r1']);
      expect((await list({ q: number.r1!.replace('-', '') })).keys).toEqual(['r1']); // typed without the dash
      expect((await list({ q: number.r2!.slice(-4) })).keys).toContain('r2'); // the day's running number alone
      expect((await list({ q: '年审' })).keys).toEqual(['r1']);
      expect((await list({ q: '张小' })).keys).toEqual(['r4', 'r1']);
      expect((await list({ q: '100%' })).keys).toEqual(['r3']);
      expect((await list({ q: '0%' })).keys).toEqual(['r3']);
      expect((await list({ q: '%' })).keys).toEqual(['r3']);
      expect((await list({ q: '_' })).total).toBe(0);
    });

    it('pages with the total', async () => {
      const page1 = await list({ limit: 2, offset: 0 });
      const page2 = await list({ limit: 2, offset: 2 });
      expect([page1.total, page2.total]).toEqual([6, 6]);
      expect([...page1.keys, ...page2.keys]).toEqual(['r7', 'r6', 'r4', 'r3']);
    });

    it('is open to duty staff, as is the detail', async () => {
      const duty = await f.t.loginAs('duty');
      expect(await f.call(duty, 'requests.list', {})).toMatchObject({ ok: true, value: { total: 6 } });
      expect(await f.call(duty, 'requests.get', { id: id.r1 })).toMatchObject({ ok: true });
    });
  });

  describe('to-do lists', () => {
    const todo = async (list: Input<'requests.todo'>['list'], counter: number | null = null, slot = f.desk) =>
      keysOf(await f.ok('requests.todo', { list, counter }, slot));

    it('mine: assigned to the staff member my account is linked to, or taken by me with nobody assigned', async () => {
      expect(await todo('mine')).toEqual(['r1', 'r2']);
      // The admin's account is linked to no staff member and took nothing without an assignee that is open… except r3 (department only).
      expect(await todo('mine', null, f.t.admin)).toEqual(['r3']);
    });

    it('counter, overdue, due today — overdue first, then by due date', async () => {
      expect(await todo('counter', 2)).toEqual(['r2', 'r6']);
      expect(await todo('counter', null)).toEqual([]);
      expect(await todo('overdue')).toEqual(['r1']);
      expect(await todo('dueToday')).toEqual(['r2']);
      const rows = await f.ok('requests.todo', { list: 'mine', counter: null }, f.desk);
      expect(rows.map((r) => [r.dueDate, r.overdue])).toEqual([
        ['2026-11-17', true],
        ['2026-11-23', false],
      ]);
    });

    it('counts agree with the lists, and finished requests leave them', async () => {
      expect(await f.ok('requests.todoCounts', { counter: 2 }, f.desk)).toEqual({ mine: 2, counter: 2, overdue: 1, dueToday: 1 });
      await f.ok('requests.resolve', { id: id.r1!, resolution: '材料已收齐' });
      expect(await f.ok('requests.todoCounts', { counter: 2 }, f.desk)).toEqual({ mine: 1, counter: 2, overdue: 0, dueToday: 1 });
      expect(await todo('overdue')).toEqual([]);
      // Reopened by unsatisfied feedback: back on the lists, overdue again.
      await f.ok('requests.feedback', { id: id.r1!, satisfaction: 'unsatisfied', note: '还缺一份证明' });
      expect(await f.ok('requests.todoCounts', { counter: null }, f.desk)).toEqual({ mine: 2, counter: 0, overdue: 1, dueToday: 1 });
      const duty = await f.t.loginAs('duty');
      expect(await f.ok('requests.todoCounts', { counter: null }, duty)).toEqual({ mine: 0, counter: 0, overdue: 1, dueToday: 1 });
    });
  });

  describe('requests.export', () => {
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
      return { ws, rows };
    }

    it('writes the filtered list with Chinese headers and words, masked phones, and audits it', async () => {
      const out = await f.ok('requests.export', { residentId: f.residentId });
      expect(out.fileName).toBe('诉求列表-2026年11月23日.xlsx');
      expect(out.rows).toBe(2);
      const { ws, rows } = await readBack(out.base64);
      expect(ws.name).toBe('诉求列表');
      expect(rows[0]).toEqual([
        '诉求编号', '登记时间', '居民', '联系电话', '服务事项', '来源渠道', '办理方式', '状态', '诉求内容', '承办人', '承办部门',
        '办结时限', '是否逾期', '办结时间', '办理结果', '满意度', '回访意见', '重新办理次数', '作废原因',
      ]);
      const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
      expect(byNumber.get(number.r4!)!.slice(0, 9)).toEqual([
        number.r4, expect.stringMatching(/^2026-11-23/), '张小芳', '138****5678', '低保咨询', '电话', '马上办', '已办结', '一般咨询',
      ]);
      expect(byNumber.get(number.r4!)![14]).toBe('电话答复');
      expect(JSON.stringify(rows)).not.toContain('13812345678');
      expect(ws.getRow(2).getCell(2).value).toEqual(new Date('2026-11-23T10:00:00Z')); // 10:00 in Shanghai as shown

      const audit = f.t.backend.db.prepare(`SELECT username, detail FROM audit_log WHERE action = 'request.export'`).all() as { username: string; detail: string }[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ rows: 2, filter: { residentId: f.residentId } });
    });

    it('exports exactly what the list shows, voided ones only when asked', async () => {
      const all = await readBack((await f.ok('requests.export', {})).base64);
      expect(all.rows.slice(1).map((r) => r[0])).toEqual(['r7', 'r6', 'r4', 'r3', 'r2', 'r1'].map((k) => number[k]));
      const county = (await readBack((await f.ok('requests.export', { channel: 'county' })).base64)).rows[1]!;
      expect([county[5], county[6], county[7], county[10]]).toEqual(['县平台转派', '转办/联办', '已分派', '街道城管科']);
      const voided = (await readBack((await f.ok('requests.export', { status: 'void' })).base64)).rows;
      expect(voided).toHaveLength(2);
      expect(voided[1]![7]).toBe('已作废');
      expect(voided[1]![18]).toBe('重复登记');
    });

    it('is refused to duty staff', async () => {
      const duty = await f.t.loginAs('duty');
      expect(await f.call(duty, 'requests.export', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });
});
