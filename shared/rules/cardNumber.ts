/**
 * Card numbers (SPEC §4.3): ten digits, a nine-digit serial and a Luhn check digit, so a mistyped digit
 * or two swapped neighbours are caught at the till before any lookup.
 */
export const CARD_NUMBER_LENGTH = 10;
const FIRST_SERIAL = 100_000_001;

function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function cardNumberFromSerial(serial: number): string {
  if (!Number.isInteger(serial) || serial < FIRST_SERIAL || serial > 999_999_999) throw new RangeError(`card serial out of range: ${serial}`);
  const body = String(serial);
  return body + luhnDigit(body);
}

export function firstCardSerial(): number {
  return FIRST_SERIAL;
}

export function serialOf(cardNo: string): number {
  return Number(cardNo.slice(0, CARD_NUMBER_LENGTH - 1));
}

export type CardNumberProblem = 'format' | 'checkDigit';

/** Null when the number is well formed with a right check digit. */
export function cardNumberProblem(cardNo: string): CardNumberProblem | null {
  if (!/^\d{10}$/.test(cardNo)) return 'format';
  return luhnDigit(cardNo.slice(0, 9)) === cardNo.charCodeAt(9) - 48 ? null : 'checkDigit';
}

/** 1000 0001 23 → easier to read aloud and to type. */
export function formatCardNumber(cardNo: string): string {
  return cardNo.length === 10 ? `${cardNo.slice(0, 4)} ${cardNo.slice(4, 8)} ${cardNo.slice(8)}` : cardNo;
}
