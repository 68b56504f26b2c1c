import { shanghaiDate } from '../../../shared/rules/time';
import { addDays, isWorkingDay } from '../../../shared/rules/workdays';
import type { Db } from '../db/open';
import { loadCalendar } from '../services/catalogue/calendar';
import { DEFAULT_RULES, setRules } from '../services/queue/rules';
import { fillIntakeHistory, fillWaitingToday, loadIntakeWorld, type IntakeCounts } from './fictional/intake';
import { Rng } from './fictional/prng';

export const DEMO_INTAKE_SEED = 20_261_123;
/** Working days of history before today: about three weeks. */
export const DEMO_INTAKE_DAYS = 15;
const WAITING_TODAY = 9;
const COUNTERS = 8;

/** The demo catalogue's services by how often people come for them. */
const WEIGHTS: Record<string, number> = { A: 22, B: 8, C: 12, D: 7, E: 6, F: 5, G: 25, H: 15 };

/**
 * Three weeks of the demo centre's queue and requests, ending yesterday, and a few people waiting
 * today, all relative to `now`. Some requests are left open on purpose so the to-do lists show
 * overdue ones, ones due today and the desk's own. Call inside fillDemoCentre's transaction, after
 * the catalogue, the accounts and the community.
 */
export function fillDemoIntake(db: Db, now: number): IntakeCounts & { waiting: number } {
  const rng = new Rng(DEMO_INTAKE_SEED);
  const today = shanghaiDate(now);
  const calendar = loadCalendar(db);
  setRules(db, { ...DEFAULT_RULES, counterCount: COUNTERS });
  const world = loadIntakeWorld(db, today, { calendar, counterCount: COUNTERS, weights: WEIGHTS, deskOrder: ['qiantai', 'zhiban', 'admin'] });
  const days: string[] = [];
  for (let d = addDays(today, -1); days.length < DEMO_INTAKE_DAYS; d = addDays(d, -1)) if (isWorkingDay(d, calendar)) days.unshift(d);
  const recent = days[days.length - 6]!;
  // The desk user's own staff record if it has one, else the duty worker's: their 我的待办 is never empty.
  const mine = (
    db.prepare(`SELECT staff_id FROM users WHERE role IN ('desk', 'duty') AND staff_id IS NOT NULL ORDER BY role = 'desk' DESC, username LIMIT 1`).get() as
      | { staff_id: string }
      | undefined
  )?.staff_id;
  const counts = fillIntakeHistory(
    db,
    rng,
    world,
    {
      days,
      volume: (_day, _i, r) => ({ tickets: r.int(24, 40), otherRequests: r.int(5, 9) }),
      windowRequestShare: 0.45,
      favouriteAssignee: mine,
      keepOpen: (q, r) =>
        (q.dueDate === today && r.chance(0.7)) ||
        (q.dueDate < today && q.receivedDay >= recent && r.chance(0.35)) ||
        (mine !== undefined && q.assigneeStaffId === mine && q.receivedDay >= recent && r.chance(0.7)),
    },
    now,
  );
  return { ...counts, waiting: fillWaitingToday(db, rng, world, today, now, WAITING_TODAY) };
}
