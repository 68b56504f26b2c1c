import { HARDSHIP_TYPES } from '../../../../shared/contract/cards';

export type HardshipType = (typeof HARDSHIP_TYPES)[number];
import type { Db } from '../../db/open';
import type { Rng } from './prng';

/*
 * Card households (困难家庭) made from the fictional community: the people who live in one room are a
 * household, as the desk would register them, with relations worked out from ages and genders.
 */

export interface RoomPerson {
  id: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string | null;
  tags: string[];
}

export interface Room {
  address: string;
  people: RoomPerson[];
}

export interface FictionalHousehold {
  head: RoomPerson;
  /** The other members (the head is written as 户主). */
  members: { person: RoomPerson; relation: string }[];
  address: string;
  hardshipTypes: HardshipType[];
  allowanceCertNo: string | null;
  notes: string | null;
}


/** Every room with live residents, in the community's own order; the address as the desk writes it. */
export function loadRooms(db: Db): Room[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.name, r.gender, r.birth_date, r.tags, r.building_id, r.unit, r.room, b.name building, g.name grid
         FROM residents r JOIN grid_nodes b ON b.id = r.building_id LEFT JOIN grid_nodes g ON g.id = b.parent_id
        WHERE r.voided_at IS NULL AND r.unit IS NOT NULL AND r.room IS NOT NULL
        ORDER BY r.rowid`,
    )
    .all() as { id: string; name: string; gender: 'M' | 'F'; birth_date: string | null; tags: string; building_id: string; unit: string; room: string; building: string; grid: string | null }[];
  const rooms = new Map<string, Room>();
  for (const r of rows) {
    const key = `${r.building_id}/${r.unit}/${r.room}`;
    let room = rooms.get(key);
    if (!room) {
      room = { address: `${r.grid ?? ''}${r.building}${r.unit}单元${r.room}室`, people: [] };
      rooms.set(key, room);
    }
    room.people.push({ id: r.id, name: r.name, gender: r.gender, birthDate: r.birth_date, tags: JSON.parse(r.tags) as string[] });
  }
  return [...rooms.values()];
}

const yearOf = (p: RoomPerson) => (p.birthDate ? Number(p.birthDate.slice(0, 4)) : 1970);

/** How `other` is related to the head, from the age gap and genders (the desk asks; here we guess). */
export function relationTo(head: RoomPerson, other: RoomPerson): string {
  const gap = yearOf(other) - yearOf(head);
  if (gap >= 40) return other.gender === 'M' ? '孙子' : '孙女';
  if (gap >= 16) return other.gender === 'M' ? '儿子' : '女儿';
  if (gap <= -40) return '祖父母';
  if (gap <= -16) return other.gender === 'M' ? '父亲' : '母亲';
  return other.gender !== head.gender ? '配偶' : '兄弟姐妹';
}

/** The head: the oldest adult with a hardship tag, else the oldest adult under 80, else simply the oldest. */
function pickHead(people: RoomPerson[], year: number): RoomPerson {
  const byAge = [...people].sort((a, b) => yearOf(a) - yearOf(b));
  const adult = (p: RoomPerson) => year - yearOf(p) >= 18;
  return byAge.find((p) => adult(p) && p.tags.some((t) => (HARDSHIP_TYPES as readonly string[]).includes(t))) ?? byAge.find((p) => adult(p) && year - yearOf(p) < 80) ?? byAge[0]!;
}

/** The hardship words the people's tags carry, in the contract's order. */
export function hardshipOf(people: RoomPerson[]): HardshipType[] {
  const tags = new Set(people.flatMap((p) => p.tags));
  return HARDSHIP_TYPES.filter((t) => tags.has(t));
}

/**
 * A household of the people in a room. `fallbackHardship` is used when nobody's tags say why the
 * household is in hardship (the bench registers far more households than the community tags).
 */
export function householdOfRoom(rng: Rng, address: string, people: RoomPerson[], issuedYear: number, fallbackHardship?: HardshipType): FictionalHousehold {
  const head = pickHead(people, issuedYear);
  let hardshipTypes = hardshipOf(people);
  if (!hardshipTypes.length) hardshipTypes = [fallbackHardship ?? '低收入'];
  return {
    head,
    members: people.filter((p) => p !== head).map((person) => ({ person, relation: relationTo(head, person) })),
    address,
    hardshipTypes,
    allowanceCertNo: hardshipTypes.includes('低保') ? `DB${issuedYear}${String(rng.int(1, 99_999)).padStart(5, '0')}` : null,
    notes: people.length === 1 && yearOf(head) < issuedYear - 75 ? '独居高龄老人' : null,
  };
}

/**
 * Splits off the elders of a three-generation room as a household of their own (分户: the old couple
 * registered separately), or null when the room has no such generations.
 */
export function splitElders(people: RoomPerson[], year: number): [RoomPerson[], RoomPerson[]] | null {
  const elders = people.filter((p) => year - yearOf(p) >= 60);
  const rest = people.filter((p) => !elders.includes(p));
  if (!elders.length || !rest.some((p) => year - yearOf(p) >= 18)) return null;
  return [elders, rest];
}
