import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { writeAudit } from '../audit/audit';
import { createGridNode, gridTree, removeGridNode, renameGridNode } from './grid';

export const gridHandlers = defineHandlers({
  'grid.tree': (_input, ctx) => gridTree(ctx.db),
  'grid.create': (input, ctx) => {
    const node = ctx.db.transaction(() => createGridNode(ctx.db, input.parentId, input.name, ctx.clock.now()))();
    ctx.changed('grid');
    return node;
  },
  'grid.rename': (input, ctx) => {
    ctx.db.transaction(() => renameGridNode(ctx.db, input.id, input.name))();
    ctx.changed('grid');
    return { ok: true };
  },
  'grid.remove': (input, ctx) => {
    ctx.db.transaction(() => {
      const node = removeGridNode(ctx.db, input.id, ctx.clock.now());
      writeAudit(ctx.db, requireUser(ctx), ctx.clock.now(), { action: 'grid.remove', targetType: 'grid', targetId: input.id, detail: { name: node.name } });
    })();
    ctx.changed('grid');
    return { ok: true };
  },
});
