import { describe, expect, it } from 'vitest';
import { cardNumberFromSerial, cardNumberProblem, formatCardNumber, serialOf } from './cardNumber';

describe('card number check digit (Luhn)', () => {
  it('makes numbers that check, and reads their serial back', () => {
    const no = cardNumberFromSerial(100_000_001);
    expect(no).toBe('1000000016');
    expect(cardNumberProblem(no)).toBeNull();
    expect(serialOf(no)).toBe(100_000_001);
    for (let s = 100_000_001; s < 100_000_200; s++) expect(cardNumberProblem(cardNumberFromSerial(s))).toBeNull();
  });

  it('catches every single wrong digit', () => {
    const no = cardNumberFromSerial(123_456_789);
    for (let i = 0; i < 10; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === no[i]) continue;
        const typo = no.slice(0, i) + d + no.slice(i + 1);
        expect(cardNumberProblem(typo), typo).toBe('checkDigit');
      }
    }
  });

  it('catches two neighbours swapped (except 0↔9, Luhn’s one blind spot)', () => {
    const no = cardNumberFromSerial(123_456_789);
    for (let i = 0; i < 9; i++) {
      const a = no[i]!;
      const b = no[i + 1]!;
      if (a === b || (a + b === '09' || a + b === '90')) continue;
      const swapped = no.slice(0, i) + b + a + no.slice(i + 2);
      expect(cardNumberProblem(swapped), swapped).toBe('checkDigit');
    }
  });

  it('says when it is not a card number at all', () => {
    for (const bad of ['', '123', '10000000160', 'abcdefghij', '1000 0000 16']) expect(cardNumberProblem(bad)).toBe('format');
    expect(() => cardNumberFromSerial(99)).toThrow(RangeError);
  });

  it('groups the digits for reading aloud', () => {
    expect(formatCardNumber('1000000016')).toBe('1000 0000 16');
  });
});
