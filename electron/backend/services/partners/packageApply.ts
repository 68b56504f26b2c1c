import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { writeAudit } from '../audit/audit';
import { findUserByName, insertUser } from '../accounts/users';
import { getCentreSettings, setCentreSettings } from '../centre/settings';
import { saveCardRules } from '../cards/rules';
import { savePartnerIdentity } from '../till/identity';
import type { PackageBody } from './packageFormat';

function replaceTillTables(db: Db, body: PackageBody): void {
  db.prepare('DELETE FROM till_keys').run();
  const key = db.prepare('INSERT INTO till_keys (centre_code, key_id, public_key) VALUES (?, ?, ?)');
  for (const k of body.keys) key.run(body.centreCode, k.keyId, Buffer.from(k.publicKey, 'base64'));
  db.prepare('DELETE FROM till_cards').run();
  const card = db.prepare(
    `INSERT INTO till_cards (card_no, masked_name, benefit_kind, benefit_value, monthly_cap_fen, delivery, valid_from, valid_to, status,
       delivery_address, used_month, used_elsewhere_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of body.cards) {
    card.run(
      c.cardNo,
      c.maskedName,
      c.benefit.kind,
      c.benefit.value,
      c.monthlyCapFen,
      c.delivery ? 1 : 0,
      c.validFrom,
      c.validTo,
      c.status,
      c.delivery ? c.deliveryAddress : null,
      body.usage.month,
      body.usage.byCard[c.cardNo] ?? 0,
    );
  }
  db.prepare('DELETE FROM county_revocations').run();
  const revocation = db.prepare('INSERT INTO county_revocations (card_no, record_id, centre_code, revoked_at, reason) VALUES (?, ?, ?, ?, ?)');
  for (const r of body.countyRevocations ?? []) revocation.run(r.cardNo, `package:${r.cardNo}`, r.centreCode, r.revokedAt, r.reason);
}

function upsertPartner(db: Db, body: PackageBody, now: number): void {
  // The till knows its own shop by name only; the contact details stay at the centre.
  db.prepare(
    `INSERT INTO partners (id, name, address, contact_name, contact_phone, created_at, updated_at) VALUES (?, ?, '', '', '', ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
  ).run(body.partner.id, body.partner.name, now, now);
}

/** The package's verifier accounts, with the passwords the centre set; those no longer in it are disabled. Returns the disabled ids. */
function syncVerifiers(db: Db, body: PackageBody, now: number): string[] {
  for (const v of body.verifiers) {
    const existing = findUserByName(db, v.username);
    const id = existing?.id ?? newId();
    if (!existing) insertUser(db, { id, username: v.username, displayName: v.displayName, role: 'partner', passwordHash: v.passwordHash }, now);
    db.prepare(
      `UPDATE users SET display_name = ?, role = 'partner', partner_id = ?, disabled = ?, updated_at = ?,
         failed_logins = CASE WHEN password_hash = ? THEN failed_logins ELSE 0 END,
         locked_until = CASE WHEN password_hash = ? THEN locked_until ELSE NULL END,
         password_hash = ?
       WHERE id = ?`,
    ).run(v.displayName, body.partner.id, v.disabled ? 1 : 0, now, v.passwordHash, v.passwordHash, v.passwordHash, id);
  }
  const names = new Set(body.verifiers.filter((v) => !v.disabled).map((v) => v.username.toLowerCase()));
  const gone = (db.prepare(`SELECT id, username FROM users WHERE role = 'partner' AND disabled = 0`).all() as { id: string; username: string }[])
    .filter((u) => !names.has(u.username.toLowerCase()))
    .map((u) => u.id);
  const disable = db.prepare('UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?');
  for (const id of gone) disable.run(now, id);
  return (db.prepare(`SELECT id FROM users WHERE role = 'partner' AND disabled = 1`).all() as { id: string }[]).map((u) => u.id);
}

/**
 * Puts a checked package in force, in one transaction (call inside it): the till's keys and cards
 * replaced, the verifier accounts brought in line, the rules, the identity, partner mode. Returns the
 * ids of accounts now disabled (their open sessions must end).
 */
export function applyPackage(db: Db, body: PackageBody, now: number, actor: Pick<SessionUser, 'userId' | 'username'> | null): string[] {
  replaceTillTables(db, body);
  upsertPartner(db, body, now);
  const disabled = syncVerifiers(db, body, now);
  saveCardRules(db, body.rules);
  setCentreSettings(db, { ...getCentreSettings(db), centreName: body.centreName, centreCode: body.centreCode });
  savePartnerIdentity(db, {
    partnerId: body.partner.id,
    partnerName: body.partner.name,
    centreCode: body.centreCode,
    centreName: body.centreName,
    packageIssuedAt: body.issuedAt,
  });
  writeAudit(db, actor, now, {
    action: 'till.package.import',
    targetType: 'partner',
    targetId: body.partner.id,
    detail: { issuedAt: body.issuedAt, cards: body.cards.length, keys: body.keys.length, verifiers: body.verifiers.length },
  });
  return disabled;
}
