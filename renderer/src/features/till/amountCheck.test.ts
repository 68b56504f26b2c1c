import { describe, expect, it } from 'vitest';
import { checkAmount } from './amountCheck';
import { zhe } from './tillFormat';

const MAX = 500_000;

describe('the amount typed at the till', () => {
  it('reads yuan into fen', () => {
    expect(checkAmount('35.5', MAX)).toEqual({ ok: true, fen: 3550 });
    expect(checkAmount(' 12 ', MAX)).toEqual({ ok: true, fen: 1200 });
    expect(checkAmount('¥1,234.05', MAX)).toEqual({ ok: true, fen: 123_405 });
    expect(checkAmount('０.０１', MAX)).toEqual({ ok: true, fen: 1 });
    expect(checkAmount('３５．５', MAX)).toEqual({ ok: true, fen: 3550 });
  });

  it('names what is wrong', () => {
    expect(checkAmount('', MAX)).toEqual({ ok: false, problem: 'required' });
    expect(checkAmount('0', MAX)).toEqual({ ok: false, problem: 'zero' });
    expect(checkAmount('0.00', MAX)).toEqual({ ok: false, problem: 'zero' });
    expect(checkAmount('-5', MAX)).toEqual({ ok: false, problem: 'negative' });
    expect(checkAmount('12.345', MAX)).toEqual({ ok: false, problem: 'format' });
    expect(checkAmount('12元', MAX)).toEqual({ ok: false, problem: 'format' });
    expect(checkAmount('5000.01', MAX)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(checkAmount('5000', MAX)).toEqual({ ok: true, fen: MAX });
  });
});

describe('a percentage benefit in a shop’s words', () => {
  it('writes 折', () => {
    expect(zhe(10)).toBe('九折');
    expect(zhe(15)).toBe('八五折');
    expect(zhe(50)).toBe('五折');
    expect(zhe(95)).toBe('0.5折');
  });
});
