import type { Db } from '../../db/open';
import type { Refusal, Verdict } from '../../../../shared/contract/till';
import type { Benefit } from '../../../../shared/contract/cards';
import { decodeCardCode, isCardCode } from '../../../../shared/rules/cardPayload';
import { cardNumberProblem } from '../../../../shared/rules/cardNumber';
import { shanghaiDate } from '../../../../shared/rules/time';
import { newId } from '../../db/ids';
import { verifySignature } from '../cards/keys';
import { tillIdentity } from './identity';
import { tillStatements, type TillCardRow } from './tillCardRow';

/**
 * One verification for the till's check (till.verify) and, again inside the transaction, for each
 * purchase (SPEC §4.6). A QR code is trusted only after its centre, key and signature check out; then
 * the card's row in `till_cards` is the truth for status, benefit, cap and validity (so a renewed
 * card's old QR still works and a revoked card is refused whatever its QR says). Reads only.
 */

const STATUS_REFUSAL: Record<TillCardRow['status'], Refusal | null> = {
  active: null,
  suspended: 'suspended',
  revoked: 'revoked',
  replaced: 'replaced',
};

/** The card as the till sees it after verification (refused or not). */
interface SeenCard {
  cardNo: string;
  maskedName: string;
  benefit: Benefit;
  monthlyCapFen: number | null;
  delivery: boolean;
  validFrom: string;
  validTo: string;
  status: TillCardRow['status'];
  usedMonth: string | null;
  usedElsewhereFen: number;
}

const NOTHING: Omit<Verdict, 'ok' | 'reason'> = {
  cardNo: null,
  maskedName: null,
  benefit: null,
  monthlyCapFen: null,
  capLeftFen: null,
  delivery: false,
  validTo: null,
  purchaseId: null,
};

const refuse = (reason: Refusal, known: Partial<Verdict> = {}): Verdict => ({ ...NOTHING, ...known, ok: false, reason });

function fromRow(r: TillCardRow): SeenCard {
  return {
    cardNo: r.card_no,
    maskedName: r.masked_name,
    benefit: { kind: r.benefit_kind, value: r.benefit_value },
    monthlyCapFen: r.monthly_cap_fen,
    delivery: r.delivery === 1,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    usedMonth: r.used_month,
    usedElsewhereFen: r.used_elsewhere_fen,
  };
}

/** What is left of the card's cap this month: what other tills spent (as of the package) and this till's own purchases. */
function capLeftOf(db: Db, card: SeenCard, month: string): number | null {
  if (card.monthlyCapFen === null) return null;
  const elsewhere = card.usedMonth === month ? card.usedElsewhereFen : 0;
  const { used } = tillStatements(db).usedLocally.get(card.cardNo, month)!;
  return Math.max(0, card.monthlyCapFen - elsewhere - used);
}

/** Status, validity and cap of a card whose identity is established. */
function judge(db: Db, card: SeenCard, now: number, withPurchaseId: boolean): Verdict {
  const today = shanghaiDate(now);
  const capLeftFen = capLeftOf(db, card, today.slice(0, 7));
  const seen = {
    cardNo: card.cardNo,
    maskedName: card.maskedName,
    benefit: card.benefit,
    monthlyCapFen: card.monthlyCapFen,
    capLeftFen,
    delivery: card.delivery,
    validTo: card.validTo,
  };
  const statusRefusal = STATUS_REFUSAL[card.status];
  if (statusRefusal) return refuse(statusRefusal, seen);
  if (tillStatements(db).countyRevoked.get(card.cardNo)) return refuse('countyRevoked', seen);
  if (today < card.validFrom) return refuse('notYetValid', seen);
  if (today > card.validTo) return refuse('expired', seen);
  if (capLeftFen === 0) return refuse('capReached', seen);
  return { ...seen, ok: true, reason: null, purchaseId: withPurchaseId ? newId() : null };
}

function verifyQr(db: Db, code: string, now: number, withPurchaseId: boolean): Verdict {
  const decoded = decodeCardCode(code);
  if (!decoded) return refuse('unreadable');
  const { payload, signed, signature } = decoded;
  const identity = tillIdentity(db);
  if (payload.centreCode !== identity.centreCode) return refuse('wrongCentre');
  const key = tillStatements(db).key.get(payload.centreCode, payload.keyId);
  if (!key) return refuse('unknownKey');
  if (!verifySignature(key.public_key, signed, signature)) return refuse('forged');

  const row = tillStatements(db).card.get(payload.cardNo);
  if (row) return judge(db, fromRow(row), now, withPurchaseId);
  // Signed by our centre but not in the card table: at the centre nobody issued it (e.g. a test card
  // from a wiped database); on a partner's till it is a card issued after the last package — good on
  // the strength of its signature, with no cap and no delivery known here.
  if (identity.mode === 'centre') return refuse('unknown', { cardNo: payload.cardNo, maskedName: payload.maskedName });
  return judge(
    db,
    {
      cardNo: payload.cardNo,
      maskedName: payload.maskedName,
      benefit: payload.benefit,
      monthlyCapFen: null,
      delivery: false,
      validFrom: payload.validFrom,
      validTo: payload.validTo,
      status: 'active',
      usedMonth: null,
      usedElsewhereFen: 0,
    },
    now,
    withPurchaseId,
  );
}

function verifyNumber(db: Db, typed: string, now: number, withPurchaseId: boolean): Verdict {
  // People type numbers as printed on the card: 1000 0001 23.
  const cardNo = typed.replace(/[\s-]/g, '');
  const problem = cardNumberProblem(cardNo);
  if (problem === 'format') return refuse('unreadable');
  if (problem === 'checkDigit') return refuse('badCheckDigit');
  const row = tillStatements(db).card.get(cardNo);
  if (!row) return refuse('unknown', { cardNo });
  return judge(db, fromRow(row), now, withPurchaseId);
}

/** A scanned QR (`LX1:…`) or a typed card number → the verdict. Writes nothing. */
export function verifyCode(db: Db, code: string, now: number, opts: { withPurchaseId: boolean } = { withPurchaseId: true }): Verdict {
  return isCardCode(code) ? verifyQr(db, code, now, opts.withPurchaseId) : verifyNumber(db, code.trim(), now, opts.withPurchaseId);
}
