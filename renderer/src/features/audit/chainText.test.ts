import { describe, expect, it } from 'vitest';
import { chainVerdict } from './chainText';

describe('audit chain words', () => {
  it('says a whole log is whole, with its size', () => {
    expect(chainVerdict({ ok: true, checked: 51_333, firstBad: null, missingAtEnd: 0 })).toEqual({ ok: true, title: '审计日志完整：共 51333 条，未发现改动' });
  });

  it('names the first row that does not fit by number, Shanghai time and action in words', () => {
    const v = chainVerdict({ ok: false, checked: 5, firstBad: { seq: 6, at: Date.UTC(2026, 11, 4, 9, 5, 7), action: 'resident.revealIdNumber' }, missingAtEnd: 0 });
    expect(v.ok).toBe(false);
    expect(v.title).toBe('审计日志被改动过：第 6 条（2026年12月4日 17:05:07，查看完整身份证号）起的记录对不上');
    expect(v.description).toContain('在它之前的 5 条完整');
  });

  it('tells a deleted tail apart', () => {
    const v = chainVerdict({ ok: false, checked: 40, firstBad: null, missingAtEnd: 2 });
    expect(v.title).toBe('审计日志被改动过：最后 2 条记录被删除了');
    expect(v.description).toContain('现存的 40 条完整');
  });
});
