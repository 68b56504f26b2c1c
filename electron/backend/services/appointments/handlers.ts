import { defineHandlers } from '../../api/types';
import { requireUser, type Ctx } from '../../context';
import { writeAudit } from '../audit/audit';
import { loadCalendar } from '../catalogue/calendar';
import { bookAppointment } from './book';
import { callList, callListRow, defaultCallDay } from './callList';
import { localNow } from './clock';
import { findByNumber, getAppointmentDetail, residentAppointments } from './detail';
import { sweepNoShows } from './noShowSweep';
import { getOffer } from './offer';
import { getAppointmentRules, saveAppointmentRules } from './rules';
import { daySlots, daysFree } from './slots';
import { getStationService, listStationServices, saveStationService } from './stationServices';
import {
  cancelAppointment,
  checkInAppointment,
  completeAppointment,
  markNoShow,
  rescheduleAppointment,
  setReminded,
} from './transitions';
import { dayView, weekView } from './views';

function dayContext(ctx: Ctx) {
  return { calendar: loadCalendar(ctx.db), rules: getAppointmentRules(ctx.db), now: ctx.clock.now() };
}

function detail(ctx: Ctx, id: string) {
  return getAppointmentDetail(ctx.db, id, ctx.clock.now(), getAppointmentRules(ctx.db), requireUser(ctx).role);
}

/** One write: the automatic no-shows first, then the change in one immediate transaction, announced; answers with the appointment. */
function write(ctx: Ctx, apply: (c: ReturnType<typeof dayContext> & { user: ReturnType<typeof requireUser> }) => string) {
  const c = { ...dayContext(ctx), user: requireUser(ctx) };
  sweepNoShows(ctx.db, c.now);
  const id = ctx.db.transaction(() => apply(c)).immediate();
  ctx.changed('appointments');
  return detail(ctx, id);
}

/** Reads that show statuses see the automatic no-shows first. */
function swept(ctx: Ctx): void {
  if (sweepNoShows(ctx.db, ctx.clock.now()) > 0) ctx.changed('appointments');
}

export const appointmentsHandlers = defineHandlers({
  'stationServices.list': (input, ctx) => listStationServices(ctx.db, input),

  'stationServices.save': (input, ctx) => {
    const now = ctx.clock.now();
    const { id: givenId, ...fields } = input;
    const id = ctx.db
      .transaction(() => {
        const savedId = saveStationService(ctx.db, givenId, fields, now);
        writeAudit(ctx.db, requireUser(ctx), now, {
          action: givenId ? 'stationService.update' : 'stationService.create',
          targetType: 'station_service',
          targetId: savedId,
          detail: fields,
        });
        return savedId;
      })
      .immediate();
    ctx.changed('appointments');
    return getStationService(ctx.db, id);
  },

  'appointments.rules.get': (_input, ctx) => getAppointmentRules(ctx.db),

  'appointments.rules.save': (input, ctx) => {
    const now = ctx.clock.now();
    ctx.db
      .transaction(() => {
        saveAppointmentRules(ctx.db, input);
        writeAudit(ctx.db, requireUser(ctx), now, { action: 'appointments.rules', detail: input });
      })
      .immediate();
    ctx.changed('settings');
    ctx.changed('appointments');
    return getAppointmentRules(ctx.db);
  },

  'appointments.slots': (input, ctx) => daySlots(ctx.db, getOffer(ctx.db, input.stationServiceId), input.day, dayContext(ctx)),

  'appointments.days': (input, ctx) => daysFree(ctx.db, getOffer(ctx.db, input.stationServiceId), input.from, input.to, dayContext(ctx)),

  'appointments.book': (input, ctx) => write(ctx, (c) => bookAppointment(ctx.db, input, c)),

  'appointments.get': (input, ctx) => {
    swept(ctx);
    return detail(ctx, input.id);
  },

  'appointments.findByNumber': (input, ctx) => {
    swept(ctx);
    return findByNumber(ctx.db, input.number, ctx.clock.now(), getAppointmentRules(ctx.db), requireUser(ctx).role);
  },

  'appointments.cancel': (input, ctx) =>
    write(ctx, (c) => {
      cancelAppointment(ctx.db, input.id, input.reason, c.now, c.rules, c.user);
      return input.id;
    }),

  'appointments.reschedule': (input, ctx) => write(ctx, (c) => rescheduleAppointment(ctx.db, input, c)),

  'appointments.checkIn': (input, ctx) => {
    let ticketNumber = '';
    const appointment = write(ctx, (c) => {
      ticketNumber = checkInAppointment(ctx.db, input.id, c.now, c.user, input.counter);
      return input.id;
    });
    ctx.changed('queue');
    ctx.publish('queue.changed', {});
    return { appointment, ticketNumber };
  },

  'appointments.complete': (input, ctx) =>
    write(ctx, (c) => {
      completeAppointment(ctx.db, input.id, input.outcome, c.now, c.user);
      return input.id;
    }),

  'appointments.noShow': (input, ctx) =>
    write(ctx, (c) => {
      markNoShow(ctx.db, input.id, input.note ?? null, c.now, c.user);
      return input.id;
    }),

  'appointments.callList': (input, ctx) => {
    swept(ctx);
    const now = ctx.clock.now();
    return callList(ctx.db, input.day ?? defaultCallDay(ctx.db, localNow(now).today, loadCalendar(ctx.db)), now, requireUser(ctx));
  },

  'appointments.markReminded': (input, ctx) => {
    const now = ctx.clock.now();
    ctx.db.transaction(() => setReminded(ctx.db, input.id, input.reminded, now, requireUser(ctx))).immediate();
    ctx.changed('appointments');
    return callListRow(ctx.db, input.id);
  },

  'appointments.forResident': (input, ctx) => {
    swept(ctx);
    return residentAppointments(ctx.db, input.residentId, ctx.clock.now());
  },

  'appointments.dayView': (input, ctx) => {
    swept(ctx);
    return dayView(ctx.db, input.stationId, input.day, loadCalendar(ctx.db));
  },

  'appointments.weekView': (input, ctx) => {
    swept(ctx);
    return weekView(ctx.db, input.stationId, input.week, loadCalendar(ctx.db));
  },
});
