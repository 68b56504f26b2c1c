import type { Db } from '../../../db/open';
import type { DownRecord } from '../protocol';

/** What each pulled stream writes locally; each is an upsert by the county's record id. */

export function applyRoster(db: Db, r: DownRecord<'roster'>): void {
  db.prepare(
    `INSERT INTO county_roster (record_id, id_hash, household_size, valid_from, valid_to, removed) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(record_id) DO UPDATE SET id_hash = excluded.id_hash, household_size = excluded.household_size,
       valid_from = excluded.valid_from, valid_to = excluded.valid_to, removed = excluded.removed`,
  ).run(r.id, r.idHash, r.householdSize, r.validFrom, r.validTo, r.removed ? 1 : 0);
}

export function applyOtherCard(db: Db, r: DownRecord<'otherCards'>): void {
  db.prepare(
    `INSERT INTO county_other_cards (record_id, id_hash, centre_code, centre_name, card_no, status) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(record_id) DO UPDATE SET id_hash = excluded.id_hash, centre_code = excluded.centre_code,
       centre_name = excluded.centre_name, card_no = excluded.card_no, status = excluded.status`,
  ).run(r.id, r.idHash, r.centreCode, r.centreName, r.cardNo, r.status);
}

/** The county's holiday and 调休 days override the stored calendar; 'normal' removes a county day
 * (a day the centre set by hand stays). */
export function applyCalendarDay(db: Db, r: DownRecord<'calendar'>): void {
  if (r.kind === 'normal') {
    db.prepare(`DELETE FROM calendar_days WHERE date = ? AND source = 'county'`).run(r.date);
    return;
  }
  db.prepare(
    `INSERT INTO calendar_days (date, kind, name, source) VALUES (?, ?, ?, 'county')
     ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = 'county'`,
  ).run(r.date, r.kind, r.name);
}

export function applyRevocation(db: Db, r: DownRecord<'revocations'>): void {
  db.prepare(
    `INSERT INTO county_revocations (card_no, record_id, centre_code, revoked_at, reason) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(card_no) DO UPDATE SET record_id = excluded.record_id, centre_code = excluded.centre_code,
       revoked_at = excluded.revoked_at, reason = excluded.reason`,
  ).run(r.cardNo, r.id, r.centreCode, r.revokedAt, r.reason);
}
