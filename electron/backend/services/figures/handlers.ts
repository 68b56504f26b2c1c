import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { exportFigures } from './exportFigures';
import { computeFigures } from './figures';

export const figuresHandlers = defineHandlers({
  'figures.get': (input, ctx) => computeFigures(ctx.db, input.from, input.to, ctx.clock.now()),
  'figures.export': (input, ctx) => exportFigures(ctx.db, input.from, input.to, ctx.clock.now(), requireUser(ctx)),
});
