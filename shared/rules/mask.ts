/** Masking for display (SPEC §8): 110105********1234, 138****5678, 张*芳. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  // Landline: keep area code and the last 2 digits.
  const m = phone.match(/^(0\d{2,3})-(\d+)(.*)$/);
  if (m) return `${m[1]}-${'*'.repeat(Math.max(0, m[2]!.length - 2))}${m[2]!.slice(-2)}${m[3] ? '-**' : ''}`;
  return phone.length <= 4 ? '*'.repeat(phone.length) : `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
}

/** 张小芳 → 张*芳, 李四 → 李*, 欧阳娜娜 → 欧**娜. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
