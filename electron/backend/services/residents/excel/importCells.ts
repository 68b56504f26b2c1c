import { isValidDate } from '../../../../../shared/rules/idNumber';
import { dateCellToIso, excelSerialToIsoDate } from '../../excel/cells';
import type { RawCell } from './importSheet';

export type CellResult<T> = { ok: true; value: T } | { ok: false; key: string; params?: Record<string, string | number> };

const GENDERS: Record<string, 'M' | 'F'> = { 男: 'M', 男性: 'M', m: 'M', male: 'M', 女: 'F', 女性: 'F', f: 'F', female: 'F' };

export function genderCell(text: string): CellResult<'M' | 'F' | undefined> {
  if (text === '') return { ok: true, value: undefined };
  const g = GENDERS[text.toLowerCase()];
  return g ? { ok: true, value: g } : { ok: false, key: 'import.gender.invalid', params: { value: text.slice(0, 20) } };
}

function isoFromParts(y: number, m: number, d: number): string | null {
  if (!isValidDate(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A birth date as spreadsheets hold it: a date cell, an Excel serial, 19500302, or text 1950-03-02 / 1950/3/2 / 1950.3.2 / 1950年3月2日. */
export function dateCell(v: RawCell): CellResult<string | undefined> {
  const bad = { ok: false as const, key: 'resident.birthDate.invalid' };
  if (v === null) return { ok: true, value: undefined };
  if (v instanceof Date) {
    const iso = dateCellToIso(v);
    return iso ? { ok: true, value: iso } : bad;
  }
  if (typeof v === 'number') {
    const iso = v >= 10_000_000 && v <= 99_999_999 && Number.isInteger(v)
      ? isoFromParts(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100)
      : excelSerialToIsoDate(v);
    return iso ? { ok: true, value: iso } : bad;
  }
  const s = String(v).trim();
  if (s === '') return { ok: true, value: undefined };
  const m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  const iso = m ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return iso ? { ok: true, value: iso } : bad;
}

/**
 * An ID number typed into a cell formatted as a number keeps only 15 significant digits: its last
 * digits are already lost, and only re-typing it as text helps — say so rather than "wrong check digit".
 */
export function idNumberCell(v: RawCell, text: string): CellResult<string | undefined> {
  if (typeof v === 'number' && v >= 1e15) return { ok: false, key: 'import.idNumber.numeric' };
  return { ok: true, value: text === '' ? undefined : text };
}

/** 独居老人、低保 / 独居老人,低保 / 独居老人 低保 → two tags. */
export function tagsCell(text: string): string[] {
  return text.split(/[,，、;；/|\s]+/).map((t) => t.trim()).filter(Boolean);
}
