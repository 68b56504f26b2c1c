/**
 * Phone numbers as residents give them: a mainland mobile (11 digits starting 1[3-9]), or a landline
 * with area code (0xx-xxxxxxxx, 7–8 digit local number, optional extension). Spaces and dashes are
 * tolerated on input and removed (except the area-code dash of a landline).
 */
export function normalisePhone(raw: string): string {
  const s = raw.trim().replace(/^\+?86[\s-]?/, '');
  const mobile = s.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(mobile)) return mobile;
  // Area codes 010 and 020–029 have three digits, all others four: that settles where an
  // undashed landline (01012345678) splits.
  const land = s.replace(/\s+/g, '').match(/^(0[12]\d|0[3-9]\d{2})-?(\d{7,8})(?:-(\d{1,6}))?$/);
  if (land) return `${land[1]}-${land[2]}${land[3] ? `-${land[3]}` : ''}`;
  return s.replace(/\s+/g, '');
}

export function isValidPhone(normalised: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalised) || /^(0[12]\d|0[3-9]\d{2})-\d{7,8}(-\d{1,6})?$/.test(normalised);
}
