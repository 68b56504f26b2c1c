import { requireUser, type Ctx } from '../../context';
import { defineHandlers } from '../../api/types';
import { ensureDayClosed } from '../queue/endOfDay';
import { auditFiguresExport } from './exportFigures';

/**
 * Yesterday's leftovers become unserved on the first queue call of a day; the figures may be the
 * first thing opened in the morning, so they close earlier days too before reading (the worker's
 * connection is read-only).
 */
function closedUpTo(ctx: Ctx): number {
  const now = ctx.clock.now();
  ensureDayClosed(ctx.db, now);
  return now;
}

/** Both read years of records: they run on the read worker (electron/backend/reads). */
export const figuresHandlers = defineHandlers({
  'figures.get': (input, ctx) => ctx.reads.run('figures.get', input, closedUpTo(ctx)),
  'figures.export': async (input, ctx) => {
    const file = await ctx.reads.run('figures.export', input, closedUpTo(ctx));
    auditFiguresExport(ctx.db, requireUser(ctx), ctx.clock.now(), input.from, input.to);
    return file;
  },
});
