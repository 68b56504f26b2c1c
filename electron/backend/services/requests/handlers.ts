import { shanghaiDate } from '../../../../shared/rules/time';
import { requireUser, type Ctx } from '../../context';
import { defineHandlers } from '../../api/types';
import { createRequest } from './create';
import { auditRequestsExport } from './exportRequests';
import { feedbackRequest, rerouteRequest, resolveRequest, startRequest, voidRequest } from './lifecycle';
import { getRequestDetail } from './queries';
import { todoCounts, todoList } from './todo';

/** Runs one write in its own transaction, announces it, and answers with the request as it now is. */
function write(ctx: Ctx, apply: (now: number) => string) {
  const now = ctx.clock.now();
  const id = ctx.db.transaction(() => apply(now)).immediate();
  ctx.changed('requests');
  return getRequestDetail(ctx.db, id, shanghaiDate(now));
}

export const requestsHandlers = defineHandlers({
  'requests.create': (input, ctx) => write(ctx, (now) => createRequest(ctx.db, input, now, requireUser(ctx))),

  'requests.get': (input, ctx) => getRequestDetail(ctx.db, input.id, shanghaiDate(ctx.clock.now())),

  // The list and its export can scan a million rows: they run on the read worker.
  'requests.list': (input, ctx) => ctx.reads.run('requests.list', input, ctx.clock.now()),

  'requests.export': async (input, ctx) => {
    const file = await ctx.reads.run('requests.export', input, ctx.clock.now());
    auditRequestsExport(ctx.db, requireUser(ctx), ctx.clock.now(), input, file.rows);
    return file;
  },

  'requests.todo': (input, ctx) => todoList(ctx.db, input.list, requireUser(ctx).userId, input.counter, shanghaiDate(ctx.clock.now())),

  'requests.todoCounts': (input, ctx) => todoCounts(ctx.db, requireUser(ctx).userId, input.counter, shanghaiDate(ctx.clock.now())),

  'requests.reroute': (input, ctx) =>
    write(ctx, (now) => {
      rerouteRequest(ctx.db, input.id, input, now, requireUser(ctx));
      return input.id;
    }),

  'requests.start': (input, ctx) =>
    write(ctx, (now) => {
      startRequest(ctx.db, input.id, input.note ?? null, now, requireUser(ctx));
      return input.id;
    }),

  'requests.resolve': (input, ctx) =>
    write(ctx, (now) => {
      resolveRequest(ctx.db, input.id, input.resolution, now, requireUser(ctx));
      return input.id;
    }),

  'requests.feedback': (input, ctx) =>
    write(ctx, (now) => {
      feedbackRequest(ctx.db, input.id, input.satisfaction, input.note ?? null, now, requireUser(ctx));
      return input.id;
    }),

  'requests.void': (input, ctx) =>
    write(ctx, (now) => {
      voidRequest(ctx.db, input.id, input.reason, now, requireUser(ctx));
      return input.id;
    }),
});
