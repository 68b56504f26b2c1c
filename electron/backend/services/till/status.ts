import type { Db } from '../../db/open';
import type { TillStatus } from '../../../../shared/contract/till';
import { getCardRules } from '../cards/rules';
import { tillIdentity } from './identity';

/** What the till's header shows: whose till, how fresh its package, and what is still to be sent to the centre. */
export function tillStatus(db: Db, userPartnerId: string | null): TillStatus {
  const id = tillIdentity(db);
  const cards = db
    .prepare(`SELECT count(*) AS known, COALESCE(SUM(status != 'active'), 0) AS refused FROM till_cards`)
    .get() as { known: number; refused: number };
  const partnerId = userPartnerId ?? id.partnerId;
  const unexported =
    id.mode === 'partner' && partnerId
      ? (db.prepare('SELECT count(*) AS n FROM purchases WHERE partner_id = ? AND exported_at IS NULL').get(partnerId) as { n: number }).n
      : 0;
  const rules = getCardRules(db);
  return {
    mode: id.mode,
    partnerName: id.partnerName,
    centreName: id.centreName,
    centreCode: id.centreCode,
    packageIssuedAt: id.packageIssuedAt,
    cardsKnown: cards.known,
    refusedCards: cards.refused,
    unexportedPurchases: unexported,
    voidWindowMinutes: rules.voidWindowMinutes,
    maxPurchaseFen: rules.maxPurchaseFen,
  };
}
