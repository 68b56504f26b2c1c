import { expect, type Download } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idCheckChar } from '../../shared/rules/idNumber';

/** A valid ID number for the first 17 characters (area, birth date, sequence). */
export function validId(first17: string): string {
  return first17 + idCheckChar(first17);
}

/** The same ID number with a check character that does not fit. */
export function wrongCheckDigit(first17: string): string {
  const good = idCheckChar(first17);
  return first17 + (good === '1' ? '2' : '1');
}

/** Writes a one-sheet .xlsx (all cells as text, as the civil-affairs sheets keep ID numbers) to a temp file. */
export async function writeXlsx(name: string, headers: string[], rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-xlsx-'));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The downloaded .xlsx, checked to be a zip (PK) and read. */
export async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}
