import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidDate, normaliseIdNumber, parseIdNumber } from './idNumber';

const TODAY = '2026-11-23';

describe('idCheckChar (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of known numbers', () => {
    expect(idCheckChar('11010519491231002')).toBe('X'); // the standard's own example
    expect(idCheckChar('44030419900101001')).toBe('1');
    expect(idCheckChar('32010619851215007')).toBe('5');
    expect(idCheckChar('51010720000229003')).toBe('7');
  });
});

describe('parseIdNumber', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'F'],
    ['440304199001010011', '1990-01-01', 'M'],
    ['320106198512150075', '1985-12-15', 'M'],
    ['510107200002290037', '2000-02-29', 'M'], // leap day
    ['33010219780630123X', '1978-06-30', 'M'],
    ['44030419900101002X', '1990-01-01', 'F'],
  ])('accepts %s (born %s, gender %s)', (id, birthDate, gender) => {
    expect(parseIdNumber(id, TODAY)).toEqual({ ok: true, info: { idNumber: id, birthDate, gender } });
  });

  it('takes the gender from the 17th digit: odd is male, even is female', () => {
    for (let seq = 0; seq <= 9; seq++) {
      const first17 = `4403041990010100${seq}`;
      const r = parseIdNumber(first17 + idCheckChar(first17), TODAY);
      expect(r.ok && r.info.gender).toBe(seq % 2 === 1 ? 'M' : 'F');
    }
  });

  it('normalises a lower-case x and spaces', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    const r = parseIdNumber('11010519491231002x', TODAY);
    expect(r).toEqual({ ok: true, info: { idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'F' } });
  });

  it('refuses a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checkDigit' });
    expect(parseIdNumber('440304199001010012', TODAY)).toEqual({ ok: false, problem: 'checkDigit' });
    expect(parseIdNumber('44030419900101001X', TODAY)).toEqual({ ok: false, problem: 'checkDigit' });
  });

  it('refuses birth dates that do not exist, even with a correct check digit', () => {
    expect(parseIdNumber('11010519900230001X', TODAY)).toEqual({ ok: false, problem: 'birthDate' }); // 30 February
    expect(parseIdNumber('110105199013010018', TODAY)).toEqual({ ok: false, problem: 'birthDate' }); // month 13
    expect(parseIdNumber('110105187901010018', TODAY)).toEqual({ ok: false, problem: 'birthDate' }); // before 1880
  });

  it('refuses a birth date in the future', () => {
    expect(parseIdNumber('110105202701010016', TODAY)).toEqual({ ok: false, problem: 'birthDate' });
    const born = '11010520261123001';
    expect(parseIdNumber(born + idCheckChar(born), TODAY).ok).toBe(true); // born today is fine
  });

  it.each(['', '11010519491231002', '11010519491231002XX', '1101051949123100X2', '11010519491231002Y', 'abcdefghijklmnopqr', '１１０１０５１９４９１２３１００２Ｘ'])(
    'refuses the malformed %j',
    (id) => {
      expect(parseIdNumber(id, TODAY)).toEqual({ ok: false, problem: 'format' });
    },
  );
});

describe('isValidDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2025, 2, 29)).toBe(false);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2025, 4, 31)).toBe(false);
    expect(isValidDate(2025, 0, 1)).toBe(false);
  });
});
