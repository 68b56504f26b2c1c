import type { ImportMapping } from '../../../../../shared/contract';
import { t } from '../../../i18n';

/** The label of an import field or of a row error's field (which may also be the whole row). */
export function importFieldLabel(field: keyof ImportMapping | string): string {
  const key = `importField.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

/** A, B, … Z, AA: how Excel names the column at a 0-based index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
