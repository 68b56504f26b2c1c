import { shanghaiDate } from '../../shared/rules/time';
import { addDays } from '../../shared/rules/workdays';
import type { Output } from '../../shared/contract';
import { Rng } from '../../electron/backend/cli/fictional/prng';
import { summarise, timeEach, type Bench, type BenchContext, type BenchResult } from './harness';

/** Budgets from issue 5: free slots p95 < 10 ms, a week view < 100 ms. The others are the same desk's screens. */
const SLOTS_BUDGET = 10;
const WEEK_BUDGET = 100;
const DAYS_BUDGET = 50;
const DAY_BUDGET = 50;
const BOOK_BUDGET = 20;

const SAMPLES = 300;
const VIEWS = 100;
const BOOKINGS = 100;

type Offers = Output<'stationServices.list'>;

/**
 * The booking screens through the real dispatcher on the generated dataset (≈ 230,000 appointments at
 * twelve stations): free slots and free days for a station service, the day and week views, and
 * booking (each booking is cancelled again by the admin, so runs leave places free).
 */
async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const rng = new Rng(6001);
  const today = shanghaiDate(Date.now());
  const offers = (await ctx.call('stationServices.list', { activeOnly: true })) as Offers;
  if (!offers.length) throw new Error('the bench dataset has no station services; regenerate with tsx tests/bench/generate.ts');
  const stationIds = [...new Set(offers.map((o) => o.stationId))];
  const someDay = (back: number, ahead: number) => addDays(today, rng.int(-back, ahead));

  const slotQueries = Array.from({ length: SAMPLES }, () => ({ stationServiceId: rng.pick(offers).id, day: someDay(365, 30) }));
  const results = [summarise('appointments.slots (a station service, a day)', await timeEach(slotQueries, (q) => ctx.call('appointments.slots', q)), SLOTS_BUDGET)];

  const dayRanges = Array.from({ length: VIEWS }, () => ({ stationServiceId: rng.pick(offers).id, from: someDay(0, 7) }));
  results.push(summarise('appointments.days (date picker, to the horizon)', await timeEach(dayRanges, (q) => ctx.call('appointments.days', q)), DAYS_BUDGET));

  const dayViews = Array.from({ length: VIEWS }, () => ({ stationId: rng.pick(stationIds), day: someDay(365, 30) }));
  results.push(summarise('appointments.dayView (a station, a day)', await timeEach(dayViews, (q) => ctx.call('appointments.dayView', q)), DAY_BUDGET));

  const weekViews = Array.from({ length: VIEWS }, () => ({ stationId: rng.pick(stationIds), week: someDay(365, 30) }));
  results.push(summarise('appointments.weekView (a station, a week)', await timeEach(weekViews, (q) => ctx.call('appointments.weekView', q)), WEEK_BUDGET));

  // Booking: free places a week or more ahead, for residents with nothing else that day.
  const { backend } = await ctx.backend();
  const residents = (backend.db.prepare('SELECT id FROM residents WHERE voided_at IS NULL LIMIT 20000').all() as { id: string }[]).map((r) => r.id);
  const wishes: { stationServiceId: string; day: string; startMinute: number; residentId: string }[] = [];
  for (let tries = 0; wishes.length < BOOKINGS + 10 && tries < 2000; tries++) {
    const offer = rng.pick(offers);
    const day = addDays(today, rng.int(7, 25));
    const s = (await ctx.call('appointments.slots', { stationServiceId: offer.id, day })) as Output<'appointments.slots'>;
    const free = s.slots.filter((x) => x.free > 0);
    if (!free.length) continue;
    wishes.push({ stationServiceId: offer.id, day, startMinute: rng.pick(free).startMinute, residentId: rng.pick(residents) });
  }
  const booked: string[] = [];
  const samples = await timeEach(
    wishes,
    async (w) => {
      const r = await backend.dispatch((await ctx.backend()).admin, 'appointments.book', w);
      if (r.ok) booked.push((r.value as Output<'appointments.book'>).id);
    },
    10,
  );
  for (const id of booked) await ctx.call('appointments.cancel', { id, reason: '基准测试' });
  results.push(summarise('appointments.book (all checks, one transaction)', samples, BOOK_BUDGET));
  return results;
}

export const appointmentsBench: Bench = { name: 'appointments', run };
