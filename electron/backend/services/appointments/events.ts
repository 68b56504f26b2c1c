import type { APPOINTMENT_ACTIONS } from '../../../../shared/contract/appointments';
import type { Db } from '../../db/open';
import type { SessionUser } from '../../context';
import { enqueueOutbox } from '../outbox/outbox';
import type { AppointmentStatus } from './rows';

export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** The name the history shows for changes the system makes by itself (the automatic no-show). */
export const SYSTEM_NAME = '系统';

/**
 * Appends to the appointment's history (the table refuses updates and deletes). A change of status
 * also goes to the county's outbox in the same transaction: the figures it needs (station, service,
 * day, status), never the resident.
 */
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
  if (action === 'reminded' || action === 'unreminded') return;
  const a = db.prepare('SELECT number, station_id, service_id, day, start_minute FROM appointments WHERE id = ?').get(appointmentId) as {
    number: string;
    station_id: string;
    service_id: string;
    day: string;
    start_minute: number;
  };
  enqueueOutbox(db, at, {
    stream: 'appointments',
    kind: 'appointment.status',
    recordId: appointmentId,
    payload: { number: a.number, stationId: a.station_id, serviceId: a.service_id, day: a.day, startMinute: a.start_minute, action, status, at },
  });
}
