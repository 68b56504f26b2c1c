import { fail, type Resident } from '../../../../shared/contract';
import { maskIdNumber, maskPhone } from '../../../../shared/rules/mask';
import { ageOn } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { buildingsUnder } from '../grid/grid';
import { gramQuery } from './searchText';
import type { ResidentFields } from './validate';

interface ResidentRow extends ResidentFields {
  id: string;
  updated_at: number;
  area_name: string | null;
  grid_name: string | null;
  building_name: string | null;
}

const SELECT = `
  SELECT r.*, b.name building_name, g.name grid_name, a.name area_name
  FROM residents r
  LEFT JOIN grid_nodes b ON b.id = r.building_id
  LEFT JOIN grid_nodes g ON g.id = b.parent_id
  LEFT JOIN grid_nodes a ON a.id = g.parent_id`;

export function toResident(r: ResidentRow, today: string): Resident {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: r.birth_date ? ageOn(r.birth_date, today) : null,
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    phoneMasked: r.phone ? maskPhone(r.phone) : null,
    buildingId: r.building_id,
    address: [r.area_name, r.grid_name, r.building_name].filter(Boolean).join(' / '),
    unit: r.unit,
    room: r.room,
    tags: JSON.parse(r.tags) as string[],
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

export function getResidentRow(db: Db, id: string): ResidentRow {
  const row = db.prepare(`${SELECT} WHERE r.id = ? AND r.voided_at IS NULL`).get(id) as ResidentRow | undefined;
  if (!row) throw fail.notFound('resident.notFound');
  return row;
}

export interface Duplicate {
  id: string;
  name: string;
  reason: 'idNumber' | 'namePhone';
  idNumberMasked: string | null;
  phoneMasked: string | null;
}

/** Live residents with the same ID number, or the same name and phone. */
export function findDuplicates(
  db: Db,
  f: { name: string; idNumber: string | null; phone: string | null },
  exceptId: string | null,
): Duplicate[] {
  const out: Duplicate[] = [];
  const seen = new Set<string>();
  const push = (rows: { id: string; name: string; id_number: string | null; phone: string | null }[], reason: Duplicate['reason']) => {
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({
        id: r.id,
        name: r.name,
        reason,
        idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
        phoneMasked: r.phone ? maskPhone(r.phone) : null,
      });
    }
  };
  if (f.idNumber) {
    push(db.prepare('SELECT id, name, id_number, phone FROM residents WHERE id_number = ? AND voided_at IS NULL AND id IS NOT ?').all(f.idNumber, exceptId) as never, 'idNumber');
  }
  if (f.phone && f.name) {
    push(db.prepare('SELECT id, name, id_number, phone FROM residents WHERE phone = ? AND name = ? AND voided_at IS NULL AND id IS NOT ?').all(f.phone, f.name, exceptId) as never, 'namePhone');
  }
  return out;
}

/** Refuses a second record of the same ID number; asks for confirmation on the same name + phone. */
export function assertNoDuplicate(db: Db, f: ResidentFields, exceptId: string | null, confirmed: boolean): void {
  const dups = findDuplicates(db, { name: f.name, idNumber: f.id_number, phone: f.phone }, exceptId);
  const sameId = dups.find((d) => d.reason === 'idNumber');
  if (sameId) throw fail.conflict('resident.idNumber.taken', 'idNumber', { name: sameId.name });
  const samePhone = dups.find((d) => d.reason === 'namePhone');
  if (samePhone && !confirmed) throw fail.conflict('resident.duplicate.namePhone', 'name', { name: samePhone.name, phone: samePhone.phoneMasked ?? '' });
}

const COLUMNS = [
  'name', 'name_pinyin', 'name_initials', 'gender', 'birth_date', 'id_number', 'phone',
  'building_id', 'unit', 'room', 'tags', 'notes', 'search_grams', 'search_digits',
] as const;

