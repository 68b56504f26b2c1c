import { describe, expect, it } from 'vitest';
import { isValidPhone, normalisePhone } from './phone';

const check = (raw: string) => {
  const n = normalisePhone(raw);
  return { n, valid: isValidPhone(n) };
};

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['8613812345678', '13812345678'],
    [' 19912345678 ', '19912345678'],
  ])('accepts the mobile %j as %s', (raw, expected) => {
    expect(check(raw)).toEqual({ n: expected, valid: true });
  });

  it.each([
    ['010-12345678', '010-12345678'],
    ['0571-8765432', '0571-8765432'],
    ['0571 87654321', '0571-87654321'],
    ['021-12345678-123', '021-12345678-123'],
    ['01012345678', '010-12345678'],
    ['02787654321', '027-87654321'],
    ['057187654321', '0571-87654321'],
  ])('accepts the landline %j as %s', (raw, expected) => {
    expect(check(raw)).toEqual({ n: expected, valid: true });
  });

  it.each(['', '1381234567', '138123456789', '12812345678', '10012345678', '23812345678', '010-123456', '12345', 'abc', '138１２３４５６７８'])(
    'refuses %j',
    (raw) => {
      expect(check(raw).valid).toBe(false);
    },
  );
});
