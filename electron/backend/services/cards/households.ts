import { fail, type HouseholdSummary, type ParsedInput } from '../../../../shared/contract';
import { maskIdNumber, maskPhone } from '../../../../shared/rules/mask';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { residentWhere } from '../residents/residents';
import { CURRENT_CARD_SQL } from './rows';

type SaveInput = ParsedInput<'households.save'>;

interface HouseholdRow {
  id: string;
  head_resident_id: string;
  address: string;
  hardship_types: string;
  allowance_cert_no: string | null;
  notes: string | null;
  head_name: string;
  head_id_number: string | null;
  member_count: number;
  card_no: string | null;
  application_status: string | null;
}

/** The household with its head and what the list shows; the correlated parts run for the page's rows only. */
const SUMMARY_SELECT = `
  SELECT h.*, r.name head_name, r.id_number head_id_number,
    (SELECT count(*) FROM household_members m WHERE m.household_id = h.id) member_count,
    (SELECT c.card_no FROM cards c WHERE c.household_id = h.id AND c.${CURRENT_CARD_SQL} ORDER BY c.issued_at DESC LIMIT 1) card_no,
    (SELECT a.status FROM card_applications a WHERE a.household_id = h.id ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) application_status
  FROM households h JOIN residents r ON r.id = h.head_resident_id`;

function toSummary(r: HouseholdRow): HouseholdSummary {
  return {
    id: r.id,
    headName: r.head_name,
    headIdNumberMasked: r.head_id_number ? maskIdNumber(r.head_id_number) : null,
    memberCount: r.member_count,
    address: r.address,
    hardshipTypes: JSON.parse(r.hardship_types) as string[],
    allowanceCertNo: r.allowance_cert_no,
    cardNo: r.card_no,
    applicationStatus: r.application_status,
  };
}

/**
 * By the head's name, pinyin or initials (the residents' own search), or by a fragment of the
 * 低保证号 when the text has a digit in it.
 */
function householdWhere(db: Db, f: { q?: string | undefined; hardship?: string | undefined }): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const q = f.q?.trim();
  if (q && /\d/.test(q)) {
    parts.push(`h.allowance_cert_no LIKE ? ESCAPE '\\'`);
    args.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  } else if (q) {
    const w = residentWhere(db, { q });
    parts.push(`h.head_resident_id IN (SELECT r.id FROM residents r WHERE ${w.sql})`);
    args.push(...w.args);
  }
  if (f.hardship) {
    // Stored as a JSON array of the fixed words: the quoted word cannot match inside another.
    parts.push('h.hardship_types LIKE ?');
    args.push(`%${JSON.stringify(f.hardship)}%`);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', args };
}

