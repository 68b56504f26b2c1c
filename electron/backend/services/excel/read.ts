import type ExcelJS from 'exceljs';
import { newWorkbook } from './module';
import { fail } from '../../../../shared/contract';

/** The bytes of a base64 file; an .xlsx is a zip, so anything not starting with "PK\x03\x04" is refused early. */
export function decodeXlsx(fileBase64: string): Buffer {
  const bytes = Buffer.from(fileBase64, 'base64');
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw fail.validation('import.notXlsx', 'fileBase64');
  return bytes;
}

/** Loads an .xlsx workbook; anything else (old .xls, .csv, another zip, garbage) is a typed refusal. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw fail.validation('import.notXlsx', 'fileBase64');
  }
  if (wb.worksheets.length === 0) throw fail.validation('import.notXlsx', 'fileBase64');
  return wb;
}
