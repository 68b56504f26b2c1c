import { shanghaiDate } from '../../../../shared/rules/time';
import { defineHandlers } from '../../api/types';
import { requireUser, type Ctx } from '../../context';
import { writeAudit } from '../audit/audit';
import { callNext, finish, noShow, recall, returnTicket, transfer } from './calls';
import { closeCounter, counterState, listCounters, openCounter, pauseCounter } from './counters';
import { displayState, kioskState, noShowsToday, todayCounts, waitingList } from './display';
import { endDay, ensureDayClosed, listDaySummaries } from './endOfDay';
import { getRules, setRules } from './rules';
import { issueWalkInTicket } from './tickets';

/** The day a call works on, once earlier days are closed. */
function today(ctx: Ctx): string {
  const now = ctx.clock.now();
  ensureDayClosed(ctx.db, now);
  return shanghaiDate(now);
}

/** Staff screens refetch on the topic; the display and kiosk (no session) on the public event. */
function announce(ctx: Ctx): void {
  ctx.changed('queue');
  ctx.publish('queue.changed', {});
}

/** A write to one counter, in one transaction, announced, answered with the counter's state. */
function onCounter(ctx: Ctx, n: number, write: () => void) {
  ensureDayClosed(ctx.db, ctx.clock.now());
  ctx.db.transaction(write).immediate();
  announce(ctx);
  return counterState(ctx.db, n);
}

export const queueHandlers = defineHandlers({
  'kiosk.state': (_input, ctx) => kioskState(ctx.db, today(ctx)),

  'kiosk.issue': (input, ctx) => {
    const issued = issueWalkInTicket(ctx.db, ctx.clock.now(), {
      serviceId: input.serviceId,
      priorityReason: input.priorityReason,
      residentId: null,
      source: 'kiosk',
      userId: ctx.user?.userId ?? null,
    });
    announce(ctx);
    return issued;
  },

  'display.state': (_input, ctx) => displayState(ctx.db, today(ctx)),

  'queue.rules': (_input, ctx) => getRules(ctx.db),

  'queue.saveRules': (input, ctx) => {
    const user = requireUser(ctx);
    ctx.db.transaction(() => {
      const before = getRules(ctx.db);
      setRules(ctx.db, input);
      writeAudit(ctx.db, user, ctx.clock.now(), { action: 'queue.rules.update', targetType: 'settings', detail: { before, after: input } });
    })();
    announce(ctx);
    return getRules(ctx.db);
  },

  'queue.issue': (input, ctx) => {
    const issued = issueWalkInTicket(ctx.db, ctx.clock.now(), {
      serviceId: input.serviceId,
      priorityReason: input.priorityReason,
      residentId: input.residentId,
      source: 'desk',
      userId: requireUser(ctx).userId,
    });
    announce(ctx);
    return issued;
  },

  'queue.counters': (_input, ctx) => {
    today(ctx);
    return listCounters(ctx.db);
  },

  'queue.openCounter': (input, ctx) => onCounter(ctx, input.counter, () => openCounter(ctx.db, input.counter, requireUser(ctx), ctx.clock.now())),
  'queue.pauseCounter': (input, ctx) => onCounter(ctx, input.counter, () => pauseCounter(ctx.db, input.counter, requireUser(ctx), ctx.clock.now())),
  'queue.closeCounter': (input, ctx) => onCounter(ctx, input.counter, () => closeCounter(ctx.db, input.counter, requireUser(ctx), ctx.clock.now())),

  'queue.waiting': (input, ctx) => waitingList(ctx.db, input.counter, today(ctx), ctx.clock.now()),

  'queue.callNext': (input, ctx) => {
    const r = callNext(ctx.db, input.counter, input.after, requireUser(ctx), ctx.clock.now());
    if (r.changed) announce(ctx);
    if (r.call) ctx.publish('queue.called', r.call);
    return counterState(ctx.db, input.counter);
  },

  'queue.recall': (input, ctx) => {
    const call = recall(ctx.db, input.counter, input.ticketId, requireUser(ctx), ctx.clock.now());
    announce(ctx);
    ctx.publish('queue.called', call);
    return counterState(ctx.db, input.counter);
  },

  'queue.finish': (input, ctx) => {
    finish(ctx.db, input.counter, input.ticketId, requireUser(ctx), ctx.clock.now());
    announce(ctx);
    return counterState(ctx.db, input.counter);
  },

  'queue.noShow': (input, ctx) => {
    noShow(ctx.db, input.counter, input.ticketId, requireUser(ctx), ctx.clock.now());
    announce(ctx);
    return counterState(ctx.db, input.counter);
  },

  'queue.returnTicket': (input, ctx) => {
    const t = returnTicket(ctx.db, input.ticketId, requireUser(ctx), ctx.clock.now());
    announce(ctx);
    return t;
  },

  'queue.transfer': (input, ctx) => {
    transfer(ctx.db, input.counter, input, requireUser(ctx), ctx.clock.now());
    announce(ctx);
    return counterState(ctx.db, input.counter);
  },

  'queue.noShows': (_input, ctx) => noShowsToday(ctx.db, today(ctx)),

  'queue.today': (_input, ctx) => todayCounts(ctx.db, today(ctx)),

  'queue.endDay': (_input, ctx) => {
    const user = requireUser(ctx);
    const now = ctx.clock.now();
    const written = ctx.db
      .transaction(() => {
        const summaries = endDay(ctx.db, now, user.userId);
        writeAudit(ctx.db, user, now, { action: 'queue.endDay', targetType: 'queue_day', targetId: shanghaiDate(now), detail: { summaries } });
        return summaries;
      })
      .immediate();
    announce(ctx);
    return written;
  },

  'queue.daySummaries': (input, ctx) => {
    today(ctx);
    return listDaySummaries(ctx.db, input.limit);
  },
});
