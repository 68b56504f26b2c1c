import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { encodeCardCode, packPayload } from '../../../../shared/rules/cardPayload';
import { getCentreSettings } from '../centre/settings';
import { sign } from './keys';

/**
 * The signed text a card's QR code carries (SPEC §4.4). Ed25519 signatures are deterministic, so the
 * same card prints the same code every time; a renewal (new validity) gives a new code.
 */
export function cardCodeOf(db: Db, secrets: SecretStore, cardId: string): string {
  const c = db
    .prepare(
      `SELECT c.card_no, c.key_id, c.benefit_kind, c.benefit_value, c.valid_from, c.valid_to, t.masked_name
         FROM cards c JOIN till_cards t ON t.card_no = c.card_no WHERE c.id = ?`,
    )
    .get(cardId) as
    | { card_no: string; key_id: number; benefit_kind: 'percent' | 'cost'; benefit_value: number; valid_from: string; valid_to: string; masked_name: string }
    | undefined;
  if (!c) throw new Error(`card ${cardId} not found`);
  const signed = packPayload({
    keyId: c.key_id,
    centreCode: getCentreSettings(db).centreCode,
    cardNo: c.card_no,
    benefit: { kind: c.benefit_kind, value: c.benefit_value },
    validFrom: c.valid_from,
    validTo: c.valid_to,
    maskedName: c.masked_name,
  });
  return encodeCardCode(signed, sign(secrets, c.key_id, signed));
}
