import type { z } from 'zod';
import { fail, type RotaTemplate, type rotaTemplateInput as templateInput } from '../../../../shared/contract';
import { daysOfWeek, isMonday, templateWeek, type TemplateCell } from '../../../../shared/rules/rota';
import { isoWeekday } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { loadCalendar } from '../catalogue/calendar';
import type { SessionUser } from '../../context';
import { assignmentPinnedBy } from './assignments';
import { closedReason, findOverlap, overlapParams, stationRow, touchWeek, weekStatusOf } from './plan';
import { type ShiftRow } from './shifts';

interface TemplateRow {
  id: string;
  station_id: string;
  station_name: string;
  name: string;
  kind: 'repeat' | 'rotate';
  anchor_week: string;
  members: string;
  cells: string;
  active: number;
}

const SELECT = 'SELECT t.*, st.name station_name FROM rota_templates t JOIN stations st ON st.id = t.station_id';

function toTemplate(r: TemplateRow, names: Map<string, string>): RotaTemplate {
  const members = JSON.parse(r.members) as string[];
  return {
    id: r.id,
    stationId: r.station_id,
    stationName: r.station_name,
    name: r.name,
    kind: r.kind,
    anchorWeek: r.anchor_week,
    members: members.map((staffId) => ({ staffId, name: names.get(staffId) ?? '?' })),
    cells: JSON.parse(r.cells) as TemplateCell[],
    active: r.active === 1,
  };
}

const staffNames = (db: Db) => new Map((db.prepare('SELECT id, name FROM staff').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));

export function listTemplates(db: Db, stationId?: string): RotaTemplate[] {
  const rows = stationId
    ? (db.prepare(`${SELECT} WHERE t.station_id = ? ORDER BY t.active DESC, t.name`).all(stationId) as TemplateRow[])
    : (db.prepare(`${SELECT} ORDER BY st.name, t.active DESC, t.name`).all() as TemplateRow[]);
  const names = staffNames(db);
  return rows.map((r) => toTemplate(r, names));
}

export function getTemplate(db: Db, id: string, field = 'templateId'): RotaTemplate {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TemplateRow | undefined;
  if (!row) throw fail.validation('rota.template.notFound', field);
  return toTemplate(row, staffNames(db));
}

