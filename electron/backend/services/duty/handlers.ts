import { fail } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import { requireUser, type Ctx } from '../../context';
import { defineHandlers } from '../../api/types';
import { writeAudit } from '../audit/audit';
import { attendance } from './attendance';
import { issueBadge, staffOfBadge } from './badge';
import { buildAttendanceWorkbook } from './exportAttendance';
import { checkStaffPin } from './pin';
import { checkIn, checkOut, type PunchMethod } from './punch';
import { getDutyRules, saveDutyRules } from './rules';
import { onDutyNow, stationDay } from './station';

interface Presence {
  stationId: string;
  staffId?: string;
  pin?: string;
  badge?: string;
}

/** Who is at the machine: a scanned badge, or a tapped name with its PIN (slow hash, lockout). */
async function identify(ctx: Ctx, input: Presence): Promise<{ who: { staffId: string; name: string }; method: PunchMethod }> {
  if (input.badge) return { who: staffOfBadge(ctx.db, ctx.secrets, input.badge), method: 'badge' };
  if (!input.staffId) throw fail.validation('duty.staff.required', 'staffId');
  if (!input.pin) throw fail.validation('duty.pin.required', 'pin');
  const { name } = await checkStaffPin(ctx.db, input.staffId, input.pin, ctx.clock.now());
  return { who: { staffId: input.staffId, name }, method: 'pin' };
}

function punch(ctx: Ctx, input: Presence, apply: typeof checkIn) {
  return identify(ctx, input).then(({ who, method }) => {
    const out = apply(ctx.db, ctx.clock.now(), getDutyRules(ctx.db), who, input.stationId, method);
    ctx.changed('duty');
    return out;
  });
}

export const dutyHandlers = defineHandlers({
  'duty.checkIn': (input, ctx) => punch(ctx, input, checkIn),
  'duty.checkOut': (input, ctx) => punch(ctx, input, checkOut),
  'duty.station': (input, ctx) => {
    const now = ctx.clock.now();
    return stationDay(ctx.db, input.stationId, input.day ?? shanghaiDate(now), now, getDutyRules(ctx.db));
  },
  'duty.onDutyNow': (_input, ctx) => onDutyNow(ctx.db, ctx.clock.now(), getDutyRules(ctx.db)),
  'duty.rules.get': (_input, ctx) => getDutyRules(ctx.db),
  'duty.rules.save': (input, ctx) => {
    const now = ctx.clock.now();
    ctx.db
      .transaction(() => {
        saveDutyRules(ctx.db, input);
        writeAudit(ctx.db, requireUser(ctx), now, { action: 'duty.rules.save', detail: input });
      })
      .immediate();
    ctx.changed('duty');
    return { ok: true as const };
  },
  'duty.badge': (input, ctx) =>
    ctx.db.transaction(() => issueBadge(ctx.db, ctx.secrets, input.staffId, false, ctx.clock.now(), requireUser(ctx))).immediate(),
  'duty.badge.reissue': (input, ctx) =>
    ctx.db.transaction(() => issueBadge(ctx.db, ctx.secrets, input.staffId, true, ctx.clock.now(), requireUser(ctx))).immediate(),
  'duty.attendance': (input, ctx) => ({ month: input.month, rows: attendance(ctx.db, input.month, ctx.clock.now()) }),
  'duty.attendanceExport': async (input, ctx) => {
    const now = ctx.clock.now();
    const file = await buildAttendanceWorkbook(input.month, attendance(ctx.db, input.month, now), now);
    ctx.db
      .transaction(() => writeAudit(ctx.db, requireUser(ctx), now, { action: 'duty.attendance.export', detail: { month: input.month, rows: file.rows } }))
      .immediate();
    return file;
  },
});
