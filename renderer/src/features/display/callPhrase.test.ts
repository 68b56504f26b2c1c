import { describe, expect, it } from 'vitest';
import { callSentence, spokenTicketNumber } from './callPhrase';

describe('the call as the hall hears it', () => {
  it('reads the letter and each digit on its own, zeros included', () => {
    expect(spokenTicketNumber('A012')).toBe('A 零 一 二');
    expect(spokenTicketNumber('b100')).toBe('B 一 零 零');
  });

  it('makes the whole sentence with the counter', () => {
    expect(callSentence('A012', 2)).toBe('请 A 零 一 二 号到 2 号窗口办理');
  });
});
