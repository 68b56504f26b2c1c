import { z } from 'zod';
import type { CallDef } from './define';
import { call } from './define';
import { ADMIN, STAFF } from './roles';
import { exportedFile, id, isoDate, ok } from './common';

/** Check-in and check-out at the station (SPEC §6.4) and monthly attendance (SPEC §6.5). */

/** What the station's machine sends: a tapped name with the PIN, or a scanned badge ('LXS1:…'). */
const presence = z.object({
  stationId: id,
  staffId: id.optional(),
  pin: z.string().regex(/^\d{4,8}$/, 'duty.pin.format').optional(),
  badge: z.string().max(200, 'duty.badge.invalid').optional(),
});

export const dutyRules = z.object({
  /** Late when the check-in comes more than this many whole minutes after the shift's start. */
  lateGraceMinutes: z.number('validation.invalidType').int().min(0).max(120),
  /** Early leave when the check-out comes more than this many whole minutes before the shift's end. */
  earlyGraceMinutes: z.number('validation.invalidType').int().min(0).max(120),
  /** A check-in this many minutes before a shift's start already counts for that shift. */
  windowMinutes: z.number('validation.invalidType').int().min(0).max(240),
  /** A session still open this long after its shift's end is a missed check-out (缺卡). */
  missedOutMinutes: z.number('validation.invalidType').int().min(0).max(720),
});
export type DutyRules = z.infer<typeof dutyRules>;

const shiftRef = z.object({ name: z.string(), start: z.string(), end: z.string() });

export const punchResult = z.object({
  action: z.enum(['in', 'out']),
  sessionId: z.string(),
  name: z.string(),
  stationName: z.string(),
  at: z.number(),
  shift: shiftRef.nullable(),
  lateMinutes: z.number(),
  earlyMinutes: z.number(),
  /** Present without a planned shift at this station now. */
  unscheduled: z.boolean(),
  /** A previous session left open was marked as a missed check-out on the way. */
  closedMissed: z.boolean(),
});
export type PunchResult = z.infer<typeof punchResult>;

export const DUTY_STATES = ['waiting', 'in', 'late', 'out', 'missed', 'absent'] as const;
export type DutyState = (typeof DUTY_STATES)[number];

const stationPerson = z.object({
  staffId: z.string(),
  name: z.string(),
  assignmentId: z.string(),
  state: z.enum(DUTY_STATES),
  inAt: z.number().nullable(),
  outAt: z.number().nullable(),
  lateMinutes: z.number(),
  earlyMinutes: z.number(),
});

export const stationDay = z.object({
  stationId: z.string(),
  stationName: z.string(),
  day: z.string(),
  shifts: z.array(shiftRef.extend({ shiftId: z.string(), people: z.array(stationPerson) })),
  unscheduled: z.array(z.object({ staffId: z.string(), name: z.string(), inAt: z.number(), outAt: z.number().nullable(), status: z.string() })),
  /** Active staff of the station (or with a PIN) not planned today: they may still check in. */
  others: z.array(z.object({ staffId: z.string(), name: z.string() })),
});
export type StationDay = z.infer<typeof stationDay>;

export const onDutyNow = z.object({
  stations: z.array(
    z.object({
      stationId: z.string(),
      stationName: z.string(),
      people: z.array(z.object({ staffId: z.string(), name: z.string(), since: z.number(), shiftName: z.string().nullable() })),
    }),
  ),
});

const attendanceMonth = z.string('validation.required').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'duty.month.format');

export const attendanceRow = z.object({
  staffId: z.string(),
  name: z.string(),
  scheduledShifts: z.number(),
  scheduledMinutes: z.number(),
  attendedMinutes: z.number(),
  lateCount: z.number(),
  lateMinutes: z.number(),
  earlyCount: z.number(),
  absences: z.number(),
  missedOut: z.number(),
  unscheduled: z.number(),
  unscheduledMinutes: z.number(),
});
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const badge = z.object({ staffId: z.string(), name: z.string(), version: z.number(), code: z.string() });

export const dutyContract = {
  'duty.checkIn': call({ summary: '在驿站签到（PIN 或工牌）', access: STAFF, input: presence, output: punchResult }),
  'duty.checkOut': call({ summary: '在驿站签退（PIN 或工牌）', access: STAFF, input: presence, output: punchResult }),
  'duty.station': call({
    summary: '某驿站某天的班次、应到人员和签到状态',
    access: STAFF,
    input: z.object({ stationId: id, day: isoDate.optional() }),
    output: stationDay,
  }),
  'duty.onDutyNow': call({ summary: '各驿站此刻在岗人员', access: STAFF, input: z.object({}), output: onDutyNow }),
  'duty.rules.get': call({ summary: '签到规则', access: STAFF, input: z.object({}), output: dutyRules }),
  'duty.rules.save': call({ summary: '保存签到规则', access: ADMIN, input: dutyRules, output: ok }),
  'duty.badge': call({ summary: '工作人员工牌二维码', access: ADMIN, input: z.object({ staffId: id }), output: badge }),
  'duty.badge.reissue': call({ summary: '补发工牌（旧工牌作废）', access: ADMIN, input: z.object({ staffId: id }), output: badge }),
  'duty.attendance': call({
    summary: '月度考勤统计',
    access: ADMIN,
    input: z.object({ month: attendanceMonth }),
    output: z.object({ month: z.string(), rows: z.array(attendanceRow) }),
  }),
  'duty.attendanceExport': call({ summary: '导出月度考勤 Excel', access: ADMIN, input: z.object({ month: attendanceMonth }), output: exportedFile }),
} satisfies Record<string, CallDef>;
