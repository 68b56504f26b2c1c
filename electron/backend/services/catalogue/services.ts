import type { z } from 'zod';
import { fail, type HANDLING_MODES, type service } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { assertStationsExist } from './stations';

type Service = z.infer<typeof service>;
type HandlingMode = (typeof HANDLING_MODES)[number];

export interface ServiceFields {
  category: string;
  name: string;
  prefix: string;
  defaultMode: HandlingMode;
  timeLimitDays: number;
  counters: number[];
  stationIds: string[];
  needsAppointment: boolean;
  active: boolean;
}

interface ServiceRow {
  id: string;
  category: string;
  name: string;
  prefix: string;
  default_mode: HandlingMode;
  time_limit_days: number;
  counters: string;
  station_ids: string;
  needs_appointment: number;
  active: number;
}

function toService(r: ServiceRow): Service {
  return {
    id: r.id,
    category: r.category,
    name: r.name,
    prefix: r.prefix,
    defaultMode: r.default_mode,
    timeLimitDays: r.time_limit_days,
    counters: JSON.parse(r.counters) as number[],
    stationIds: JSON.parse(r.station_ids) as string[],
    needsAppointment: r.needs_appointment === 1,
    active: r.active === 1,
  };
}

export function listServices(db: Db): Service[] {
  return (db.prepare('SELECT * FROM services ORDER BY active DESC, prefix, name').all() as ServiceRow[]).map(toService);
}

export function getService(db: Db, id: string): Service {
  const row = db.prepare('SELECT * FROM services WHERE id = ?').get(id) as ServiceRow | undefined;
  if (!row) throw fail.notFound('service.notFound');
  return toService(row);
}

/** The ticket prefix tells services apart in the hall (A012, B003): unique among active ones. */
function assertPrefixFree(db: Db, prefix: string, exceptId: string | null): void {
  const other = db
    .prepare('SELECT name FROM services WHERE prefix = ? AND active = 1 AND id IS NOT ?')
    .get(prefix, exceptId) as { name: string } | undefined;
  if (other) throw fail.conflict('service.prefix.taken', 'prefix', { name: other.name });
}

/** Inserts or updates a service; call inside a transaction. Returns the service's id. */
export function saveService(db: Db, id: string | undefined, f: ServiceFields, now: number): string {
  if (id) getService(db, id);
  if (f.active) assertPrefixFree(db, f.prefix, id ?? null);
  assertStationsExist(db, f.stationIds);
  const counters = JSON.stringify([...new Set(f.counters)].sort((a, b) => a - b));
  const stationIds = JSON.stringify([...new Set(f.stationIds)]);
  const values = [f.category, f.name, f.prefix, f.defaultMode, f.timeLimitDays, counters, stationIds, f.needsAppointment ? 1 : 0, f.active ? 1 : 0];
  if (id) {
    db.prepare(
      `UPDATE services SET category = ?, name = ?, prefix = ?, default_mode = ?, time_limit_days = ?, counters = ?,
         station_ids = ?, needs_appointment = ?, active = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
    return id;
  }
  const newServiceId = newId();
  db.prepare(
    `INSERT INTO services (id, category, name, prefix, default_mode, time_limit_days, counters, station_ids,
       needs_appointment, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newServiceId, ...values, now, now);
  return newServiceId;
}
