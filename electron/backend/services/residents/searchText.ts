/**
 * What the full-text index of residents holds besides the name (SQLite FTS5 with the trigram
 * tokenizer, which finds any fragment of three characters or more).
 *
 * Chinese names are two or three characters long and the desk often types one or two, too short
 * for trigrams. So each character is also stored as `c||` and each pair as `ab|`: a one-character
 * query `c` becomes the trigram `c||`, a two-character query `ab` becomes `ab|`, and neither can
 * match across entries.
 */
export function nameGrams(name: string): string {
  const chars = Array.from(name.replace(/\|/g, ''));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    out.push(`${chars[i]}||`);
    if (i + 1 < chars.length) out.push(`${chars[i]}${chars[i + 1]}|`);
  }
  return out.join('');
}

/** The query for `nameGrams` of a one- or two-character fragment. */
export function gramQuery(fragment: string): string {
  return Array.from(fragment).length === 1 ? `${fragment}||` : `${fragment}|`;
}

/** Phone digits (without the landline dash) and the ID number, for fragment search. */
export function searchDigits(phone: string | null, idNumber: string | null): string {
  return [phone?.replace(/\D/g, ''), idNumber].filter(Boolean).join(' ');
}
