import type ExcelJS from 'exceljs';
import { fail } from '../../../../../shared/contract';
import { cellText, plainValue } from '../../excel/cells';

export const MAX_IMPORT_ROWS = 20_000;

export type RawCell = string | number | boolean | Date | null;

export interface SheetData {
  sheetName: string;
  headers: string[];
  /** Non-empty rows below the header: 1-based row number as Excel shows it, cells by 0-based column. */
  rows: { row: number; cells: RawCell[] }[];
}

/** The first worksheet as a table: the first non-empty row is the header, empty rows are skipped. */
export function readSheet(wb: ExcelJS.Workbook): SheetData {
  const ws = wb.worksheets[0]!;
  let headers: string[] | null = null;
  const rows: SheetData['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(plainValue(row.getCell(c).value));
    if (cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) return;
    if (!headers) {
      headers = cells.map((v) => cellText(v));
      while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
      return;
    }
    if (rows.length >= MAX_IMPORT_ROWS) throw fail.validation('import.tooManyRows', 'fileBase64', { max: MAX_IMPORT_ROWS });
    rows.push({ row: rowNumber, cells });
  });
  if (!headers || rows.length === 0) throw fail.validation('import.empty', 'fileBase64');
  return { sheetName: ws.name, headers, rows };
}
