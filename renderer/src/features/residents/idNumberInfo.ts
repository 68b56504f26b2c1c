import { parseIdNumber, type IdNumberInfo } from '../../../../shared/rules/idNumber';
import { shanghaiDate } from '../../../../shared/rules/time';

/** The birth date and gender an ID number carries, or null while it is empty, incomplete or wrong. */
export function idNumberInfo(raw: string | undefined): IdNumberInfo | null {
  if (!raw || raw.replace(/\s+/g, '').length !== 18) return null;
  const r = parseIdNumber(raw, shanghaiDate(Date.now()));
  return r.ok ? r.info : null;
}

/** The message key for what is wrong with an ID number, or null when it is empty or valid. */
export function idNumberProblemKey(raw: string | undefined): string | null {
  if (!raw || !raw.trim()) return null;
  const r = parseIdNumber(raw, shanghaiDate(Date.now()));
  return r.ok ? null : `resident.idNumber.${r.problem}`;
}
