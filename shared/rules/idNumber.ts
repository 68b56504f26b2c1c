/**
 * Resident ID numbers (居民身份证号码) per GB 11643-1999: 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

export interface IdNumberInfo {
  /** Normalised: upper-case X, no spaces. */
  idNumber: string;
  birthDate: string; // YYYY-MM-DD
  gender: 'M' | 'F';
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Checks an ID number; `today` (YYYY-MM-DD) bounds the birth date from above. */
export function parseIdNumber(
  raw: string,
  today: string,
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const id = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1880 || !isValidDate(y, m, d) || birthDate > today) return { ok: false, problem: 'birthDate' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checkDigit' };
  return { ok: true, info: { idNumber: id, birthDate, gender: Number(id[16]) % 2 === 1 ? 'M' : 'F' } };
}
