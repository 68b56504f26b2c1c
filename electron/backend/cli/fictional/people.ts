import { idCheckChar, isValidDate } from '../../../../shared/rules/idNumber';
import type { Rng } from './prng';
import { randomGivenName, randomSurname } from './names';

export interface FictionalPerson {
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idNumber: string | null;
  phone: string | null;
  tags: string[];
  notes: string | null;
}

/** Made-up for the most part; 110105 is used as the usual code, the IDs themselves are fictional. */
const AREA_CODES: readonly (readonly [string, number])[] = [
  ['110105', 70],
  ['110108', 8],
  ['130102', 6],
  ['370102', 6],
  ['410105', 5],
  ['510107', 5],
];
const MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '176', '177', '180', '181', '186', '187', '188', '189', '199'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Makes fictional people relative to `today`, keeping ID numbers and phones unique across everyone
 * it makes (the database refuses a second live resident with the same ID number).
 */
export class PeopleFactory {
  private ids = new Set<string>();
  private phones = new Set<string>();
  private readonly year: number;

  constructor(
    private readonly rng: Rng,
    private readonly today: string,
  ) {
    this.year = Number(today.slice(0, 4));
  }

  birthDate(age: number): string {
    for (;;) {
      const y = this.year - age;
      const m = this.rng.int(1, 12);
      // Up to the 28th in February, so the same day exists in every year.
      const d = this.rng.int(1, m === 2 ? 28 : 31);
      if (!isValidDate(y, m, d)) continue;
      const iso = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
      // Born on or before today, and already `age` years old today.
      const birthday = `${this.year}-${pad(m, 2)}-${pad(d, 2)}`;
      if (birthday <= this.today) return iso;
      if (age > 0) return `${y - 1}-${pad(m, 2)}-${pad(d, 2)}`;
    }
  }

  idNumber(birthDate: string, gender: 'M' | 'F'): string {
    for (;;) {
      const seq = this.rng.int(0, 499) * 2 + (gender === 'M' ? 1 : 0);
      const first17 = this.rng.weighted(AREA_CODES) + birthDate.replace(/-/g, '') + pad(seq, 3);
      const id = first17 + idCheckChar(first17);
      if (this.ids.has(id)) continue;
      this.ids.add(id);
      return id;
    }
  }

  phone(landline = false): string {
    for (;;) {
      const p = landline ? `010-${this.rng.int(6, 8)}${pad(this.rng.int(0, 9_999_999), 7)}` : this.rng.pick(MOBILE_PREFIXES) + pad(this.rng.int(0, 99_999_999), 8);
      if (this.phones.has(p)) continue;
      this.phones.add(p);
      return p;
    }
  }

  person(age: number, gender: 'M' | 'F', surname = randomSurname(this.rng)): FictionalPerson {
    const birthDate = this.birthDate(age);
    const name = surname + randomGivenName(this.rng, gender, Number(birthDate.slice(0, 4)));
    // A few records were registered without an ID number (newcomers, paperwork pending).
    const idNumber = this.rng.chance(0.96) ? this.idNumber(birthDate, gender) : null;
    const phoneChance = age < 14 ? 0 : age < 18 ? 0.5 : age < 80 ? 0.95 : 0.65;
    const phone = this.rng.chance(phoneChance) ? this.phone(age >= 60 && this.rng.chance(0.08)) : null;
    return { name, gender, birthDate, idNumber, phone, tags: [], notes: null };
  }
}
