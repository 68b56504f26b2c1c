import type { z } from 'zod';
import { fail, type staffMember } from '../../../../shared/contract';
import { maskPhone } from '../../../../shared/rules/mask';
import { isValidPhone, normalisePhone } from '../../../../shared/rules/phone';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { verifySecret } from '../accounts/password';
import { assertStationsExist } from './stations';

type StaffMember = z.infer<typeof staffMember>;

export interface StaffFields {
  name: string;
  /** Undefined keeps the stored number on update; null clears it. */
  phone?: string | null | undefined;
  roles: string[];
  stationIds: string[];
  active: boolean;
}

interface StaffRow {
  id: string;
  name: string;
  phone: string | null;
  roles: string;
  station_ids: string;
  pin_hash: string | null;
  active: number;
  user_id: string | null;
}

// A staff member has at most one login in practice; if two point at it, show the older one.
const SELECT = `
  SELECT s.*, (SELECT u.id FROM users u WHERE u.staff_id = s.id ORDER BY u.created_at LIMIT 1) user_id
  FROM staff s`;

function toStaff(r: StaffRow): StaffMember {
  return {
    id: r.id,
    name: r.name,
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    roles: JSON.parse(r.roles) as string[],
    stationIds: JSON.parse(r.station_ids) as string[],
    hasPin: r.pin_hash !== null,
    userId: r.user_id,
    active: r.active === 1,
  };
}

export function listStaff(db: Db): StaffMember[] {
  return (db.prepare(`${SELECT} ORDER BY s.active DESC, s.name`).all() as StaffRow[]).map(toStaff);
}

function getStaffRow(db: Db, id: string): StaffRow {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StaffRow | undefined;
  if (!row) throw fail.notFound('staff.notFound');
  return row;
}

export function getStaff(db: Db, id: string): StaffMember {
  return toStaff(getStaffRow(db, id));
}

function checkedPhone(raw: string | undefined): string | null {
  if (!raw) return null;
  const phone = normalisePhone(raw);
  if (!isValidPhone(phone)) throw fail.validation('staff.phone.invalid', 'phone');
  return phone;
}

/** Inserts or updates a staff member (never the PIN); call inside a transaction. Returns the id. */
export function saveStaff(db: Db, id: string | undefined, f: StaffFields, now: number): string {
  const existing = id ? getStaffRow(db, id) : null;
  // Left out on an update: keep the number on file (the form only ever saw it masked).
  const phone = f.phone === undefined && existing ? existing.phone : checkedPhone(f.phone ?? undefined);
  assertStationsExist(db, f.stationIds);
  const roles = JSON.stringify([...new Set(f.roles)]);
  const stationIds = JSON.stringify([...new Set(f.stationIds)]);
  if (id) {
    db.prepare('UPDATE staff SET name = ?, phone = ?, roles = ?, station_ids = ?, active = ?, updated_at = ? WHERE id = ?').run(
      f.name,
      phone,
      roles,
      stationIds,
      f.active ? 1 : 0,
      now,
      id,
    );
    return id;
  }
  const newStaffId = newId();
  db.prepare(
    `INSERT INTO staff (id, name, phone, roles, station_ids, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newStaffId, f.name, phone, roles, stationIds, f.active ? 1 : 0, now, now);
  return newStaffId;
}

/** Stores a PIN hash (hashed by the caller, outside the transaction: scrypt is slow). */
export function setStaffPinHash(db: Db, id: string, pinHash: string, now: number): void {
  const r = db.prepare('UPDATE staff SET pin_hash = ?, updated_at = ? WHERE id = ?').run(pinHash, now, id);
  if (r.changes === 0) throw fail.notFound('staff.notFound');
}

export function staffExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM staff WHERE id = ?').get(id) !== undefined;
}

/** For check-in: true only for an active staff member whose PIN is set and matches. */
export async function verifyStaffPin(db: Db, staffId: string, pin: string): Promise<boolean> {
  const row = db.prepare('SELECT pin_hash, active FROM staff WHERE id = ?').get(staffId) as
    | { pin_hash: string | null; active: number }
    | undefined;
  if (!row || row.active !== 1 || row.pin_hash === null) return false;
  return verifySecret(pin, row.pin_hash);
}