export function insertResident(db: Db, f: ResidentFields, now: number, id = newId()): string {
  db.prepare(
    `INSERT INTO residents (id, ${COLUMNS.join(', ')}, created_at, updated_at)
     VALUES (?, ${COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
  ).run(id, ...COLUMNS.map((c) => f[c]), now, now);
  return id;
}

export function updateResident(db: Db, id: string, f: ResidentFields, now: number): void {
  const r = db
    .prepare(`UPDATE residents SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ? AND voided_at IS NULL`)
    .run(...COLUMNS.map((c) => f[c]), now, id);
  if (r.changes === 0) throw fail.notFound('resident.notFound');
}

export function voidResident(db: Db, id: string, reason: string, now: number): void {
  const r = db.prepare('UPDATE residents SET voided_at = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL').run(now, reason, id);
  if (r.changes === 0) throw fail.notFound('resident.notFound');
}

export interface ResidentQuery {
  q: string;
  gridNodeId?: string;
  tag?: string;
}

/**
 * Search by what the desk has at hand: pinyin initials or full pinyin (letters: zxf, zhangxf),
 * a phone or ID number fragment (digits, X), or a name fragment (Chinese characters).
 * Prefix matches use the indexes; fragments of digits scan the table (fast enough at 50,000).
 */
export function residentWhere(db: Db, query: ResidentQuery): { sql: string; args: unknown[]; order: string; orderArgs: unknown[] } {
  const parts = ['r.voided_at IS NULL'];
  const args: unknown[] = [];
  let order = 'r.name_pinyin, r.id';
  let orderArgs: unknown[] = [];
  const q = query.q.trim();
  if (/^[A-Za-z]+$/.test(q)) {
    const lower = q.toLowerCase();
    parts.push('((r.name_initials >= ? AND r.name_initials < ?) OR (r.name_pinyin >= ? AND r.name_pinyin < ?))');
    args.push(lower, `${lower}{`, lower, `${lower}{`);
    order = 'length(r.name_initials), r.name_pinyin, r.id';
  } else if (/^[\dXx\s-]+$/.test(q) && /\d/.test(q)) {
    const frag = q.replace(/[\s-]/g, '').toUpperCase();
    if (frag.length >= 3) {
      parts.push(`r.rowid IN (SELECT rowid FROM residents_fts WHERE search_digits LIKE ?)`);
    } else {
      parts.push('r.search_digits LIKE ?');
    }
    args.push(`%${frag}%`);
  } else if (q) {
    // LIKE wildcards and the gram separator never occur in names; dropping them keeps the pattern literal.
    const frag = q.replace(/[%_|\\]/g, '');
    const chars = Array.from(frag);
    if (chars.length >= 3) {
      parts.push(`r.rowid IN (SELECT rowid FROM residents_fts WHERE name LIKE ?)`);
      args.push(`%${frag}%`);
    } else if (chars.length > 0) {
      parts.push(`r.rowid IN (SELECT rowid FROM residents_fts WHERE search_grams LIKE ?)`);
      args.push(`%${gramQuery(frag)}%`);
    } else {
      parts.push('0'); // only wildcards typed: nothing matches
    }
    order = `(r.name = ?) DESC, (substr(r.name, 1, ${chars.length}) = ?) DESC, r.name_pinyin, r.id`;
    orderArgs = [q, q];
  }
  if (query.gridNodeId) {
    const ids = buildingsUnder(db, query.gridNodeId);
    parts.push(`r.building_id IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(ids));
  }
  if (query.tag) {
    parts.push('EXISTS (SELECT 1 FROM json_each(r.tags) WHERE value = ?)');
    args.push(query.tag);
  }
  return { sql: parts.join(' AND '), args, order, orderArgs };
}

export function searchResidents(db: Db, query: ResidentQuery & { limit: number; offset: number }, today: string) {
  const w = residentWhere(db, query);
  const total = (db.prepare(`SELECT count(*) n FROM residents r WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = db
    .prepare(`${SELECT} WHERE ${w.sql} ORDER BY ${w.order} LIMIT ? OFFSET ?`)
    .all(...w.args, ...w.orderArgs, query.limit, query.offset) as ResidentRow[];
  return { total, rows: rows.map((r) => toResident(r, today)) };
}

/** Every matching resident with the raw fields, for the export. */
export function allMatchingResidents(db: Db, query: ResidentQuery) {
  const w = residentWhere(db, query);
  return db.prepare(`${SELECT} WHERE ${w.sql} ORDER BY ${w.order}`).all(...w.args, ...w.orderArgs) as ResidentRow[];
}
