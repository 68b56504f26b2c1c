import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../../../shared/contract';
import { makeTestBackend, type TestBackend } from '../../testSupport';

/**
 * Issue 8: text a person typed that looks like a formula or HTML goes into every Excel export as a
 * string cell — shown as typed, never run when the file is opened in Excel or WPS.
 */
const FORMULA = '=HYPERLINK("http://x","点我")';
const HOSTILE = [FORMULA, '+1+1', '-2+3', '@SUM(A1)', '<img src=x onerror=alert(1)>'];

async function cellsOf(base64: string): Promise<ExcelJS.Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c))));
  return cells;
}

describe('Excel exports keep formula-looking text as text', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await makeTestBackend({ demo: true });
    const services = await t.ok(t.admin, 'services.list', {});
    const resident = await t.ok(t.admin, 'residents.create', { name: FORMULA, gender: 'F', notes: HOSTILE.join(' '), unit: '+1+1', room: '@SUM(A1)', confirmDuplicate: true });
    for (const description of HOSTILE) {
      await t.ok(t.admin, 'requests.create', {
        mode: 'escalated',
        department: '=1+1',
        residentId: resident.id,
        serviceId: services.find((s) => s.active)!.id,
        channel: 'window',
        description,
      });
    }
  }, 60_000);
  afterAll(() => t?.close());

  it('residents.export writes the name as a string cell with exactly the text typed', async () => {
    const file = await t.ok(t.admin, 'residents.export', { q: '' });
    const cells = await cellsOf(file.base64);
    const name = cells.find((c) => c.value === FORMULA);
    expect(name, 'the formula-looking name is in the sheet as typed').toBeDefined();
    expect(name!.type).toBe(ExcelJS.ValueType.String);
    for (const text of ['+1+1', '@SUM(A1)']) expect(cells.find((c) => c.value === text)?.type, text).toBe(ExcelJS.ValueType.String);
  });

  it('requests.export writes each description as a string cell', async () => {
    const file = await t.ok(t.admin, 'requests.export', {});
    const cells = await cellsOf(file.base64);
    for (const text of HOSTILE) {
      const cell = cells.find((c) => c.value === text);
      expect(cell, text).toBeDefined();
      expect(cell!.type, text).toBe(ExcelJS.ValueType.String);
    }
  });

  it('no export holds a formula or a hyperlink cell', async () => {
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    const exports: [Method, unknown][] = [
      ['residents.export', {}],
      ['requests.export', {}],
      ['cards.export', {}],
      ['figures.export', { from: '2026-01-01', to: today }],
      ['cardReports.export', { month: today.slice(0, 7) }],
      ['duty.attendanceExport', { month: today.slice(0, 7) }],
    ];
    let checked = 0;
    for (const [method, input] of exports) {
      const r = await t.backend.dispatch(t.admin, method, input);
      expect(r.ok, `${method}: ${JSON.stringify(r.ok ? null : r.error)}`).toBe(true);
      const cells = await cellsOf((r as { value: { base64: string } }).value.base64);
      const active = cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.Hyperlink);
      expect(active.map((c) => `${method} ${c.address}`)).toEqual([]);
      checked += cells.length;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
