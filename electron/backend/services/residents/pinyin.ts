import { pinyin } from 'pinyin-pro';

/** 张小芳 → { full: 'zhangxiaofang', initials: 'zxf' }; surnames read as surnames (曾 → zeng, 单 → shan). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
