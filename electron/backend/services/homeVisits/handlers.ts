import { requireUser, type Ctx } from '../../context';
import { defineHandlers } from '../../api/types';
import { cancelHomeVisit, completeHomeVisit } from './finish';
import { createHomeVisit, rescheduleHomeVisit } from './plan';
import { dayPlan, getHomeVisit, listHomeVisits, visitsForRequest } from './queries';

/** One write in its own transaction; a visit tied to a request moves the request too, so both are announced. */
function write(ctx: Ctx, apply: (now: number) => string) {
  const now = ctx.clock.now();
  const id = ctx.db.transaction(() => apply(now)).immediate();
  ctx.changed('homeVisits');
  ctx.changed('requests');
  return getHomeVisit(ctx.db, id);
}

export const homeVisitsHandlers = defineHandlers({
  'homeVisits.create': (input, ctx) => write(ctx, (now) => createHomeVisit(ctx.db, input, now, requireUser(ctx))),

  'homeVisits.get': (input, ctx) => getHomeVisit(ctx.db, input.id),

  'homeVisits.dayPlan': (input, ctx) => dayPlan(ctx.db, input.day, input.staffId),

  'homeVisits.list': (input, ctx) => listHomeVisits(ctx.db, input),

  'homeVisits.forRequest': (input, ctx) => visitsForRequest(ctx.db, input.requestId),

  'homeVisits.complete': (input, ctx) =>
    write(ctx, (now) => {
      completeHomeVisit(ctx.db, input.id, input.outcome, now, requireUser(ctx));
      return input.id;
    }),

  'homeVisits.cancel': (input, ctx) =>
    write(ctx, (now) => {
      cancelHomeVisit(ctx.db, input.id, input.reason, now, requireUser(ctx));
      return input.id;
    }),

  'homeVisits.reschedule': (input, ctx) =>
    write(ctx, (now) => {
      rescheduleHomeVisit(ctx.db, input, now, requireUser(ctx));
      return input.id;
    }),
});
