import type { z } from 'zod';
import { fail, type station } from '../../../../shared/contract';
import { isValidDate } from '../../../../shared/rules/idNumber';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';

type Station = z.infer<typeof station>;
/** 1 = Monday … 7 = Sunday; a missing day is closed. */
export type OpeningHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', { open: string; close: string }>>;

export interface StationFields {
  name: string;
  address: string;
  hours: OpeningHours;
  closedDates: string[];
  active: boolean;
}

interface StationRow {
  id: string;
  name: string;
  address: string;
  hours: string;
  closed_dates: string;
  active: number;
}

function toStation(r: StationRow): Station {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    hours: JSON.parse(r.hours) as Station['hours'],
    closedDates: JSON.parse(r.closed_dates) as string[],
    active: r.active === 1,
  };
}

export function listStations(db: Db): Station[] {
  return (db.prepare('SELECT * FROM stations ORDER BY active DESC, name').all() as StationRow[]).map(toStation);
}

export function getStation(db: Db, id: string): Station {
  const row = db.prepare('SELECT * FROM stations WHERE id = ?').get(id) as StationRow | undefined;
  if (!row) throw fail.notFound('station.notFound');
  return toStation(row);
}

/** Every id must name a station (active or not: a closed station may still be referenced). */
export function assertStationsExist(db: Db, ids: string[]): void {
  const exists = db.prepare('SELECT 1 FROM stations WHERE id = ?');
  for (const id of ids) {
    if (!exists.get(id)) throw fail.validation('station.notFound', 'stationIds', { id });
  }
}

/** The schema checks the shape; the calendar itself is checked here (no 2025-02-30). */
function closedDates(dates: string[]): string[] {
  dates.forEach((d, i) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    if (!isValidDate(y, m, day)) throw fail.validation('validation.badDate', `closedDates.${i}`);
  });
  return [...new Set(dates)].sort();
}

/** Sorted by weekday so the stored JSON (and the audit detail) reads Monday to Sunday. */
function sortedHours(h: OpeningHours): OpeningHours {
  return Object.fromEntries(Object.entries(h).sort(([a], [b]) => a.localeCompare(b))) as OpeningHours;
}

/** Inserts or updates a station; call inside a transaction. Returns the station's id. */
export function saveStation(db: Db, id: string | undefined, f: StationFields, now: number): string {
  const hours = JSON.stringify(sortedHours(f.hours));
  const closed = JSON.stringify(closedDates(f.closedDates));
  if (id) {
    const r = db
      .prepare('UPDATE stations SET name = ?, address = ?, hours = ?, closed_dates = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(f.name, f.address, hours, closed, f.active ? 1 : 0, now, id);
    if (r.changes === 0) throw fail.notFound('station.notFound');
    return id;
  }
  const newStationId = newId();
  db.prepare(
    `INSERT INTO stations (id, name, address, hours, closed_dates, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newStationId, f.name, f.address, hours, closed, f.active ? 1 : 0, now, now);
  return newStationId;
}
