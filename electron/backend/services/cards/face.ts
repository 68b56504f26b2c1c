import type { CardFace } from '../../../../shared/contract';
import { maskName } from '../../../../shared/rules/mask';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { writeAudit } from '../audit/audit';
import { getCentreSettings } from '../centre/settings';
import { cardCodeOf } from './cardCode';
import { getCardRow } from './cardQueries';
import { assertCardAllows } from './cardTransitions';
import { recordCardEvent, type Actor } from './issue';

/**
 * What the printed card shows, with its signed QR text. Printing is recorded (a `printed` event and
 * the audit log): a card face is as good as the card. Call inside a transaction.
 */
export function printCardFace(db: Db, secrets: SecretStore, id: string, now: number, actor: Actor, user: Pick<SessionUser, 'userId' | 'username'>): CardFace {
  const c = getCardRow(db, id);
  assertCardAllows('print', c.status);
  const face: CardFace = {
    centreName: getCentreSettings(db).centreName,
    cardNo: c.card_no,
    maskedName: maskName(c.holder_name),
    benefit: { kind: c.benefit_kind, value: c.benefit_value },
    validFrom: c.valid_from,
    validTo: c.valid_to,
    delivery: c.delivery === 1,
    qrText: cardCodeOf(db, secrets, id),
  };
  recordCardEvent(db, id, now, actor, 'printed', null);
  writeAudit(db, user, now, { action: 'card.print', targetType: 'card', targetId: id, detail: { cardNo: c.card_no } });
  return face;
}
