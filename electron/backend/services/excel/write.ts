import type ExcelJS from 'exceljs';

export interface TableColumn<T> {
  header: string;
  /** Width in characters (a CJK character counts about 2). */
  width: number;
  value(row: T): string | number | Date | null;
  /** Excel number format, e.g. 'yyyy-mm-dd' for dates. */
  numFmt?: string;
}

/** A plain table sheet: bold header row, frozen so it stays in view, widths set, an auto-filter. */
export function addTableSheet<T>(wb: ExcelJS.Workbook, name: string, columns: TableColumn<T>[], rows: readonly T[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  if (columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

export async function workbookToBase64(wb: ExcelJS.Workbook): Promise<string> {
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer).toString('base64');
}

/** A calendar date as an Excel date cell (exceljs writes Dates as UTC). */
export function isoDateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}
