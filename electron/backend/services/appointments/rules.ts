import type { AppointmentRules } from '../../../../shared/contract/appointments';
import type { Db } from '../../db/open';
import { getSetting, setSetting } from '../centre/settings';

const KEY = 'appointments.rules';
export const DEFAULT_APPOINTMENT_RULES: AppointmentRules = { horizonDays: 30, cutoffMinutes: 120, graceMinutes: 15 };

export function getAppointmentRules(db: Db): AppointmentRules {
  return { ...DEFAULT_APPOINTMENT_RULES, ...getSetting<string, Partial<AppointmentRules>>(db, KEY, {}) };
}

export function saveAppointmentRules(db: Db, rules: AppointmentRules): void {
  setSetting(db, KEY, rules);
}
