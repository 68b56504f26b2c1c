import { describe, expect, it } from 'vitest';
import { dateCell, genderCell, idNumberCell, tagsCell } from './importCells';

describe('import cells', () => {
  it('reads birth dates in the shapes spreadsheets hold them', () => {
    for (const v of [new Date(Date.UTC(1950, 2, 2)), 18324, 19500302, '1950-03-02', '1950/3/2', '1950.3.2', '1950年3月2日', '19500302']) {
      expect(dateCell(v)).toEqual({ ok: true, value: '1950-03-02' });
    }
    expect(dateCell(null)).toEqual({ ok: true, value: undefined });
    expect(dateCell('')).toEqual({ ok: true, value: undefined });
    for (const v of ['1950-02-30', '三月二日', 19501302, -5, '1950-3']) {
      expect(dateCell(v)).toMatchObject({ ok: false, key: 'resident.birthDate.invalid' });
    }
  });

  it('reads gender as the desk writes it', () => {
    expect(genderCell('男')).toEqual({ ok: true, value: 'M' });
    expect(genderCell('女性')).toEqual({ ok: true, value: 'F' });
    expect(genderCell('F')).toEqual({ ok: true, value: 'F' });
    expect(genderCell('')).toEqual({ ok: true, value: undefined });
    expect(genderCell('未知')).toEqual({ ok: false, key: 'import.gender.invalid', params: { value: '未知' } });
  });

  it('spots an ID number Excel has turned into a number', () => {
    expect(idNumberCell(Number('110105195003021234'), '110105195003021000')).toEqual({ ok: false, key: 'import.idNumber.numeric' });
    expect(idNumberCell('11010519500302123X', '11010519500302123X')).toEqual({ ok: true, value: '11010519500302123X' });
  });

  it('splits tags on the usual separators', () => {
    expect(tagsCell('独居老人、低保，党员 残疾/退役军人')).toEqual(['独居老人', '低保', '党员', '残疾', '退役军人']);
    expect(tagsCell('')).toEqual([]);
  });
});
