import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview } from '../../../../../shared/contract';
import { idCheckChar } from '../../../../../shared/rules/idNumber';
import { makeTestBackend, type TestBackend } from '../../../testSupport';
import { MAX_IMPORT_ROWS } from './importSheet';
import { suggestMapping } from './importMapping';

/** A fictional ID number with a correct check digit. */
const idOf = (birth: string, seq: string) => {
  const first17 = `110105${birth}${seq}`;
  return first17 + idCheckChar(first17);
};
const ZHANG = idOf('19500302', '122'); // female
const FENG = idOf('19420707', '111');
const BAD_CHECK = (() => {
  const good = idOf('19601010', '015');
  return good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
})();
const BAD_BIRTH = (() => {
  const first17 = '11010519500230011';
  return first17 + idCheckChar(first17);
})();

async function xlsx(rows: unknown[][], sheetName = '花名册'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

const HEADERS = ['序号', '姓名', '公民身份号码', '性别', '出生日期', '联系电话', '片区', '网格', '楼栋', '单元', '房号', '人员类别'];

/** Row 1 is a title line (left empty here), the header is row 2, so data rows start at 3. */
function sheetRows(): unknown[][] {
  return [
    [],
    HEADERS,
    [1, '张小芳', ZHANG, '', '', 13812345678, '东片区', '第1网格', '3栋', '1', '302', '独居老人、低保'], // 3 new
    [2, '李四', BAD_CHECK, '男', '', '13900001111', '', '', '', '', '', ''], // 4 check digit
    [3, '王五', BAD_BIRTH, '男', '', '', '', '', '', '', '', ''], // 5 birth date in the ID
    [4, '赵六', '', '男', new Date(Date.UTC(1950, 2, 2)), '12345', '', '', '', '', '', ''], // 6 bad phone
    [5, '', idOf('19800101', '033'), '', '', '', '', '', '', '', '', ''], // 7 no name
    [6, '钱七', ZHANG, '', '', '13700000000', '', '', '', '', '', ''], // 8 same ID as row 3
    [7, '孙八', '', '女', '1960/3/2', '139 0000 2222', '东片区', '第1网格', '3栋', '2', '101', ''], // 9 new
    [],
    [8, '周九', '', 'x', '', '', '', '', '', '', '', ''], // 11 bad gender
    [9, '吴十', Number('110105195003021234'), '', '', '', '', '', '', '', '', ''], // 12 ID stored as a number
    [10, '郑一', '', '男', 19500302, 13600001111, '西片区', '', '', '', '', ''], // 13 address incomplete
    [11, '冯二', FENG, '', '', '', '', '', '', '', '', ''], // 14 existing by ID
    [12, '陈三', '', '女', 18324, '13500003333', '', '', '', '', '', '党员'], // 15 existing by name + phone
    [13, '钱小宝', '', '男', '2020-01-05', '', '东片区', '第1网格', '3栋', '1', '302', ''], // 16 new: no ID, no phone
    [14, '钱小宝', '', '男', '2020-01-05', '', '东片区', '第1网格', '3栋', '1', '302', ''], // 17 the same child again
  ];
}

describe('residents import', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await makeTestBackend();
    await t.ok(t.admin, 'residents.create', { name: '冯二', idNumber: FENG, tags: [] });
    await t.ok(t.admin, 'residents.create', { name: '陈三', gender: 'F', phone: '13500003333', tags: [] });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    t.close();
  });

  const count = (sql: string) => (t.backend.db.prepare(sql).get() as { n: number }).n;

  it('suggests the mapping from Chinese headers', () => {
    expect(suggestMapping(['姓名*', '公民身份号码（必填）', '性 别', '手机号', '所属网格', '楼号', '门牌号', '备注'])).toEqual({
      name: 0,
      idNumber: 1,
      gender: 2,
      birthDate: null,
      phone: 3,
      area: null,
      grid: 4,
      building: 5,
      unit: null,
      room: 6,
      tags: null,
    });
  });

  it('previews every row with the form rules, errors first, writing nothing', async () => {
    const before = count('SELECT count(*) n FROM residents');
    const p: ImportPreview = await t.ok(t.admin, 'residents.importPreview', { fileBase64: await xlsx(sheetRows()) });
    expect(p.sheetName).toBe('花名册');
    expect(p.headers).toEqual(HEADERS);
    expect(p.mapping).toMatchObject({ name: 1, idNumber: 2, gender: 3, birthDate: 4, phone: 5, area: 6, grid: 7, building: 8, unit: 9, room: 10, tags: 11 });
    expect(p).toMatchObject({ totalRows: 14, newRows: 3, existingRows: 2, errorRows: 9 });
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    const errorOf = (row: number) => byRow.get(row)!.errors;
    expect(byRow.get(3)).toMatchObject({ name: '张小芳', status: 'new', errors: [] });
    expect(errorOf(4)).toEqual([{ field: 'idNumber', key: 'resident.idNumber.checkDigit' }]);
    expect(errorOf(5)).toEqual([{ field: 'idNumber', key: 'resident.idNumber.birthDate' }]);
    expect(errorOf(6)).toEqual([{ field: 'phone', key: 'resident.phone.invalid' }]);
    expect(errorOf(7)).toEqual([{ field: 'name', key: 'validation.required' }]);
    expect(errorOf(8)).toEqual([{ field: 'idNumber', key: 'import.duplicateInFile', params: { row: 3 } }]);
    expect(byRow.get(9)).toMatchObject({ name: '孙八', status: 'new' });
    expect(byRow.has(10)).toBe(false);
    expect(errorOf(11)).toEqual([{ field: 'gender', key: 'import.gender.invalid', params: { value: 'x' } }]);
    expect(errorOf(12)).toEqual([{ field: 'idNumber', key: 'import.idNumber.numeric' }]);
    expect(errorOf(13)).toEqual([{ field: 'grid', key: 'import.address.incomplete' }]);
    expect(byRow.get(14)!.status).toBe('existing');
    expect(byRow.get(15)!.status).toBe('existing');
    expect(byRow.get(16)!.status).toBe('new');
    expect(errorOf(17)).toEqual([{ field: 'name', key: 'import.duplicateInFile', params: { row: 16 } }]);
    expect(p.rows.slice(0, 9).every((r) => r.status === 'error')).toBe(true);
    expect(count('SELECT count(*) n FROM residents')).toBe(before);
    expect(count('SELECT count(*) n FROM grid_nodes')).toBe(0);
  });

  it('commits only the good rows, in one go, and a second commit changes nothing (people without ID or phone too)', async () => {
    const fileBase64 = await xlsx(sheetRows());
    const p: ImportPreview = await t.ok(t.admin, 'residents.importPreview', { fileBase64 });
    const r1 = await t.ok(t.admin, 'residents.importCommit', { fileBase64, mapping: p.mapping });
    expect(r1).toEqual({ created: 3, existing: 2, skippedErrors: 9 });

    const zhang = t.backend.db.prepare('SELECT * FROM residents WHERE name = ?').get('张小芳') as Record<string, unknown>;
    expect(zhang).toMatchObject({ id_number: ZHANG, gender: 'F', birth_date: '1950-03-02', phone: '13812345678', unit: '1', room: '302', name_initials: 'zxf' });
    expect(JSON.parse(zhang.tags as string)).toEqual(['独居老人', '低保']);
    const sun = t.backend.db.prepare('SELECT * FROM residents WHERE name = ?').get('孙八') as Record<string, unknown>;
    expect(sun).toMatchObject({ gender: 'F', birth_date: '1960-03-02', phone: '13900002222', building_id: zhang.building_id });
    expect(count(`SELECT count(*) n FROM grid_nodes`)).toBe(3);
    const search = await t.ok(t.admin, 'residents.search', { q: 'zxf' });
    expect(search.rows[0]).toMatchObject({ name: '张小芳', address: '东片区 / 第1网格 / 3栋' });
    for (const name of ['李四', '王五', '赵六', '钱七', '周九', '吴十', '郑一']) {
      expect(t.backend.db.prepare('SELECT 1 FROM residents WHERE name = ?').get(name)).toBeUndefined();
    }

    const audit = t.backend.db.prepare(`SELECT detail FROM audit_log WHERE action = 'resident.import'`).all() as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ created: 3, existing: 2, skippedErrors: 9, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const residents = count('SELECT count(*) n FROM residents');
    const nodes = count('SELECT count(*) n FROM grid_nodes');
    const r2 = await t.ok(t.admin, 'residents.importCommit', { fileBase64, mapping: p.mapping });
    expect(r2).toEqual({ created: 0, existing: 5, skippedErrors: 9 });
    expect(count('SELECT count(*) n FROM residents')).toBe(residents);
    expect(count('SELECT count(*) n FROM grid_nodes')).toBe(nodes);
  });

  it('writes nothing at all when the transaction fails part-way', async () => {
    const fileBase64 = await xlsx(sheetRows());
    vi.spyOn(console, 'error').mockImplementation(() => {});
    t.backend.db.exec(`CREATE TEMP TRIGGER fail_second BEFORE INSERT ON residents WHEN NEW.name = '孙八' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const r = await t.backend.dispatch(t.admin, 'residents.importCommit', { fileBase64, mapping: suggestMapping(HEADERS) });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(count('SELECT count(*) n FROM residents')).toBe(2);
    expect(count('SELECT count(*) n FROM grid_nodes')).toBe(0);
    expect(count(`SELECT count(*) n FROM audit_log WHERE action = 'resident.import'`)).toBe(0);
  });

  it('refuses what is not an .xlsx, an empty sheet, too many rows and a bad mapping', async () => {
    const refuse = async (input: unknown, key: string, field = 'fileBase64') => {
      const r = await t.backend.dispatch(t.admin, 'residents.importPreview', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', key, field } });
    };
    await refuse({ fileBase64: Buffer.from('姓名,电话\n张三,13800000000').toString('base64') }, 'import.notXlsx');
    await refuse({ fileBase64: '!!!not base64 at all!!!' }, 'import.notXlsx');
    await refuse({ fileBase64: Buffer.from('PK\u0003\u0004 but not a zip').toString('base64') }, 'import.notXlsx');
    await refuse({ fileBase64: await xlsx([]) }, 'import.empty');
    await refuse({ fileBase64: await xlsx([['姓名', '电话']]) }, 'import.empty');
    const many = [['姓名'], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`居民${i}`])];
    await refuse({ fileBase64: await xlsx(many) }, 'import.tooManyRows');
    const mapping = { ...suggestMapping(HEADERS), phone: 40 };
    await refuse({ fileBase64: await xlsx(sheetRows()), mapping }, 'import.mapping.noSuchColumn', 'mapping.phone');
    const same = { ...suggestMapping(HEADERS), phone: 1 };
    await refuse({ fileBase64: await xlsx(sheetRows()), mapping: same }, 'import.mapping.sameColumn', 'mapping.phone');
    expect(count('SELECT count(*) n FROM residents')).toBe(2);
  });

  it('is for the office only', async () => {
    const duty = await t.loginAs('duty');
    const r = await t.backend.dispatch(duty, 'residents.importCommit', { fileBase64: await xlsx(sheetRows()), mapping: suggestMapping(HEADERS) });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
