import { fail } from '../../../../shared/contract';
import { isValidDate } from '../../../../shared/rules/idNumber';
import { addWorkingDays } from '../../../../shared/rules/workdays';
import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { writeAudit } from '../audit/audit';
import { hashSecret } from '../accounts/password';
import { listCalendarYear, loadCalendar, replaceCalendarYears } from './calendar';
import { parseCalendarFile } from './calendarFile';
import { getService, listServices, saveService } from './services';
import { getStaff, listStaff, saveStaff, setStaffPinHash, staffExists } from './staff';
import { getStation, listStations, saveStation } from './stations';

export const catalogueHandlers = defineHandlers({
  'staff.list': (_input, ctx) => listStaff(ctx.db),

  'staff.save': (input, ctx) => {
    const now = ctx.clock.now();
    const { id: givenId, ...fields } = input;
    const id = ctx.db.transaction(() => {
      const savedId = saveStaff(ctx.db, givenId, fields, now);
      writeAudit(ctx.db, requireUser(ctx), now, {
        action: givenId ? 'staff.update' : 'staff.create',
        targetType: 'staff',
        targetId: savedId,
        detail: { name: fields.name, roles: fields.roles, stationIds: fields.stationIds, active: fields.active },
      });
      return savedId;
    }).immediate();
    ctx.changed('staff');
    return getStaff(ctx.db, id);
  },

  'staff.setPin': async (input, ctx) => {
    if (!staffExists(ctx.db, input.id)) throw fail.notFound('staff.notFound');
    const hash = await hashSecret(input.pin);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      setStaffPinHash(ctx.db, input.id, hash, now);
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'staff.setPin', targetType: 'staff', targetId: input.id });
    })();
    ctx.changed('staff');
    return { ok: true };
  },

  'services.list': (_input, ctx) => listServices(ctx.db),

  'services.save': (input, ctx) => {
    const now = ctx.clock.now();
    const { id: givenId, ...fields } = input;
    const id = ctx.db.transaction(() => {
      const savedId = saveService(ctx.db, givenId, fields, now);
      writeAudit(ctx.db, requireUser(ctx), now, {
        action: givenId ? 'service.update' : 'service.create',
        targetType: 'service',
        targetId: savedId,
        detail: fields,
      });
      return savedId;
    }).immediate();
    ctx.changed('services');
    return getService(ctx.db, id);
  },

  'stations.list': (_input, ctx) => listStations(ctx.db),

  'stations.save': (input, ctx) => {
    const now = ctx.clock.now();
    const { id: givenId, ...fields } = input;
    const id = ctx.db.transaction(() => {
      const savedId = saveStation(ctx.db, givenId, fields, now);
      writeAudit(ctx.db, requireUser(ctx), now, {
        action: givenId ? 'station.update' : 'station.create',
        targetType: 'station',
        targetId: savedId,
        detail: { name: fields.name, hours: fields.hours, active: fields.active },
      });
      return savedId;
    }).immediate();
    ctx.changed('stations');
    return getStation(ctx.db, id);
  },

  'calendar.list': (input, ctx) => listCalendarYear(ctx.db, input.year),

  'calendar.import': (input, ctx) => {
    const years = parseCalendarFile(input.json);
    const days = years.reduce((n, y) => n + y.days.length, 0);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      replaceCalendarYears(ctx.db, years, 'import');
      writeAudit(ctx.db, requireUser(ctx), now, {
        action: 'calendar.import',
        targetType: 'calendar',
        detail: { years: years.map((y) => y.year), days },
      });
    }).immediate();
    ctx.changed('calendar');
    return { years: years.map((y) => y.year), days };
  },

  'calendar.addWorkingDays': (input, ctx) => {
    const [y, m, d] = input.from.split('-').map(Number) as [number, number, number];
    if (!isValidDate(y, m, d)) throw fail.validation('validation.badDate', 'from');
    return { date: addWorkingDays(input.from, input.days, loadCalendar(ctx.db)) };
  },
});
