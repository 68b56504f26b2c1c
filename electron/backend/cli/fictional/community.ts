import { shanghaiDate } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';
import { createGridNode } from '../../services/grid/grid';
import { insertResident } from '../../services/residents/residents';
import { residentFields } from '../../services/residents/validate';
import { fictionalHousehold } from './households';
import { PeopleFactory } from './people';
import { Rng } from './prng';

export interface CommunityPlan {
  seed: number;
  /** 片区 names, each with its number of grids; grids are numbered across the community. */
  areas: { name: string; grids: number }[];
  buildingsPerGrid: [min: number, max: number];
  /** At least this many residents (whole households are added until it is reached). */
  residents: number;
  /** Residents were registered over this many years before `now`. */
  historyYears: number;
}

interface Building {
  id: string;
  units: number;
  floors: number;
  doors: number;
}

const DAY_MS = 86_400_000;

function buildGrid(db: Db, rng: Rng, plan: CommunityPlan, now: number): Building[] {
  const buildings: Building[] = [];
  let gridNo = 0;
  for (const a of plan.areas) {
    const area = createGridNode(db, null, a.name, now);
    for (let g = 0; g < a.grids; g++) {
      const grid = createGridNode(db, area.id, `第${++gridNo}网格`, now);
      const count = rng.int(plan.buildingsPerGrid[0], plan.buildingsPerGrid[1]);
      for (let b = 1; b <= count; b++) {
        const node = createGridNode(db, grid.id, `${b}栋`, now);
        buildings.push({ id: node.id, units: rng.int(1, 4), floors: rng.pick([5, 6, 6, 7, 11, 18, 24]), doors: rng.int(2, 4) });
      }
    }
  }
  return buildings;
}

/**
 * Fills a fictional community: the grid tree, then households placed in free rooms, each person
 * through the same `residentFields` the desk's form uses, so the rows look exactly like typed ones.
 * Call inside a transaction.
 */
export function fillCommunity(db: Db, now: number, plan: CommunityPlan): { residents: number; buildings: number } {
  const rng = new Rng(plan.seed);
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const buildings = buildGrid(db, rng, plan, now);
  const people = new PeopleFactory(rng, today);
  const taken = new Set<string>();
  let residents = 0;
  while (residents < plan.residents) {
    let b: Building;
    let unit: string;
    let room: string;
    do {
      b = rng.pick(buildings);
      unit = String(rng.int(1, b.units));
      room = `${rng.int(1, b.floors)}${String(rng.int(1, b.doors)).padStart(2, '0')}`;
    } while (taken.has(`${b.id}/${unit}/${room}`));
    taken.add(`${b.id}/${unit}/${room}`);
    const registeredAt = now - rng.int(0, plan.historyYears * 365) * DAY_MS - rng.int(0, DAY_MS - 1);
    for (const p of fictionalHousehold(rng, people, year)) {
      const f = residentFields(
        db,
        { name: p.name, idNumber: p.idNumber ?? undefined, gender: p.gender, birthDate: p.birthDate, phone: p.phone ?? undefined, buildingId: b.id, unit, room, tags: p.tags, notes: p.notes ?? undefined },
        today,
      );
      // Nobody is registered before they were born.
      insertResident(db, f, Math.min(now, Math.max(registeredAt, Date.parse(`${p.birthDate}T12:00:00+08:00`))));
      residents++;
    }
  }
  return { residents, buildings: buildings.length };
}