/** Creates or changes a template (inside a transaction); every member, shift and position is checked. */
export function saveTemplate(db: Db, f: z.output<typeof templateInput>, now: number): string {
  stationRow(db, f.stationId);
  if (!isMonday(f.anchorWeek)) throw fail.validation('rota.week.notMonday', 'anchorWeek');
  const seen = new Set<string>();
  f.members.forEach((staffId, i) => {
    const s = db.prepare('SELECT name FROM staff WHERE id = ?').get(staffId) as { name: string } | undefined;
    if (!s) throw fail.validation('rota.staff.notFound', `members.${i}`);
    if (seen.has(staffId)) throw fail.validation('rota.template.memberTwice', `members.${i}`, { name: s.name });
    seen.add(staffId);
  });
  const cellKeys = new Set<string>();
  const cells = f.cells.filter((c) => c.positions.length > 0);
  cells.forEach((c, i) => {
    const shift = db.prepare('SELECT station_id, name FROM shifts WHERE id = ?').get(c.shiftId) as { station_id: string; name: string } | undefined;
    if (!shift || shift.station_id !== f.stationId) throw fail.validation('rota.template.shiftElsewhere', `cells.${i}.shiftId`);
    const key = `${c.weekday}|${c.shiftId}`;
    if (cellKeys.has(key)) throw fail.validation('rota.template.cellTwice', `cells.${i}`, { shift: shift.name });
    cellKeys.add(key);
    if (new Set(c.positions).size !== c.positions.length) throw fail.validation('rota.template.positionTwice', `cells.${i}.positions`);
    if (c.positions.some((p) => p >= f.members.length)) throw fail.validation('rota.template.positionUnknown', `cells.${i}.positions`);
  });
  const members = JSON.stringify(f.members);
  const cellsJson = JSON.stringify(cells.map((c) => ({ weekday: c.weekday, shiftId: c.shiftId, positions: c.positions })));
  if (f.id) {
    const old = db.prepare('SELECT station_id FROM rota_templates WHERE id = ?').get(f.id) as { station_id: string } | undefined;
    if (!old) throw fail.validation('rota.template.notFound', 'id');
    if (old.station_id !== f.stationId) throw fail.validation('rota.template.stationFixed', 'stationId');
    db.prepare('UPDATE rota_templates SET name = ?, kind = ?, anchor_week = ?, members = ?, cells = ?, active = ?, updated_at = ? WHERE id = ?').run(
      f.name, f.kind, f.anchorWeek, members, cellsJson, f.active ? 1 : 0, now, f.id,
    );
    return f.id;
  }
  const id = newId();
  db.prepare(
    `INSERT INTO rota_templates (id, station_id, name, kind, anchor_week, members, cells, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.stationId, f.name, f.kind, f.anchorWeek, members, cellsJson, f.active ? 1 : 0, now, now);
  return id;
}

export interface FillResult {
  added: number;
  removed: number;
  skipped: { day: string; shiftName: string; name: string; reason: string }[];
}

/**
 * Plans a draft week from a template (inside a transaction). Filling again is safe: in the cells the
 * template covers, what an earlier fill put there is taken out and planned afresh; manual additions
 * and swapped-in people stay, and so does anything a swap or a check-in refers to. A person the
 * template names who is already on an overlapping shift that day is skipped and reported. Days the
 * station is closed (holidays) and shifts not in use are left empty.
 */
export function fillFromTemplate(db: Db, week: string, templateId: string, now: number, _user: Pick<SessionUser, 'userId'>): FillResult {
  if (!isMonday(week)) throw fail.validation('rota.week.notMonday', 'week');
  if (weekStatusOf(db, week) === 'published') throw fail.conflict('rota.fill.published', 'week', { week });
  const t = getTemplate(db, templateId);
  if (!t.active) throw fail.validation('rota.template.inactive', 'templateId', { name: t.name });
  const station = stationRow(db, t.stationId);
  const calendar = loadCalendar(db);
  const days = daysOfWeek(week);
  const shifts = new Map(
    (db.prepare('SELECT * FROM shifts WHERE station_id = ?').all(t.stationId) as ShiftRow[]).map((s) => [s.id, s]),
  );
  const names = new Map(t.members.map((m) => [m.staffId, m.name]));
  const active = new Set((db.prepare('SELECT id FROM staff WHERE active = 1').all() as { id: string }[]).map((r) => r.id));
  let removed = 0;
  const oldRows = db.prepare(`SELECT id FROM rota_assignments WHERE day = ? AND shift_id = ? AND source = 'template'`);
  for (const c of t.cells) {
    for (const { id } of oldRows.all(days[c.weekday - 1]!, c.shiftId) as { id: string }[]) {
      if (assignmentPinnedBy(db, id)) continue;
      db.prepare('DELETE FROM rota_assignments WHERE id = ?').run(id);
      removed++;
    }
  }
  const insert = db.prepare(
    `INSERT INTO rota_assignments (id, week, day, shift_id, station_id, staff_id, start_minute, end_minute, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'template', ?, ?)`,
  );
  const already = db.prepare('SELECT 1 FROM rota_assignments WHERE day = ? AND shift_id = ? AND staff_id = ?');
  const result: FillResult = { added: 0, removed, skipped: [] };
  const plan = templateWeek({ ...t, members: t.members.map((m) => m.staffId) }, week).sort((a, b) => a.weekday - b.weekday);
  for (const cell of plan) {
    const shift = shifts.get(cell.shiftId);
    const day = days[cell.weekday - 1]!;
    if (!shift || shift.active !== 1 || isoWeekday(day) !== cell.weekday) continue;
    if (closedReason(station, JSON.parse(shift.weekdays) as number[], calendar, day)) continue;
    for (const staffId of cell.staffIds) {
      const name = names.get(staffId) ?? '?';
      if (!active.has(staffId)) {
        result.skipped.push({ day, shiftName: shift.name, name, reason: '已停用' });
        continue;
      }
      if (already.get(day, shift.id, staffId)) continue;
      const overlap = findOverlap(db, staffId, day, shift.start_minute, shift.end_minute);
      if (overlap) {
        const p = overlapParams(name, overlap);
        result.skipped.push({ day, shiftName: shift.name, name, reason: `当天已在 ${p.station} ${p.shift}（${p.time}）` });
        continue;
      }
      insert.run(newId(), week, day, shift.id, t.stationId, staffId, shift.start_minute, shift.end_minute, now, now);
      result.added++;
    }
  }
  touchWeek(db, week, now);
  return result;
}
