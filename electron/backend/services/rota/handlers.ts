import { requireUser, type Ctx } from '../../context';
import { defineHandlers } from '../../api/types';
import { checkStaffPin } from '../duty/pin';
import { assign, assignmentRow, publishWeek, unassign } from './assignments';
import { listShifts, saveShift, toShift, getShiftRow } from './shifts';
import { acceptSwap, approveSwap, askSwap, declineSwap, getSwap, listSwaps, pinHolder, rejectSwap, upcomingAssignments, withdrawSwap } from './swaps';
import { fillFromTemplate, getTemplate, listTemplates, saveTemplate } from './templates';
import { weekPlan } from './weekPlan';

/** One write in one transaction, then the rota topic is announced. */
function write<T>(ctx: Ctx, apply: (now: number) => T): T {
  const now = ctx.clock.now();
  const out = ctx.db.transaction(() => apply(now)).immediate();
  ctx.changed('rota');
  return out;
}

/** A swap step taken by a staff member at the desk: their PIN (slow hash, lockout) first, then the write. */
async function byPin(ctx: Ctx, staffId: string, pin: string, apply: (now: number) => string) {
  await checkStaffPin(ctx.db, staffId, pin, ctx.clock.now());
  const id = write(ctx, apply);
  return getSwap(ctx.db, id);
}

export const rotaHandlers = defineHandlers({
  'rota.shifts.list': (input, ctx) => ({ shifts: listShifts(ctx.db, input.stationId) }),
  'rota.shifts.save': (input, ctx) => toShift(getShiftRow(ctx.db, write(ctx, (now) => saveShift(ctx.db, input, now)))),
  'rota.templates.list': (input, ctx) => ({ templates: listTemplates(ctx.db, input.stationId) }),
  'rota.templates.save': (input, ctx) => getTemplate(ctx.db, write(ctx, (now) => saveTemplate(ctx.db, input, now))),
  'rota.week': (input, ctx) => weekPlan(ctx.db, input.week, input.stationId),
  'rota.fillFromTemplate': (input, ctx) => write(ctx, (now) => fillFromTemplate(ctx.db, input.week, input.templateId, now, requireUser(ctx))),
  'rota.assign': (input, ctx) => {
    write(ctx, (now) => assign(ctx.db, input, now, requireUser(ctx)));
    return { ok: true as const };
  },
  'rota.unassign': (input, ctx) => {
    write(ctx, (now) => unassign(ctx.db, input.assignmentId, now, requireUser(ctx)));
    return { ok: true as const };
  },
  'rota.publish': (input, ctx) => {
    write(ctx, (now) => publishWeek(ctx.db, input.week, now, requireUser(ctx)));
    return { ok: true as const };
  },
  'rota.upcoming': (input, ctx) => ({ assignments: upcomingAssignments(ctx.db, input.staffId, ctx.clock.now()) }),
  'rota.swaps.list': (input, ctx) => ({ swaps: listSwaps(ctx.db, input.open) }),
  'rota.swaps.ask': (input, ctx) =>
    byPin(ctx, assignmentRow(ctx.db, input.assignmentId).staff_id, input.pin, (now) => askSwap(ctx.db, input, now, requireUser(ctx))),
  'rota.swaps.accept': (input, ctx) =>
    byPin(ctx, pinHolder(ctx.db, input.id, 'to'), input.pin, (now) => {
      acceptSwap(ctx.db, input.id, now, requireUser(ctx));
      return input.id;
    }),
  'rota.swaps.decline': (input, ctx) =>
    byPin(ctx, pinHolder(ctx.db, input.id, 'to'), input.pin, (now) => {
      declineSwap(ctx.db, input.id, input.note ?? null, now, requireUser(ctx));
      return input.id;
    }),
  'rota.swaps.withdraw': (input, ctx) =>
    byPin(ctx, pinHolder(ctx.db, input.id, 'from'), input.pin, (now) => {
      withdrawSwap(ctx.db, input.id, now, requireUser(ctx));
      return input.id;
    }),
  'rota.swaps.approve': (input, ctx) => {
    write(ctx, (now) => approveSwap(ctx.db, input.id, input.note ?? null, now, requireUser(ctx)));
    return getSwap(ctx.db, input.id);
  },
  'rota.swaps.reject': (input, ctx) => {
    write(ctx, (now) => rejectSwap(ctx.db, input.id, input.note, now, requireUser(ctx)));
    return getSwap(ctx.db, input.id);
  },
});
