import type ExcelJS from 'exceljs';

type ExcelModule = typeof ExcelJS;
let loading: Promise<ExcelModule> | null = null;

/** exceljs takes most of a second to load, so it is loaded on the first import or export, not at start-up. */
export function loadExcel(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelModule }).default ?? (m as unknown as ExcelModule)));
  return loading;
}

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const excel = await loadExcel();
  return new excel.Workbook();
}
