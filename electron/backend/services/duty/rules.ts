import type { DutyRules } from '../../../../shared/contract/duty';
import type { Db } from '../../db/open';
import { getSetting, setSetting } from '../centre/settings';

export const DEFAULT_DUTY_RULES: DutyRules = { lateGraceMinutes: 5, earlyGraceMinutes: 5, windowMinutes: 60, missedOutMinutes: 60 };

export function getDutyRules(db: Db): DutyRules {
  return { ...DEFAULT_DUTY_RULES, ...getSetting(db, 'duty.rules', {}) };
}

export function saveDutyRules(db: Db, rules: DutyRules): void {
  setSetting(db, 'duty.rules', rules);
}

const MINUTE = 60_000;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Midnight in Shanghai at the start of a date, as epoch ms. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}

/** The instant a shift minute (0–1440) of a date falls on. */
export function shiftInstant(day: string, minute: number): number {
  return dayStartMs(day) + minute * MINUTE;
}

/**
 * Whole minutes late, counted from the shift's start (08:05:59 is 5 minutes); 0 unless it is more
 * than the grace, so a recorded lateness is always a lateness.
 */
export function lateMinutes(inAt: number, startAt: number, graceMinutes: number): number {
  const m = Math.floor((inAt - startAt) / MINUTE);
  return m > graceMinutes ? m : 0;
}

/** Whole minutes before the shift's end (11:54:01 before 12:00 is 5); 0 unless more than the grace. */
export function earlyMinutes(outAt: number, endAt: number, graceMinutes: number): number {
  const m = Math.floor((endAt - outAt) / MINUTE);
  return m > graceMinutes ? m : 0;
}

/** When an open session becomes a missed check-out: its shift's end + N minutes, at the latest the day's end. */
export function missedOutAt(day: string, endMinute: number | null, rules: DutyRules): number {
  const dayEnd = shiftInstant(day, 1440);
  if (endMinute === null) return dayEnd;
  return Math.min(dayEnd, shiftInstant(day, endMinute) + rules.missedOutMinutes * MINUTE);
}

export const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
