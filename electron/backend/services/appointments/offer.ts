import { fail } from '../../../../shared/contract';
import type { StationService } from '../../../../shared/contract/appointments';
import type { WeekHours } from '../../../../shared/rules/stationDay';
import type { Db } from '../../db/open';

/** A station service with what its days depend on: the station's hours and closed dates, its own hours. */
export interface OfferRow {
  id: string;
  station_id: string;
  station_name: string;
  station_address: string;
  station_hours: string;
  station_closed_dates: string;
  station_active: number;
  service_id: string;
  service_name: string;
  service_active: number;
  slot_minutes: number;
  capacity: number;
  hours: string | null;
  active: number;
}

export interface Offer {
  id: string;
  stationId: string;
  stationName: string;
  stationAddress: string;
  stationHours: WeekHours;
  closedDates: string[];
  serviceId: string;
  serviceName: string;
  slotMinutes: number;
  capacity: number;
  ownHours: WeekHours | null;
  /** The offer, its station and its catalogue service are all active. */
  active: boolean;
  /** The offer itself is switched on (what the settings page edits). */
  offerActive: boolean;
}

export const SELECT_OFFER = `
  SELECT ss.id, ss.station_id, st.name station_name, st.address station_address, st.hours station_hours,
         st.closed_dates station_closed_dates, st.active station_active, ss.service_id, sv.name service_name,
         sv.active service_active, ss.slot_minutes, ss.capacity, ss.hours, ss.active
    FROM station_services ss JOIN stations st ON st.id = ss.station_id JOIN services sv ON sv.id = ss.service_id`;

export function toOffer(r: OfferRow): Offer {
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    stationAddress: r.station_address,
    stationHours: JSON.parse(r.station_hours) as WeekHours,
    closedDates: JSON.parse(r.station_closed_dates) as string[],
    serviceId: r.service_id,
    serviceName: r.service_name,
    slotMinutes: r.slot_minutes,
    capacity: r.capacity,
    ownHours: r.hours === null ? null : (JSON.parse(r.hours) as WeekHours),
    active: r.active === 1 && r.station_active === 1 && r.service_active === 1,
    offerActive: r.active === 1,
  };
}

export function getOffer(db: Db, id: string, field = 'stationServiceId'): Offer {
  const row = db.prepare(`${SELECT_OFFER} WHERE ss.id = ?`).get(id) as OfferRow | undefined;
  if (!row) throw fail.validation('appointment.stationService.notFound', field);
  return toOffer(row);
}

export function offersOfStation(db: Db, stationId: string): Offer[] {
  return (db.prepare(`${SELECT_OFFER} WHERE ss.station_id = ? ORDER BY sv.prefix, sv.name`).all(stationId) as OfferRow[]).map(toOffer);
}

export function toStationService(o: Offer): StationService {
  return {
    id: o.id,
    stationId: o.stationId,
    stationName: o.stationName,
    stationAddress: o.stationAddress,
    serviceId: o.serviceId,
    serviceName: o.serviceName,
    slotMinutes: o.slotMinutes,
    capacity: o.capacity,
    hours: o.ownHours,
    active: o.offerActive,
  };
}
