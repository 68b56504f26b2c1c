import { fail } from '../../../../shared/contract';
import type { StationService } from '../../../../shared/contract/appointments';
import type { WeekHours } from '../../../../shared/rules/stationDay';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { SELECT_OFFER, toOffer, toStationService, type OfferRow } from './offer';

export interface StationServiceFields {
  stationId: string;
  serviceId: string;
  slotMinutes: number;
  capacity: number;
  hours: WeekHours | null;
  active: boolean;
}

export function listStationServices(db: Db, q: { stationId?: string | undefined; serviceId?: string | undefined; activeOnly: boolean }): StationService[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.stationId) {
    where.push('ss.station_id = ?');
    args.push(q.stationId);
  }
  if (q.serviceId) {
    where.push('ss.service_id = ?');
    args.push(q.serviceId);
  }
  if (q.activeOnly) where.push('ss.active = 1 AND st.active = 1 AND sv.active = 1');
  const sql = `${SELECT_OFFER} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY st.name, sv.prefix, sv.name`;
  return (db.prepare(sql).all(...args) as OfferRow[]).map((r) => toStationService(toOffer(r)));
}

function checkRefs(db: Db, f: StationServiceFields): void {
  if (!db.prepare('SELECT 1 FROM stations WHERE id = ?').get(f.stationId)) throw fail.validation('appointment.station.notFound', 'stationId');
  if (!db.prepare('SELECT 1 FROM services WHERE id = ?').get(f.serviceId)) throw fail.validation('appointment.service.notFound', 'serviceId');
}

/** Creates or changes what a station offers by appointment; existing bookings keep their times. */
export function saveStationService(db: Db, id: string | undefined, f: StationServiceFields, now: number): string {
  checkRefs(db, f);
  const hours = f.hours === null ? null : JSON.stringify(f.hours);
  const twin = db.prepare('SELECT id FROM station_services WHERE station_id = ? AND service_id = ?').get(f.stationId, f.serviceId) as { id: string } | undefined;
  if (twin && twin.id !== id) throw fail.conflict('appointment.stationService.duplicate', 'serviceId');
  if (id) {
    const was = db.prepare('SELECT station_id, service_id FROM station_services WHERE id = ?').get(id) as { station_id: string; service_id: string } | undefined;
    if (!was) throw fail.notFound('appointment.stationService.notFound');
    const moved = was.station_id !== f.stationId || was.service_id !== f.serviceId;
    if (moved && db.prepare('SELECT 1 FROM appointments WHERE station_service_id = ? LIMIT 1').get(id)) {
      throw fail.conflict('appointment.stationService.hasBookings', 'stationId');
    }
    const r = db
      .prepare('UPDATE station_services SET station_id = ?, service_id = ?, slot_minutes = ?, capacity = ?, hours = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(f.stationId, f.serviceId, f.slotMinutes, f.capacity, hours, f.active ? 1 : 0, now, id);
    if (r.changes === 0) throw fail.notFound('appointment.stationService.notFound');
    return id;
  }
  const created = newId();
  db.prepare(
    `INSERT INTO station_services (id, station_id, service_id, slot_minutes, capacity, hours, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(created, f.stationId, f.serviceId, f.slotMinutes, f.capacity, hours, f.active ? 1 : 0, now, now);
  return created;
}

export function getStationService(db: Db, id: string): StationService {
  return toStationService(toOffer(db.prepare(`${SELECT_OFFER} WHERE ss.id = ?`).get(id) as OfferRow));
}
