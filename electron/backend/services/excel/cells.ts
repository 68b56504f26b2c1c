import type { CellValue } from 'exceljs';

/** A cell's value with formulas, rich text and hyperlinks reduced to what the cell shows. */
export function plainValue(v: CellValue): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return plainValue(v.text as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : plainValue(v.result as CellValue);
  if ('error' in v) return null;
  return null;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, and it counts a 29 Feb 1900 that never was. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  const days = whole < 60 ? whole : whole - 1;
  return new Date(Date.UTC(1899, 11, 31) + days * 86_400_000).toISOString().slice(0, 10);
}

/** exceljs turns date-formatted cells into Dates at UTC midnight of the calendar day shown. */
export function dateCellToIso(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** A cell as text: numbers without float noise or exponent where they are whole, dates as YYYY-MM-DD. */
export function cellText(v: CellValue): string {
  const p = plainValue(v);
  if (p === null) return '';
  if (p instanceof Date) return dateCellToIso(p) ?? '';
  if (typeof p === 'number') return Number.isSafeInteger(p) ? p.toFixed(0) : String(p);
  if (typeof p === 'boolean') return p ? 'TRUE' : 'FALSE';
  return p.trim();
}
