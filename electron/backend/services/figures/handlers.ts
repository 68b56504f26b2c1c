import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { auditFiguresExport } from './exportFigures';

/** Both read years of records: they run on the read worker (electron/backend/reads). */
export const figuresHandlers = defineHandlers({
  'figures.get': (input, ctx) => ctx.reads.run('figures.get', input, ctx.clock.now()),
  'figures.export': async (input, ctx) => {
    const file = await ctx.reads.run('figures.export', input, ctx.clock.now());
    auditFiguresExport(ctx.db, requireUser(ctx), ctx.clock.now(), input.from, input.to);
    return file;
  },
});
