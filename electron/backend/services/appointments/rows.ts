import { fail } from '../../../../shared/contract';
import type { AppointmentSummary } from '../../../../shared/contract/appointments';
import { maskPhone } from '../../../../shared/rules/mask';
import type { Db } from '../../db/open';

export type AppointmentStatus = AppointmentSummary['status'];

export interface AppointmentRow {
  id: string;
  number: string;
  station_service_id: string;
  station_id: string;
  service_id: string;
  resident_id: string;
  day: string;
  start_minute: number;
  end_minute: number;
  status: AppointmentStatus;
  note: string | null;
  outcome: string | null;
  cancel_reason: string | null;
  rescheduled_from: string | null;
  rescheduled_to: string | null;
  ticket_id: string | null;
  reminded_at: number | null;
  reminded_by: string | null;
  booked_by: string;
  booked_at: number;
  checked_in_at: number | null;
  finished_at: number | null;
  updated_at: number;
}

/** An appointment with the names every list shows. */
export interface NamedRow extends AppointmentRow {
  station_name: string;
  service_name: string;
  resident_name: string;
  resident_phone: string | null;
}

export const SELECT_NAMED = `
  SELECT a.*, st.name station_name, sv.name service_name, r.name resident_name, r.phone resident_phone
    FROM appointments a JOIN stations st ON st.id = a.station_id JOIN services sv ON sv.id = a.service_id
    JOIN residents r ON r.id = a.resident_id`;

export function toSummary(r: NamedRow): AppointmentSummary {
  return {
    id: r.id,
    number: r.number,
    stationServiceId: r.station_service_id,
    stationId: r.station_id,
    stationName: r.station_name,
    serviceId: r.service_id,
    serviceName: r.service_name,
    residentId: r.resident_id,
    residentName: r.resident_name,
    residentPhoneMasked: r.resident_phone ? maskPhone(r.resident_phone) : null,
    day: r.day,
    startMinute: r.start_minute,
    endMinute: r.end_minute,
    status: r.status,
    note: r.note,
    reminded: r.reminded_at !== null,
  };
}

export function getAppointmentRow(db: Db, id: string): AppointmentRow {
  const row = db.prepare('SELECT * FROM appointments WHERE id = ?').get(id) as AppointmentRow | undefined;
  if (!row) throw fail.notFound('appointment.notFound');
  return row;
}

export function getNamedRow(db: Db, id: string): NamedRow {
  const row = db.prepare(`${SELECT_NAMED} WHERE a.id = ?`).get(id) as NamedRow | undefined;
  if (!row) throw fail.notFound('appointment.notFound');
  return row;
}
