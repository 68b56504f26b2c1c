import { loadCalendar } from '../../../electron/backend/services/catalogue/calendar';
import { listStations, saveStation } from '../../../electron/backend/services/catalogue/stations';
import { saveStaff } from '../../../electron/backend/services/catalogue/staff';
import { randomGivenName, randomSurname } from '../../../electron/backend/cli/fictional/names';
import { Rng } from '../../../electron/backend/cli/fictional/prng';
import { newId } from '../../../electron/backend/db/ids';
import type { Db } from '../../../electron/backend/db/open';
import { daysOfWeek, mondayOf, templateWeek, type TemplateCell } from '../../../shared/rules/rota';
import { stationDay } from '../../../shared/rules/stationDay';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays, isoWeekday } from '../../../shared/rules/workdays';
import type { DatasetGenerator } from './types';

export const ROTA_STATIONS = 12;
const STAFF_PER_STATION = 8;
const YEARS = 3;
/** [name, start, end, minimum, template positions] — 4 + 4 + 3 people a day at every station. */
const SHIFTS: [string, number, number, number, number[]][] = [
  ['上午班', 8 * 60, 12 * 60, 3, [0, 1, 2, 3]],
  ['下午班', 12 * 60, 17 * 60, 3, [4, 5, 6, 7]],
  ['晚班', 17 * 60, 20 * 60, 2, [0, 1, 2]],
];

function topUpStations(db: Db, now: number): { id: string; hours: Record<string, { open: string; close: string }>; closedDates: string[] }[] {
  const hours = { open: '08:00', close: '20:00' };
  const week = { '1': hours, '2': hours, '3': hours, '4': hours, '5': hours, '6': hours, '7': hours };
  const extra = ['清风驿站', '梧桐驿站', '杏林驿站', '春晖驿站', '枫林驿站', '金沙驿站'];
  let stations = listStations(db).filter((s) => s.active);
  for (let i = 0; stations.length < ROTA_STATIONS; i++) {
    saveStation(db, undefined, { name: extra[i] ?? `驿站${i + 1}`, address: `和平路${i * 7 + 2}号`, hours: week, closedDates: [], active: true }, now);
    stations = listStations(db).filter((s) => s.active);
  }
  return stations.slice(0, ROTA_STATIONS).map((s) => ({ id: s.id, hours: s.hours, closedDates: s.closedDates }));
}

/** Staff of a station: those already there, then new volunteers until there are enough. */
function stationStaff(db: Db, rng: Rng, stationId: string, now: number): string[] {
  const there = (db.prepare(`SELECT id FROM staff WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(station_ids) WHERE value = ?) ORDER BY created_at, id`).all(stationId) as { id: string }[]).map((r) => r.id);
  while (there.length < STAFF_PER_STATION) {
    const name = randomSurname(rng) + randomGivenName(rng, rng.chance(0.6) ? 'F' : 'M', rng.int(1965, 2000));
    there.push(saveStaff(db, undefined, { name, roles: ['志愿者'], stationIds: [stationId], active: true }, now));
  }
  return there.slice(0, STAFF_PER_STATION);
}

/**
 * Three shifts at twelve stations, one rotating template each, and three years of weekly plans
 * (published) up to this week, plus next week as a draft. About 130,000 assignments.
 */
export function fillBenchRota(db: Db, now: number): Record<string, number> {
  const rng = new Rng(10_000_501);
  const calendar = loadCalendar(db);
  const thisWeek = mondayOf(shanghaiDate(now));
  const firstWeek = mondayOf(addDays(thisWeek, -365 * YEARS));
  const lastWeek = addDays(thisWeek, 7);
  const insertShift = db.prepare(
    `INSERT INTO shifts (id, station_id, name, start_minute, end_minute, min_staff, weekdays, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '[1,2,3,4,5,6,7]', 1, ?, ?)`,
  );
  const insertTemplate = db.prepare(
    `INSERT INTO rota_templates (id, station_id, name, kind, anchor_week, members, cells, active, created_at, updated_at) VALUES (?, ?, ?, 'rotate', ?, ?, ?, 1, ?, ?)`,
  );
  const insertAssignment = db.prepare(
    `INSERT INTO rota_assignments (id, week, day, shift_id, station_id, staff_id, start_minute, end_minute, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'template', ?, ?)`,
  );
  const insertWeek = db.prepare('INSERT INTO rota_weeks (week, status, published_at, published_by, updated_at) VALUES (?, ?, ?, NULL, ?)');
  let assignments = 0;
  let shifts = 0;
  const stations = topUpStations(db, now);
  for (const [si, station] of stations.entries()) {
    const members = stationStaff(db, rng, station.id, now);
    const shiftRows = SHIFTS.map(([name, start, end, min, positions]) => {
      const id = newId();
      insertShift.run(id, station.id, name, start, end, min, now, now);
      shifts++;
      return { id, start, end, positions };
    });
    const cells: TemplateCell[] = [];
    for (let wd = 1; wd <= 7; wd++) for (const s of shiftRows) cells.push({ weekday: wd, shiftId: s.id, positions: s.positions });
    const template = { kind: 'rotate' as const, anchorWeek: firstWeek, members, cells };
    insertTemplate.run(newId(), station.id, `轮班表 ${si + 1}`, firstWeek, JSON.stringify(members), JSON.stringify(cells), now, now);
    const byId = new Map(shiftRows.map((s) => [s.id, s]));
    for (let week = firstWeek; week <= lastWeek; week = addDays(week, 7)) {
      const days = daysOfWeek(week);
      const at = Date.parse(`${addDays(week, -3)}T02:00:00Z`);
      for (const cell of templateWeek(template, week)) {
        const day = days[cell.weekday - 1]!;
        if (!stationDay(station.hours, station.closedDates, calendar, day).open) continue;
        const shift = byId.get(cell.shiftId)!;
        for (const staffId of cell.staffIds) {
          insertAssignment.run(newId(), week, day, shift.id, station.id, staffId, shift.start, shift.end, at, at);
          assignments++;
        }
      }
    }
  }
  let weeks = 0;
  for (let week = firstWeek; week <= lastWeek; week = addDays(week, 7), weeks++) {
    const draft = week === lastWeek;
    const at = Date.parse(`${addDays(week, -2)}T08:00:00Z`);
    insertWeek.run(week, draft ? 'draft' : 'published', draft ? null : at, at);
  }
  if (isoWeekday(firstWeek) !== 1) throw new Error('rota weeks start on Monday');
  return { stations: stations.length, shifts, weeks, assignments };
}

export const rotaGenerator: DatasetGenerator = {
  name: 'rota',
  version: 1,
  run: (db, now) => fillBenchRota(db, now),
};
