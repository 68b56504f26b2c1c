import type { Output } from '../../shared/contract';
import { mondayOf } from '../../shared/rules/rota';
import { shanghaiDate } from '../../shared/rules/time';
import { addDays } from '../../shared/rules/workdays';
import { Rng } from '../../electron/backend/cli/fictional/prng';
import { summarise, timeEach, type Bench, type BenchContext, type BenchResult } from './harness';

/** Issue 5: a week view < 100 ms. Refilling a draft week from a template is the admin's one heavy write. */
const WEEK_BUDGET = 100;
const FILL_BUDGET = 100;
const VIEWS = 100;
const FILLS = 30;

/**
 * The rota through the real dispatcher on the generated dataset (≈ 135,000 assignments over three
 * years at twelve stations): the week plan of all stations (gaps and conflicts across stations), of
 * one station, and refilling next week's draft from a station's template (idempotent, so repeatable).
 */
async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const rng = new Rng(7001);
  const { backend } = await ctx.backend();
  const weeks = (backend.db.prepare('SELECT week FROM rota_weeks ORDER BY week').all() as { week: string }[]).map((r) => r.week);
  if (weeks.length === 0) throw new Error('the bench dataset has no rota; regenerate with tsx tests/bench/generate.ts');
  const stationIds = (backend.db.prepare('SELECT DISTINCT station_id s FROM shifts').all() as { s: string }[]).map((r) => r.s);
  const results: BenchResult[] = [];
  const all = Array.from({ length: VIEWS }, () => ({ week: rng.pick(weeks) }));
  results.push(summarise(`rota.week (all ${stationIds.length} stations, a week)`, await timeEach(all, (q) => ctx.call('rota.week', q)), WEEK_BUDGET));
  const one = Array.from({ length: VIEWS }, () => ({ week: rng.pick(weeks), stationId: rng.pick(stationIds) }));
  results.push(summarise('rota.week (one station, a week)', await timeEach(one, (q) => ctx.call('rota.week', q)), WEEK_BUDGET));

  const draft = addDays(mondayOf(shanghaiDate(Date.now())), 7);
  const status = backend.db.prepare('SELECT status FROM rota_weeks WHERE week = ?').get(draft) as { status: string } | undefined;
  if (status?.status !== 'published') {
    const templates = ((await ctx.call('rota.templates.list', {})) as Output<'rota.templates.list'>).templates.filter((x) => x.active);
    const fills = Array.from({ length: FILLS }, () => ({ week: draft, templateId: rng.pick(templates).id }));
    results.push(summarise('rota.fillFromTemplate (a station, next week’s draft)', await timeEach(fills, (q) => ctx.call('rota.fillFromTemplate', q), 3), FILL_BUDGET));
  }
  return results;
}

export const rotaBench: Bench = { name: 'rota', run };
