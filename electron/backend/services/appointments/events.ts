import type { APPOINTMENT_ACTIONS } from '../../../../shared/contract/appointments';
import type { Db } from '../../db/open';
import type { SessionUser } from '../../context';
import type { AppointmentStatus } from './rows';

export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** The name the history shows for changes the system makes by itself (the automatic no-show). */
export const SYSTEM_NAME = '系统';

/** Appends to the appointment's history (the table refuses updates and deletes). */
export function addEvent(
  db: Db,
  appointmentId: string,
  at: number,
  action: AppointmentAction,
  status: AppointmentStatus,
  user: Pick<SessionUser, 'userId' | 'displayName'> | null,
  note: string | null = null,
): void {
  db.prepare(
    `INSERT INTO appointment_events (appointment_id, at, action, status, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(appointmentId, at, action, status, user?.userId ?? null, user?.displayName ?? SYSTEM_NAME, note);
}
