import { mondayOf } from '../../../shared/rules/rota';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import type { Db } from '../db/open';
import { saveStaff } from '../services/catalogue/staff';
import { assign, publishWeek } from '../services/rota/assignments';
import { saveShift } from '../services/rota/shifts';
import { acceptSwap, approveSwap, askSwap } from '../services/rota/swaps';
import { fillFromTemplate, saveTemplate } from '../services/rota/templates';
import { randomGivenName, randomSurname } from './fictional/names';
import { Rng } from './fictional/prng';

const SEED = 20_261_204;
/** Stations (by index in the demo catalogue) with an evening shift: the busy ones, open till 21:00 every day. */
const EVENING = new Set([0, 1, 2, 5]);
const CLOSED_SUNDAY = new Set([3, 6, 10]);
/** Volunteers added per station so that each has three people to rotate. They have no PIN (they do not ask for swaps in the demo). */
const MEMBERS = 3;
const WEEKS_BACK = 8;

interface Actor {
  userId: string;
  username: string;
  displayName: string;
}

/**
 * The demo rota: shifts at all twelve stations (08–12 and 12–17, and 17–21 at the busy ones), one
 * rotating template each, the last eight weeks and this week planned and published, next week a
 * draft. 东湖驿站's template leaves Saturday evening empty (its regular quit): every past week the
 * admin filled it by hand; next week it is still a red gap. One swap approved last week; one asked
 * and waiting for the colleague. Call inside the demo's transaction, after the catalogue and accounts.
 */
export function fillDemoRota(db: Db, now: number, staffIds: string[]): Record<string, number> {
  const rng = new Rng(SEED);
  const admin = db.prepare(`SELECT id userId, username, display_name displayName FROM users WHERE username = 'admin'`).get() as Actor;
  const stations = db.prepare('SELECT id FROM stations ORDER BY id').all() as { id: string }[];
  const staffRows = db.prepare('SELECT id, station_ids FROM staff').all() as { id: string; station_ids: string }[];
  const firstStation = new Map(staffRows.map((s) => [s.id, (JSON.parse(s.station_ids) as string[])[0] ?? null]));
  const thisWeek = mondayOf(shanghaiDate(now));
  const firstWeek = addDays(thisWeek, -7 * WEEKS_BACK);
  const templates: string[] = [];
  const eveningOf = new Map<number, string>();
  stations.forEach((st, i) => {
    const weekdays = CLOSED_SUNDAY.has(i) ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
    const shift = (name: string, start: string, end: string, days = weekdays) =>
      saveShift(db, { stationId: st.id, name, start, end, minStaff: 1, weekdays: days, active: true }, now);
    const shiftIds = [shift('上午班', '08:00', '12:00'), shift('下午班', '12:00', '17:00')];
    if (EVENING.has(i)) {
      const id = shift('晚班', '17:00', '21:00', [1, 2, 3, 4, 5, 6]);
      shiftIds.push(id);
      eveningOf.set(i, id);
    }
    // A shared staff member rotates only at the first station they serve, so templates never clash.
    const own = staffIds.filter((id) => firstStation.get(id) === st.id);
    while (own.length < MEMBERS) {
      const name = randomSurname(rng) + randomGivenName(rng, rng.chance(0.6) ? 'F' : 'M', rng.int(1960, 2002));
      own.push(saveStaff(db, undefined, { name, roles: ['志愿者'], stationIds: [st.id], active: true }, now));
    }
    const cells = weekdays.flatMap((wd) =>
      shiftIds
        .map((shiftId, k) => ({ weekday: wd, shiftId, positions: [(k + wd) % own.length] }))
        // 东湖's Saturday evening: nobody in the template
        .filter((c) => !(i === 0 && wd === 6 && c.shiftId === eveningOf.get(0))),
    );
    templates.push(saveTemplate(db, { stationId: st.id, name: `${['轮班', '轮换'][i % 2]}表`, kind: 'rotate', anchorWeek: firstWeek, members: own, cells, active: true }, now));
  });
  const volunteerAt0 = (db.prepare(`SELECT id FROM staff WHERE roles LIKE '%志愿者%' AND station_ids LIKE ? ORDER BY id LIMIT 1`).get(`%${stations[0]!.id}%`) as { id: string } | undefined)?.id ?? staffIds[0]!;
  let weeks = 0;
  for (let week = firstWeek; week <= addDays(thisWeek, 7); week = addDays(week, 7), weeks++) {
    const plannedAt = Date.parse(`${addDays(week, -4)}T02:00:00Z`);
    templates.forEach((id) => fillFromTemplate(db, week, id, plannedAt, admin));
    if (week > thisWeek) continue;
    // The Saturday evening at 东湖, covered by hand (by 王丽华 from the front desk, or a volunteer).
    const saturday = addDays(week, 5);
    try {
      assign(db, { day: saturday, shiftId: eveningOf.get(0)!, staffId: week === thisWeek ? volunteerAt0 : staffIds[0]! }, plannedAt, admin);
    } catch {
      /* a holiday Saturday: the station is closed */
    }
    publishWeek(db, week, plannedAt + 3600_000, admin);
  }
  const swaps = fillDemoSwaps(db, now, thisWeek, staffIds, admin);
  const count = (db.prepare('SELECT count(*) n FROM rota_assignments').get() as { n: number }).n;
  return { stations: stations.length, weeks, assignments: count, swaps, templates: templates.length };
}

/** Swaps between demo staff (they have PINs): one approved last week, one asked for next week. */
function fillDemoSwaps(db: Db, now: number, thisWeek: string, staffIds: string[], admin: Actor): number {
  const shiftsOf = (staffId: string, from: string, to: string) =>
    db.prepare('SELECT id, day, start_minute FROM rota_assignments WHERE staff_id = ? AND day BETWEEN ? AND ? ORDER BY day, start_minute').all(staffId, from, to) as { id: string; day: string; start_minute: number }[];
  const tryAsk = (fromIdx: number, toIdx: number, from: string, to: string, reason: string, at: (day: string) => number) => {
    for (const a of shiftsOf(staffIds[fromIdx]!, from, to)) {
      const t = at(a.day);
      try {
        return { id: askSwap(db, { assignmentId: a.id, toStaffId: staffIds[toIdx]!, returnAssignmentId: null, reason }, t, admin), at: t };
      } catch {
        /* a conflict or a gap on that day: try the next shift */
      }
    }
    return null;
  };
  let n = 0;
  // last week: 周海涛 (5) asked 邓小川 (14) to cover; accepted; approved by the admin
  const past = tryAsk(5, 14, addDays(thisWeek, -7), addDays(thisWeek, -1), '家里老人住院，需要陪护', (day) => Date.parse(`${addDays(day, -2)}T01:00:00Z`));
  if (past) {
    acceptSwap(db, past.id, past.at + 3 * 3600_000, admin);
    approveSwap(db, past.id, '同意，注意交接', past.at + 5 * 3600_000, admin);
    n++;
  }
  // next week: 赵建国 (3) asks 王丽华 (0) to cover; she has not answered yet
  const open = tryAsk(3, 0, addDays(thisWeek, 7), addDays(thisWeek, 13), '参加街道培训', () => now - 3600_000);
  if (open) n++;
  return n;
}
