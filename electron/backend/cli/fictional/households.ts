import type { Rng } from './prng';
import { randomSurname } from './names';
import type { FictionalPerson, PeopleFactory } from './people';

type Kind = 'singleElder' | 'elderCouple' | 'youngSingle' | 'youngCouple' | 'family' | 'threeGenerations' | 'singleParent';

const KINDS: readonly (readonly [Kind, number])[] = [
  ['singleElder', 14],
  ['elderCouple', 14],
  ['youngSingle', 10],
  ['youngCouple', 10],
  ['family', 30],
  ['threeGenerations', 17],
  ['singleParent', 5],
];

function members(rng: Rng, pf: PeopleFactory, kind: Kind): FictionalPerson[] {
  const surname = randomSurname(rng);
  const elderAge = () => Math.min(98, 60 + Math.floor(Math.pow(rng.next(), 1.4) * 36));
  switch (kind) {
    case 'singleElder':
      return [pf.person(elderAge(), rng.chance(0.65) ? 'F' : 'M')];
    case 'elderCouple': {
      const a = elderAge();
      return [pf.person(a, 'M', surname), pf.person(Math.max(58, a - rng.int(0, 5)), 'F')];
    }
    case 'youngSingle':
      return [pf.person(rng.int(20, 40), rng.chance(0.5) ? 'M' : 'F')];
    case 'youngCouple': {
      const a = rng.int(24, 45);
      return [pf.person(a, 'M', surname), pf.person(Math.max(22, a - rng.int(-2, 4)), 'F')];
    }
    case 'singleParent': {
      const a = rng.int(28, 50);
      return [pf.person(a, rng.chance(0.7) ? 'F' : 'M', surname), pf.person(rng.int(0, Math.min(18, a - 20)), rng.chance(0.5) ? 'M' : 'F', surname)];
    }
    case 'family':
    case 'threeGenerations': {
      const a = rng.int(28, 55);
      const out = [pf.person(a, 'M', surname), pf.person(Math.max(23, a - rng.int(-2, 5)), 'F')];
      const children = rng.chance(0.35) ? 2 : 1;
      for (let i = 0; i < children; i++) out.push(pf.person(rng.int(0, Math.min(25, a - 22)), rng.chance(0.5) ? 'M' : 'F', surname));
      if (kind === 'threeGenerations') {
        const g = Math.min(95, a + rng.int(24, 32));
        if (rng.chance(0.6)) out.push(pf.person(g, 'M', surname), pf.person(Math.max(60, g - rng.int(0, 4)), 'F'));
        else out.push(pf.person(g, rng.chance(0.7) ? 'F' : 'M', rng.chance(0.5) ? surname : randomSurname(rng)));
      }
      return out;
    }
  }
}

const ELDER_NOTES = ['行动不便，需上门服务', '子女在外地工作', '听力较差，沟通请放慢语速', '患慢性病，定期随访', '每周二参加老年活动'];

/** Tags at rates that look like a real community's: most of them are about age, health and income. */
function tag(rng: Rng, kind: Kind, people: FictionalPerson[], year: number): void {
  const householdTags: string[] = [];
  if (rng.chance(0.035)) householdTags.push('低保');
  else if (rng.chance(0.02)) householdTags.push('低收入');
  for (const p of people) {
    const age = year - Number(p.birthDate.slice(0, 4));
    const t = new Set(householdTags);
    if (kind === 'singleElder') {
      t.add('独居老人');
      if (age >= 70 && rng.chance(0.12)) t.add('孤寡');
      if (rng.chance(0.04)) t.add('特困');
    }
    if (kind === 'elderCouple' && rng.chance(0.5)) t.add('空巢老人');
    if (rng.chance(age >= 60 ? 0.07 : 0.025)) t.add('残疾');
    if (p.gender === 'M' && age >= 35 && rng.chance(0.035)) t.add('退役军人');
    if (age >= 18 && rng.chance(age >= 60 ? 0.11 : 0.06)) t.add('党员');
    if (p.gender === 'F' && age >= 22 && age <= 38 && rng.chance(0.03)) t.add('孕妇');
    if (rng.chance(0.01)) t.add('重点关注');
    p.tags = [...t];
    if (age >= 70 && rng.chance(0.15)) p.notes = rng.pick(ELDER_NOTES);
  }
}

/** One household of fictional people, tagged. */
export function fictionalHousehold(rng: Rng, pf: PeopleFactory, year: number): FictionalPerson[] {
  const kind = rng.weighted(KINDS);
  const people = members(rng, pf, kind);
  tag(rng, kind, people, year);
  return people;
}
