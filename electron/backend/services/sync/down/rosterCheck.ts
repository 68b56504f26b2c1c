import { fail, type RosterCheck } from '../../../../../shared/contract';
import { shanghaiDate } from '../../../../../shared/rules/time';
import type { Db } from '../../../db/open';
import type { SecretStore } from '../../../secrets/secretStore';
import { ID_HASH_KEY_SECRET } from '../config';
import { idNumberHash } from '../signing';

/** LX20260001 → LX****0001: enough to tell cards apart on the phone with the other centre. */
export function maskCardNo(cardNo: string): string {
  if (cardNo.length <= 6) return `${cardNo.slice(0, 1)}****`;
  return `${cardNo.slice(0, 2)}****${cardNo.slice(-4)}`;
}

/**
 * What the county's lists say about a household, for the desk reviewing a card application: whether
 * it is on the minimum-allowance roster today, and cards its members hold in other centres. Only
 * keyed hashes of the members' ID numbers are compared; the numbers never leave this machine.
 * rosterKnown is false until the roster has been pulled at least once (and while the county's key is
 * unknown), so the screen can say "not known yet" instead of "not on the roster".
 */
export function rosterCheck(db: Db, secrets: SecretStore, householdId: string, now: number): RosterCheck {
  const household = db.prepare(`SELECT head_resident_id FROM households WHERE id = ?`).get(householdId) as { head_resident_id: string } | undefined;
  if (!household) throw fail.notFound('household.notFound');
  const key = secrets.get(ID_HASH_KEY_SECRET)?.toString('utf8') ?? '';
  const pulled = db.prepare(`SELECT 1 FROM sync_cursors WHERE stream = 'roster'`).get() !== undefined;
  if (!key || !pulled) return { rosterKnown: false, onRoster: null, otherCards: [] };

  const idNumbers = db
    .prepare(
      `SELECT r.id_number FROM residents r
        WHERE r.id_number IS NOT NULL AND r.voided_at IS NULL
          AND (r.id = ? OR r.id IN (SELECT resident_id FROM household_members WHERE household_id = ?)
               OR r.id IN (SELECT holder_resident_id FROM cards WHERE household_id = ?))`,
    )
    .pluck()
    .all(household.head_resident_id, householdId, householdId) as string[];
  const hashes = [...new Set(idNumbers.map((n) => idNumberHash(key, n)))];
  if (hashes.length === 0) return { rosterKnown: true, onRoster: null, otherCards: [] };

  const marks = hashes.map(() => '?').join(', ');
  const today = shanghaiDate(now);
  const roster = db
    .prepare(
      `SELECT household_size, valid_from, valid_to FROM county_roster
        WHERE id_hash IN (${marks}) AND removed = 0 AND valid_from <= ? AND valid_to >= ?
        ORDER BY valid_to DESC LIMIT 1`,
    )
    .get(...hashes, today, today) as { household_size: number; valid_from: string; valid_to: string } | undefined;
  const others = db
    .prepare(
      `SELECT centre_name, card_no, status FROM county_other_cards WHERE id_hash IN (${marks})
        ORDER BY status != 'active', status != 'suspended', centre_name, card_no`,
    )
    .all(...hashes) as { centre_name: string; card_no: string; status: string }[];
  return {
    rosterKnown: true,
    onRoster: roster ? { householdSize: roster.household_size, validFrom: roster.valid_from, validTo: roster.valid_to } : null,
    otherCards: others.map((c) => ({ centreName: c.centre_name, cardNoMasked: maskCardNo(c.card_no), status: c.status })),
  };
}
