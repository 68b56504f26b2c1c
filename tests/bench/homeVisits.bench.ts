import { addDays } from '../../shared/rules/workdays';
import { Rng } from '../../electron/backend/cli/fictional/prng';
import { summarise, timeEach, type Bench, type BenchContext, type BenchResult } from './harness';

/** Our own budgets (the issue names none for visits): a day plan as fast as a slot list, a list page as a week view. */
const PLAN_BUDGET = 10;
const LIST_BUDGET = 100;
const N = 200;

/**
 * Home visits through the real dispatcher on the generated dataset (≈ 176,000 visits over five
 * years, thirty visiting staff, up to ~120 on one day): the day plan of everyone and of one staff member, and the list
 * of a month (first page, and one staff member's month).
 */
async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const rng = new Rng(7005);
  const { backend } = await ctx.backend();
  const span = backend.db.prepare('SELECT min(day) first, max(day) last FROM home_visits').get() as { first: string | null; last: string | null };
  if (!span.first || !span.last) throw new Error('the bench dataset has no home visits; regenerate with tsx tests/bench/generate.ts');
  const staff = (backend.db.prepare('SELECT DISTINCT staff_id s FROM home_visits').all() as { s: string }[]).map((r) => r.s);
  const days: string[] = [];
  for (let d = span.first; d <= span.last; d = addDays(d, 1)) days.push(d);
  const results: BenchResult[] = [];

  const everyone = Array.from({ length: N }, () => ({ day: rng.pick(days) }));
  results.push(summarise('homeVisits.dayPlan (everyone, a day)', await timeEach(everyone, (q) => ctx.call('homeVisits.dayPlan', q)), PLAN_BUDGET));
  const one = Array.from({ length: N }, () => ({ day: rng.pick(days), staffId: rng.pick(staff) }));
  results.push(summarise('homeVisits.dayPlan (one staff member, a day)', await timeEach(one, (q) => ctx.call('homeVisits.dayPlan', q)), PLAN_BUDGET));

  const month = () => {
    const from = rng.pick(days.slice(0, -30));
    return { from, to: addDays(from, 30) };
  };
  const lists = Array.from({ length: N }, () => ({ ...month(), limit: 50, offset: 0 }));
  results.push(summarise('homeVisits.list (a month, first page of 50)', await timeEach(lists, (q) => ctx.call('homeVisits.list', q)), LIST_BUDGET));
  const mine = Array.from({ length: N }, () => ({ ...month(), staffId: rng.pick(staff), status: 'completed', limit: 50, offset: 0 }));
  results.push(summarise('homeVisits.list (one staff member’s completed, a month)', await timeEach(mine, (q) => ctx.call('homeVisits.list', q)), LIST_BUDGET));
  const year = Array.from({ length: 50 }, () => {
    const from = rng.pick(days.slice(0, -365));
    return { from, to: addDays(from, 365), limit: 50, offset: rng.int(0, 50) * 50 };
  });
  results.push(summarise('homeVisits.list (a year, a page deep in it)', await timeEach(year, (q) => ctx.call('homeVisits.list', q)), LIST_BUDGET));
  return results;
}

export const homeVisitsBench: Bench = { name: 'homeVisits', run };
