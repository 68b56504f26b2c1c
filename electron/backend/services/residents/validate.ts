import { fail, type ResidentInput } from '../../../../shared/contract';
import { isValidDate, parseIdNumber } from '../../../../shared/rules/idNumber';
import { isValidPhone, normalisePhone } from '../../../../shared/rules/phone';
import type { Db } from '../../db/open';
import { namePinyin } from './pinyin';
import { nameGrams, searchDigits } from './searchText';

/** A resident's columns as stored. */
export interface ResidentFields {
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: 'M' | 'F';
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  building_id: string | null;
  unit: string | null;
  room: string | null;
  tags: string;
  notes: string | null;
  search_grams: string;
  search_digits: string;
}

type Parsed = Omit<ResidentInput, 'tags'> & { tags: string[] };

/**
 * Turns checked-shape input into stored fields, applying the rules the schema cannot: the ID
 * number's check digit and birth date, gender and birth date derived from it, the phone format,
 * and that the building exists. Throws a validation error naming the field.
 */
export function residentFields(db: Db, input: Parsed, today: string): ResidentFields {
  let gender = input.gender;
  let birthDate = input.birthDate ?? null;
  let idNumber: string | null = null;
  if (input.idNumber) {
    const r = parseIdNumber(input.idNumber, today);
    if (!r.ok) throw fail.validation(`resident.idNumber.${r.problem}`, 'idNumber');
    ({ idNumber, gender, birthDate } = r.info);
  } else {
    if (!gender) throw fail.validation('resident.gender.required', 'gender');
    if (birthDate) {
      const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
      if (!isValidDate(y, m, d) || y < 1880 || birthDate > today) throw fail.validation('resident.birthDate.invalid', 'birthDate');
    }
  }
  let phone: string | null = null;
  if (input.phone) {
    phone = normalisePhone(input.phone);
    if (!isValidPhone(phone)) throw fail.validation('resident.phone.invalid', 'phone');
  }
  const buildingId = input.buildingId ?? null;
  if (buildingId) {
    const b = db.prepare(`SELECT kind FROM grid_nodes WHERE id = ? AND removed_at IS NULL`).get(buildingId) as { kind: string } | undefined;
    if (!b || b.kind !== 'building') throw fail.validation('resident.building.notFound', 'buildingId');
  }
  const py = namePinyin(input.name);
  return {
    name: input.name,
    name_pinyin: py.full,
    name_initials: py.initials,
    gender: gender!,
    birth_date: birthDate,
    id_number: idNumber,
    phone,
    building_id: buildingId,
    unit: input.unit ?? null,
    room: input.room ?? null,
    tags: JSON.stringify([...new Set(input.tags)]),
    notes: input.notes ?? null,
    search_grams: nameGrams(input.name),
    search_digits: searchDigits(phone, idNumber),
  };
}
