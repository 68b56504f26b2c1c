import { fail, IMPORT_FIELDS, type ImportMapping } from '../../../../../shared/contract';

/** Column titles seen in civil-affairs and community spreadsheets, most specific first. */
const ALIASES: Record<keyof ImportMapping, string[]> = {
  name: ['姓名', '居民姓名', '户籍人员姓名', '名字'],
  idNumber: ['公民身份号码', '身份证号码', '身份证号', '身份证', '证件号码', '证件号'],
  gender: ['性别'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日'],
  phone: ['手机号码', '手机号', '联系电话', '联系方式', '手机', '电话'],
  area: ['片区', '所属片区'],
  grid: ['网格', '所属网格', '网格名称'],
  building: ['楼栋', '楼号', '楼栋号', '栋号'],
  unit: ['单元', '单元号'],
  room: ['房号', '门牌号', '房间号', '室号', '户号'],
  tags: ['标签', '人员类别', '人员类型', '人员标签', '类别'],
};

/** 「身份证号码（必填）*」 → 「身份证号码」 */
function normaliseHeader(h: string): string {
  return h
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '');
}

/** Guesses which column holds what: exact titles first, then titles that contain a known one. */
export function suggestMapping(headers: string[]): ImportMapping {
  const norm = headers.map(normaliseHeader);
  const used = new Set<number>();
  const found: Partial<Record<keyof ImportMapping, number>> = {};
  const pass = (match: (header: string, alias: string) => boolean) => {
    for (const field of IMPORT_FIELDS) {
      if (found[field] !== undefined) continue;
      for (const alias of ALIASES[field]) {
        const col = norm.findIndex((h, i) => !used.has(i) && h !== '' && match(h, alias));
        if (col >= 0) {
          found[field] = col;
          used.add(col);
          break;
        }
      }
    }
  };
  pass((h, a) => h === a);
  pass((h, a) => h.includes(a));
  const m = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, found[f] ?? null])) as Record<keyof ImportMapping, number | null>;
  // The name column is required by the schema; without a match the first column is offered for the user to change.
  return { ...m, name: m.name ?? 0 };
}

/** A mapping chosen by the user must point at real, distinct columns. */
export function assertMapping(mapping: ImportMapping, columnCount: number): void {
  const seen = new Map<number, string>();
  for (const field of IMPORT_FIELDS) {
    const col = mapping[field];
    if (col === null) continue;
    if (col >= columnCount) throw fail.validation('import.mapping.noSuchColumn', `mapping.${field}`, { column: col + 1 });
    if (seen.has(col)) throw fail.validation('import.mapping.sameColumn', `mapping.${field}`, { column: col + 1 });
    seen.set(col, field);
  }
}
