import type { ApptCallListRow } from '../../../../shared/contract/appointments';
import { addWorkingDays, type WorkCalendar } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import type { SessionUser } from '../../context';
import { writeAudit } from '../audit/audit';

interface CallRow {
  id: string;
  number: string;
  start_minute: number;
  end_minute: number;
  resident_id: string;
  resident_name: string;
  phone: string | null;
  service_name: string;
  station_name: string;
  note: string | null;
  reminded_at: number | null;
  reminded_by_name: string | null;
}

const SELECT_CALL = `
  SELECT a.id, a.number, a.start_minute, a.end_minute, a.resident_id, r.name resident_name, r.phone,
         sv.name service_name, st.name station_name, a.note, a.reminded_at, u.display_name reminded_by_name
    FROM appointments a JOIN residents r ON r.id = a.resident_id JOIN services sv ON sv.id = a.service_id
    JOIN stations st ON st.id = a.station_id LEFT JOIN users u ON u.id = a.reminded_by`;

function toCallRow(r: CallRow): ApptCallListRow {
  return {
    id: r.id,
    number: r.number,
    startMinute: r.start_minute,
    endMinute: r.end_minute,
    residentId: r.resident_id,
    residentName: r.resident_name,
    phone: r.phone,
    serviceName: r.service_name,
    stationName: r.station_name,
    note: r.note,
    reminded: r.reminded_at !== null,
    remindedAt: r.reminded_at,
    remindedByName: r.reminded_by_name,
  };
}

/**
 * Who to phone for a day: the bookings still standing, with FULL phone numbers (the list exists to
 * phone them). Office roles only (the contract), and every read is written to the audit log.
 */
export function callList(db: Db, day: string, now: number, user: SessionUser) {
  const rows = (db.prepare(`${SELECT_CALL} WHERE a.day = ? AND a.status = 'booked' ORDER BY a.start_minute, st.name, a.number`).all(day) as CallRow[]).map(toCallRow);
  db.transaction(() =>
    writeAudit(db, user, now, { action: 'appointments.callList', targetType: 'appointments', targetId: day, detail: { day, rows: rows.length } }),
  ).immediate();
  return { day, rows, total: rows.length, reminded: rows.filter((r) => r.reminded).length };
}

/**
 * The day to phone about when none is asked for: tomorrow, or — before a weekend or a holiday — the
 * first day up to the next working day that has bookings standing (on Friday that is Saturday's
 * station bookings if any, else Monday's).
 */
export function defaultCallDay(db: Db, today: string, calendar: WorkCalendar): string {
  const last = addWorkingDays(today, 1, calendar);
  const found = db.prepare(`SELECT min(day) day FROM appointments WHERE day > ? AND day <= ? AND status = 'booked'`).get(today, last) as { day: string | null };
  return found.day ?? last;
}

export function callListRow(db: Db, id: string): ApptCallListRow {
  return toCallRow(db.prepare(`${SELECT_CALL} WHERE a.id = ?`).get(id) as CallRow);
}
