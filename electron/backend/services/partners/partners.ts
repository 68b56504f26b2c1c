import { fail, type Partner } from '../../../../shared/contract';
import type { partnerInput } from '../../../../shared/contract/partners';
import { maskPhone } from '../../../../shared/rules/mask';
import { isValidPhone, normalisePhone } from '../../../../shared/rules/phone';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';

/** The partners (爱心商户, SPEC §4.5) as the centre keeps them. */

export interface PartnerRow {
  id: string;
  name: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  offer: string | null;
  active: number;
  last_package_at: number | null;
  last_import_at: number | null;
}

const SELECT = `SELECT p.*, (SELECT count(*) FROM users u WHERE u.partner_id = p.id AND u.role = 'partner' AND u.disabled = 0) AS verifiers
                  FROM partners p`;

function toPartner(r: PartnerRow & { verifiers: number }): Partner {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    contactName: r.contact_name,
    contactPhoneMasked: maskPhone(r.contact_phone),
    offer: r.offer,
    active: r.active === 1,
    verifierCount: r.verifiers,
    lastPackageAt: r.last_package_at,
    lastImportAt: r.last_import_at,
  };
}

export function listPartners(db: Db): Partner[] {
  return (db.prepare(`${SELECT} ORDER BY p.active DESC, p.name`).all() as (PartnerRow & { verifiers: number })[]).map(toPartner);
}

export function findPartnerRow(db: Db, id: string): PartnerRow | undefined {
  return db.prepare('SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
}

export function getPartner(db: Db, id: string): Partner {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as (PartnerRow & { verifiers: number }) | undefined;
  if (!row) throw fail.notFound('partner.notFound');
  return toPartner(row);
}

/**
 * The form only ever sees the phone masked: sent back unchanged (the masked text) it keeps the number
 * on file; anything else must be a valid phone.
 */
function checkedPhone(raw: string, existing: PartnerRow | undefined): string {
  if (existing && raw === maskPhone(existing.contact_phone)) return existing.contact_phone;
  const phone = normalisePhone(raw);
  if (!isValidPhone(phone)) throw fail.validation('partner.phone.invalid', 'contactPhone');
  return phone;
}

/** Inserts or updates a partner; call inside a transaction. Returns the id. */
export function savePartner(db: Db, input: z.output<typeof partnerInput>, now: number): string {
  const existing = input.id ? findPartnerRow(db, input.id) : undefined;
  if (input.id && !existing) throw fail.notFound('partner.notFound');
  const phone = checkedPhone(input.contactPhone, existing);
  const duplicate = db.prepare('SELECT 1 FROM partners WHERE name = ? AND id != ?').get(input.name, input.id ?? '');
  if (duplicate) throw fail.conflict('partner.name.taken', 'name');
  const values = [input.name, input.address, input.contactName, phone, input.offer ?? null, input.active ? 1 : 0, now];
  if (existing) {
    db.prepare(
      `UPDATE partners SET name = ?, address = ?, contact_name = ?, contact_phone = ?, offer = ?, active = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, existing.id);
    return existing.id;
  }
  const id = newId();
  db.prepare(
    `INSERT INTO partners (id, name, address, contact_name, contact_phone, offer, active, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, ...values, now);
  return id;
}
