import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../../../shared/rules/idNumber';
import { makeTestBackend, type TestBackend } from '../../../testSupport';
import { cellText } from '../../excel/cells';

const idOf = (birth: string, seq: string) => {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
};

async function readBack(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= 11; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return { ws, rows };
}

describe('residents export', () => {
  let t: TestBackend;
  let buildingId: string;
  beforeEach(async () => {
    t = await makeTestBackend();
    const area = await t.ok(t.admin, 'grid.create', { parentId: null, name: '东片区' });
    const grid = await t.ok(t.admin, 'grid.create', { parentId: area.id, name: '第1网格' });
    buildingId = (await t.ok(t.admin, 'grid.create', { parentId: grid.id, name: '3栋' })).id;
    await t.ok(t.admin, 'residents.create', {
      name: '张小芳',
      idNumber: idOf('19500302', '122'),
      phone: '13812345678',
      buildingId,
      unit: '1',
      room: '302',
      tags: ['独居老人', '低保'],
      notes: '行动不便',
    });
    await t.ok(t.admin, 'residents.create', { name: '李大山', gender: 'M', phone: '010-62345678', tags: ['党员'] });
    const gone = await t.ok(t.admin, 'residents.create', { name: '王作废', gender: 'M', tags: [] });
    await t.ok(t.admin, 'residents.void', { id: gone.id, reason: '重复登记' });
  });
  afterEach(() => t.close());

  it('writes a masked .xlsx with Chinese headers and audits it', async () => {
    const out = await t.ok(t.admin, 'residents.export', { q: '' });
    expect(out.fileName).toBe('居民名单-2026年11月23日.xlsx');
    expect(out.rows).toBe(2);
    const { ws, rows } = await readBack(out.base64);
    expect(rows[0]).toEqual(['姓名', '性别', '出生日期', '年龄', '身份证号', '联系电话', '片区/网格/楼栋', '单元', '房号', '标签', '备注']);
    expect(rows).toHaveLength(3);
    const zhang = rows.find((r) => r[0] === '张小芳')!;
    expect(zhang).toEqual(['张小芳', '女', '1950-03-02', '76', `110105********${idOf('19500302', '122').slice(-4)}`, '138****5678', '东片区 / 第1网格 / 3栋', '1', '302', '独居老人、低保', '行动不便']);
    const li = rows.find((r) => r[0] === '李大山')!;
    expect(li.slice(0, 6)).toEqual(['李大山', '男', '', '', '', '010-******78']);
    expect(JSON.stringify(rows)).not.toMatch(/13812345678|19500302/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(20);

    const audit = t.backend.db.prepare(`SELECT username, detail FROM audit_log WHERE action = 'resident.export'`).all() as { username: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.username).toBe('admin');
    expect(JSON.parse(audit[0]!.detail)).toEqual({ rows: 2, query: { q: '', gridNodeId: null, tag: null } });
  });

  it('exports what the search shows: query, grid and tag filters', async () => {
    expect((await t.ok(t.admin, 'residents.export', { q: 'zxf' })).rows).toBe(1);
    expect((await t.ok(t.admin, 'residents.export', { q: '', gridNodeId: buildingId })).rows).toBe(1);
    const party = await t.ok(t.admin, 'residents.export', { q: '', tag: '党员' });
    expect(party.rows).toBe(1);
    expect((await readBack(party.base64)).rows[1]![0]).toBe('李大山');
  });

  it('is refused to duty staff', async () => {
    const duty = await t.loginAs('duty');
    expect(await t.backend.dispatch(duty, 'residents.export', { q: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