/** Newest first: ids are UUIDv7, so the primary key is the registration order. */
export function listHouseholds(db: Db, f: ParsedInput<'households.list'>) {
  const w = householdWhere(db, f);
  const total = (db.prepare(`SELECT count(*) n FROM households h WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = db
    .prepare(`${SUMMARY_SELECT} WHERE h.id IN (SELECT h.id FROM households h WHERE ${w.sql} ORDER BY h.id DESC LIMIT ? OFFSET ?) ORDER BY h.id DESC`)
    .all(...w.args, f.limit, f.offset) as HouseholdRow[];
  return { total, rows: rows.map(toSummary) };
}

export function getHouseholdSummaryRow(db: Db, id: string): HouseholdRow {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE h.id = ?`).get(id) as HouseholdRow | undefined;
  if (!row) throw fail.notFound('household.notFound');
  return row;
}

export function getHousehold(db: Db, id: string) {
  const h = getHouseholdSummaryRow(db, id);
  const members = db
    .prepare(
      `SELECT r.id, r.name, r.id_number, r.phone, r.birth_date, m.relation
         FROM household_members m JOIN residents r ON r.id = m.resident_id
        WHERE m.household_id = ?
        ORDER BY r.id = ? DESC, r.birth_date, r.name_pinyin`,
    )
    .all(id, h.head_resident_id) as { id: string; name: string; id_number: string | null; phone: string | null; birth_date: string | null; relation: string }[];
  return {
    ...toSummary(h),
    headResidentId: h.head_resident_id,
    notes: h.notes,
    members: members.map((m) => ({
      residentId: m.id,
      name: m.name,
      relation: m.relation,
      idNumberMasked: m.id_number ? maskIdNumber(m.id_number) : null,
      phoneMasked: m.phone ? maskPhone(m.phone) : null,
      birthDate: m.birth_date,
    })),
  };
}

export const HEAD_RELATION = '户主';

function liveResidentName(db: Db, id: string): string | null {
  const r = db.prepare('SELECT name FROM residents WHERE id = ? AND voided_at IS NULL').get(id) as { name: string } | undefined;
  return r?.name ?? null;
}

/** The household a resident already belongs to, other than `exceptId`. */
function otherHouseholdOf(db: Db, residentId: string, exceptId: string | null): string | null {
  const r = db
    .prepare('SELECT household_id FROM household_members WHERE resident_id = ? AND household_id IS NOT ? LIMIT 1')
    .get(residentId, exceptId) as { household_id: string } | undefined;
  return r?.household_id ?? null;
}

/** Each member once, the head not among the others, all live residents, none in another household. */
function checkMembers(db: Db, input: SaveInput, exceptId: string | null): void {
  const headName = liveResidentName(db, input.headResidentId);
  if (headName === null) throw fail.validation('household.head.notFound', 'headResidentId');
  if (otherHouseholdOf(db, input.headResidentId, exceptId)) {
    throw fail.conflict('household.member.inOtherHousehold', 'headResidentId', { name: headName });
  }
  const seen = new Set<string>([input.headResidentId]);
  input.members.forEach((m, i) => {
    const field = `members.${i}.residentId`;
    if (m.residentId === input.headResidentId) throw fail.validation('household.member.isHead', field);
    if (seen.has(m.residentId)) throw fail.validation('household.member.duplicate', field);
    seen.add(m.residentId);
    const name = liveResidentName(db, m.residentId);
    if (name === null) throw fail.validation('household.member.notFound', field);
    if (otherHouseholdOf(db, m.residentId, exceptId)) throw fail.conflict('household.member.inOtherHousehold', field, { name });
  });
}

/** A card holder or an open application's holder cannot be taken out of the household. */
function checkHoldersStay(db: Db, id: string, input: SaveInput): void {
  const staying = new Set([input.headResidentId, ...input.members.map((m) => m.residentId)]);
  const holders = db
    .prepare(
      `SELECT c.holder_resident_id id, r.name FROM cards c JOIN residents r ON r.id = c.holder_resident_id
        WHERE c.household_id = ? AND c.${CURRENT_CARD_SQL}
       UNION
       SELECT a.holder_resident_id, r.name FROM card_applications a JOIN residents r ON r.id = a.holder_resident_id
        WHERE a.household_id = ? AND a.status IN ('submitted', 'reviewed', 'notice')`,
    )
    .all(id, id) as { id: string; name: string }[];
  const leaving = holders.find((h) => !staying.has(h.id));
  if (leaving) throw fail.conflict('household.member.holderLeaving', 'members', { name: leaving.name });
}

/** Registers or updates a household and replaces its members (the head among them as 户主). Call inside a transaction. */
export function saveHousehold(db: Db, input: SaveInput, now: number): string {
  const id = input.id ?? newId();
  if (input.id) {
    if (!db.prepare('SELECT 1 FROM households WHERE id = ?').get(input.id)) throw fail.notFound('household.notFound');
    checkHoldersStay(db, input.id, input);
  }
  checkMembers(db, input, input.id ?? null);
  const fields = [input.headResidentId, input.address, JSON.stringify([...new Set(input.hardshipTypes)]), input.allowanceCertNo ?? null, input.notes ?? null];
  if (input.id) {
    db.prepare(
      'UPDATE households SET head_resident_id = ?, address = ?, hardship_types = ?, allowance_cert_no = ?, notes = ?, updated_at = ? WHERE id = ?',
    ).run(...fields, now, id);
    db.prepare('DELETE FROM household_members WHERE household_id = ?').run(id);
  } else {
    db.prepare(
      `INSERT INTO households (id, head_resident_id, address, hardship_types, allowance_cert_no, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, ...fields, now, now);
  }
  const insert = db.prepare('INSERT INTO household_members (household_id, resident_id, relation) VALUES (?, ?, ?)');
  insert.run(id, input.headResidentId, HEAD_RELATION);
  for (const m of input.members) insert.run(id, m.residentId, m.relation);
  return id;
}
