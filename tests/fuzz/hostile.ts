/** Values nobody should send: wrong types, sizes, numbers and text that looks like code. */

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

const MB = 1024 * 1024;

/** Built once: the big ones are shared by reference, so a long run does not allocate them again. */
export const HOSTILE: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  2 ** 31,
  -(2 ** 31) - 1,
  [],
  [1, 'a', null],
  {},
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}'),
  new Array(10_000).fill('x'),
  '',
  ' ',
  '   \t\n ',
  'x'.repeat(MB),
  '连'.repeat(MB / 2),
  '\uD800',
  '\uDFFF\uD800',
  'a\u0000b',
  '\u0000',
  '\u202Eevil\u202C',
  '\uFEFF零宽\u200B',
  "'; DROP TABLE residents;--",
  "' OR '1'='1",
  '" OR ""="',
  '1; DELETE FROM users',
  '%_%',
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '=HYPERLINK("http://x","点我")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '9999-99-99',
  '2026-02-30',
  '0000-01-01',
  '25:61',
  '1e3',
  'NaN',
  'true',
  'null',
  '{}',
  'data:;base64,####',
  nested(10_000, 'deep', false),
  nested(10_000, 1, true),
];

/** The text among them: a field that holds text gets these more often (near misses hide bugs best). */
export const HOSTILE_TEXT: readonly string[] = HOSTILE.filter((v): v is string => typeof v === 'string');
