import crypto from 'node:crypto';
import { base32nopad } from '@scure/base';
import type { Benefit } from '../../../../shared/contract/cards';
import { encodeCardCode, packPayload, PAYLOAD_PREFIX, type CardPayload } from '../../../../shared/rules/cardPayload';
import type { Db } from '../../db/open';
import { refreshTillCard } from '../cards/tillCards';

/** For the till's tests: codes altered the ways a copier, a bad print or another centre would. */

/** The bytes under a card code's base32. */
export function codeBytes(code: string): Uint8Array {
  return base32nopad.decode(code.slice(PAYLOAD_PREFIX.length));
}

export function codeOf(bytes: Uint8Array): string {
  return PAYLOAD_PREFIX + base32nopad.encode(bytes);
}

/** The code with one bit flipped in the byte at `index` (negative: from the end). */
export function flipBit(code: string, index: number, bit = 0): string {
  const bytes = Uint8Array.from(codeBytes(code));
  const i = index < 0 ? bytes.length + index : index;
  bytes[i]! ^= 1 << bit;
  return codeOf(bytes);
}

/** Where the five card-number bytes start: version, key id, centre-code length, centre code. */
export function cardNumberOffset(centreCode: string): number {
  return 3 + new TextEncoder().encode(centreCode).length;
}

/** A code signed with a key nobody at this centre made. */
export function codeSignedByStranger(payload: CardPayload): string {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const signed = packPayload(payload);
  return encodeCardCode(signed, crypto.sign(null, signed, privateKey));
}

export function payload(over: Partial<CardPayload> & { cardNo: string }): CardPayload {
  const benefit: Benefit = { kind: 'percent', value: 10 };
  return { keyId: 1, centreCode: 'C001', benefit, validFrom: '2026-11-01', validTo: '2027-10-31', maskedName: '王*明', ...over };
}

/** Sets a card's status the way the centre's card calls do: the card row and its till row in one transaction. */
export function setCardStatus(db: Db, cardId: string, status: 'active' | 'suspended' | 'revoked' | 'replaced'): void {
  db.transaction(() => {
    db.prepare('UPDATE cards SET status = ? WHERE id = ?').run(status, cardId);
    refreshTillCard(db, cardId);
  })();
}

export function countRows(db: Db, table: 'purchases' | 'deliveries' | 'outbox'): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
