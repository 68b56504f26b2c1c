import { describe, expect, it } from 'vitest';
import { decodeCardCode, encodeCardCode, isCardCode, packPayload, PAYLOAD_PREFIX, type CardPayload } from './cardPayload';

const payload: CardPayload = {
  keyId: 3,
  centreCode: 'C001',
  cardNo: '1000000016',
  benefit: { kind: 'percent', value: 10 },
  validFrom: '2026-11-23',
  validTo: '2027-11-22',
  maskedName: '欧**娜',
};
const signature = new Uint8Array(64).map((_, i) => i);

describe('card code (QR payload)', () => {
  it('round-trips every field, and the signed bytes are exactly what was packed', () => {
    const signed = packPayload(payload);
    const code = encodeCardCode(signed, signature);
    const back = decodeCardCode(code)!;
    expect(back.payload).toEqual(payload);
    expect([...back.signed]).toEqual([...signed]);
    expect([...back.signature]).toEqual([...signature]);
    expect(decodeCardCode(encodeCardCode(packPayload({ ...payload, benefit: { kind: 'cost', value: 0 } }), signature))!.payload.benefit).toEqual({ kind: 'cost', value: 0 });
  });

  it('is small, QR-alphanumeric and keyboard-safe', () => {
    const code = encodeCardCode(packPayload(payload), signature);
    expect(code.length).toBeLessThanOrEqual(160);
    expect(code).toMatch(/^[A-Z0-9:]+$/);
    expect(isCardCode(code)).toBe(true);
    expect(isCardCode('1000000016')).toBe(false);
  });

  it('reads a code typed with Caps Lock on (lowercase)', () => {
    const code = encodeCardCode(packPayload(payload), signature);
    expect(decodeCardCode(code.toLowerCase())!.payload).toEqual(payload);
  });

  it('refuses truncated codes and garbage, but not a changed byte (that is the signature’s job)', () => {
    const code = encodeCardCode(packPayload(payload), signature);
    for (let cut = 1; cut < code.length - PAYLOAD_PREFIX.length; cut += 7) expect(decodeCardCode(code.slice(0, code.length - cut))).toBeNull();
    expect(decodeCardCode('LX1:')).toBeNull();
    expect(decodeCardCode('LX1:!!!!')).toBeNull();
    expect(decodeCardCode('hello')).toBeNull();
    expect(decodeCardCode(`${code}AAAA`)).toBeNull();
    const changed = code.slice(0, 20) + (code[20] === 'A' ? 'B' : 'A') + code.slice(21);
    const decoded = decodeCardCode(changed);
    // Still parses (or not), but never to the same signed bytes.
    if (decoded) expect([...decoded.signed]).not.toEqual([...packPayload(payload)]);
  });
});
