import { base32nopad } from '@scure/base';
import type { Benefit } from '../contract/cards';

/**
 * The signed card code (SPEC §4.4), compact so that a cheap scanner reads the QR and types it:
 *
 *   "LX1:" + base32 (RFC 4648, no padding) of
 *   version(1) | keyId(1) | centreCodeLength(1) centreCode(ASCII) | cardNo(5, big-endian integer)
 *   | benefitKind(1: 1 percent, 2 cost) benefitValue(1) | validFrom(2) validTo(2) (days since 2000-01-01)
 *   | maskedNameLength(1) maskedName(UTF-8) | Ed25519 signature(64) over everything before it.
 *
 * Base32 keeps to A–Z and 2–7, which are QR alphanumeric characters (a smaller code) and keys every
 * scanner layout types; decoding ignores case (a scanner with Caps Lock on types lowercase). The
 * masked name is about 90 bytes in all → about 150 characters → a version-7 QR at level M.
 * Signing and checking live in the backend (node:crypto); this file only packs and unpacks.
 */
export const PAYLOAD_PREFIX = 'LX1:';
const VERSION = 1;
const SIGNATURE_LENGTH = 64;
const DAY_MS = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1);

export interface CardPayload {
  keyId: number;
  centreCode: string;
  cardNo: string;
  benefit: Benefit;
  validFrom: string;
  validTo: string;
  maskedName: string;
}

export interface SignedPayload {
  payload: CardPayload;
  /** The bytes the signature covers. */
  signed: Uint8Array;
  signature: Uint8Array;
}

function dayNumber(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - EPOCH_2000) / DAY_MS);
}

function isoOfDay(n: number): string {
  return new Date(EPOCH_2000 + n * DAY_MS).toISOString().slice(0, 10);
}

/** The bytes to sign. */
export function packPayload(p: CardPayload): Uint8Array {
  const centre = new TextEncoder().encode(p.centreCode);
  const name = new TextEncoder().encode(p.maskedName);
  if (centre.length > 20 || name.length > 60) throw new RangeError('centre code or masked name too long for a card code');
  const out = new Uint8Array(3 + centre.length + 5 + 2 + 4 + 1 + name.length);
  const view = new DataView(out.buffer);
  let i = 0;
  out[i++] = VERSION;
  out[i++] = p.keyId;
  out[i++] = centre.length;
  out.set(centre, i);
  i += centre.length;
  const n = Number(p.cardNo);
  view.setUint8(i, Math.floor(n / 2 ** 32));
  view.setUint32(i + 1, n % 2 ** 32);
  i += 5;
  out[i++] = p.benefit.kind === 'percent' ? 1 : 2;
  out[i++] = p.benefit.value;
  view.setUint16(i, dayNumber(p.validFrom));
  view.setUint16(i + 2, dayNumber(p.validTo));
  i += 4;
  out[i++] = name.length;
  out.set(name, i);
  return out;
}

export function encodeCardCode(signed: Uint8Array, signature: Uint8Array): string {
  const all = new Uint8Array(signed.length + signature.length);
  all.set(signed);
  all.set(signature, signed.length);
  return PAYLOAD_PREFIX + base32nopad.encode(all);
}

/** Looks like a card code (and not a typed card number)? */
export function isCardCode(text: string): boolean {
  return text.trim().toUpperCase().startsWith(PAYLOAD_PREFIX);
}

/** Null when the text is not a whole, well-formed card code (truncated, wrong version, garbage). */
export function decodeCardCode(text: string): SignedPayload | null {
  const t = text.trim().toUpperCase();
  if (!t.startsWith(PAYLOAD_PREFIX)) return null;
  let bytes: Uint8Array;
  try {
    bytes = base32nopad.decode(t.slice(PAYLOAD_PREFIX.length));
  } catch {
    return null;
  }
  if (bytes.length < 3 + 5 + 2 + 4 + 1 + SIGNATURE_LENGTH || bytes[0] !== VERSION) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    let i = 1;
    const keyId = bytes[i++]!;
    const centreLength = bytes[i++]!;
    const centreCode = decoder.decode(bytes.subarray(i, i + centreLength));
    i += centreLength;
    const cardNumber = view.getUint8(i) * 2 ** 32 + view.getUint32(i + 1);
    i += 5;
    const kind = bytes[i++];
    const value = bytes[i++]!;
    const validFrom = isoOfDay(view.getUint16(i));
    const validTo = isoOfDay(view.getUint16(i + 2));
    i += 4;
    const nameLength = bytes[i++]!;
    const maskedName = decoder.decode(bytes.subarray(i, i + nameLength));
    i += nameLength;
    if (bytes.length !== i + SIGNATURE_LENGTH) return null;
    if (kind !== 1 && kind !== 2) return null;
    const cardNo = String(cardNumber).padStart(10, '0');
    return {
      payload: { keyId, centreCode, cardNo, benefit: { kind: kind === 1 ? 'percent' : 'cost', value }, validFrom, validTo, maskedName },
      signed: bytes.subarray(0, i),
      signature: bytes.subarray(i),
    };
  } catch {
    return null;
  }
}
