import type { z } from 'zod';
import { fail, type RotaShift as Shift, type rotaShiftInput as shiftInput } from '../../../../shared/contract';
import { hhmmOf, minutesOf } from '../../../../shared/rules/stationDay';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';

export interface ShiftRow {
  id: string;
  station_id: string;
  station_name: string;
  name: string;
  start_minute: number;
  end_minute: number;
  min_staff: number;
  weekdays: string;
  active: number;
}

const SELECT = `SELECT sh.*, st.name station_name FROM shifts sh JOIN stations st ON st.id = sh.station_id`;

export function toShift(r: ShiftRow): Shift {
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    name: r.name,
    start: hhmmOf(r.start_minute),
    end: hhmmOf(r.end_minute),
    minStaff: r.min_staff,
    weekdays: JSON.parse(r.weekdays) as number[],
    active: r.active === 1,
  };
}

export function listShifts(db: Db, stationId?: string): Shift[] {
  const rows = stationId
    ? (db.prepare(`${SELECT} WHERE sh.station_id = ? ORDER BY sh.active DESC, sh.start_minute, sh.name`).all(stationId) as ShiftRow[])
    : (db.prepare(`${SELECT} ORDER BY st.name, sh.active DESC, sh.start_minute, sh.name`).all() as ShiftRow[]);
  return rows.map(toShift);
}

export function getShiftRow(db: Db, id: string, field = 'shiftId'): ShiftRow {
  const row = db.prepare(`${SELECT} WHERE sh.id = ?`).get(id) as ShiftRow | undefined;
  if (!row) throw fail.validation('rota.shift.notFound', field);
  return row;
}

/**
 * Creates or changes a shift (inside a transaction). A shift lies within one day: one that ends at or
 * before its start is refused (a night shift is two shifts). Changing the times leaves planned days as
 * they were: assignments carry their own copy.
 */
export function saveShift(db: Db, f: z.output<typeof shiftInput>, now: number): string {
  const start = minutesOf(f.start);
  const end = minutesOf(f.end);
  if (end <= start) throw fail.validation('rota.shift.endBeforeStart', 'end', { start: f.start, end: f.end });
  const station = db.prepare('SELECT id FROM stations WHERE id = ?').get(f.stationId);
  if (!station) throw fail.validation('rota.station.notFound', 'stationId');
  const weekdays = JSON.stringify([...new Set(f.weekdays)].sort());
  const clash = db
    .prepare('SELECT 1 FROM shifts WHERE station_id = ? AND name = ? AND active = 1 AND id != ?')
    .get(f.stationId, f.name, f.id ?? '');
  if (clash && f.active) throw fail.conflict('rota.shift.nameTaken', 'name', { name: f.name });
  if (f.id) {
    const old = getShiftRow(db, f.id, 'id');
    if (old.station_id !== f.stationId) throw fail.validation('rota.shift.stationFixed', 'stationId');
    db.prepare('UPDATE shifts SET name = ?, start_minute = ?, end_minute = ?, min_staff = ?, weekdays = ?, active = ?, updated_at = ? WHERE id = ?').run(
      f.name, start, end, f.minStaff, weekdays, f.active ? 1 : 0, now, f.id,
    );
    return f.id;
  }
  const id = newId();
  db.prepare(
    `INSERT INTO shifts (id, station_id, name, start_minute, end_minute, min_staff, weekdays, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.stationId, f.name, start, end, f.minStaff, weekdays, f.active ? 1 : 0, now, now);
  return id;
}

/** Whether a shift runs on a date: its own weekdays, or on a 调休 working day when it runs on Mondays. */
export function shiftRunsOn(weekdays: readonly number[], weekday: number, calendarKind: 'holiday' | 'workday' | undefined): boolean {
  return weekdays.includes(weekday) || (calendarKind === 'workday' && weekdays.includes(1));
}
