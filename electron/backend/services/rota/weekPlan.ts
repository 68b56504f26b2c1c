import type { RotaWeekPlan as WeekPlan } from '../../../../shared/contract';
import { daysOfWeek, mondayOf, overlaps } from '../../../../shared/rules/rota';
import { hhmmOf } from '../../../../shared/rules/stationDay';
import type { Db } from '../../db/open';
import { loadCalendar } from '../catalogue/calendar';
import { closedReason, type StationRow } from './plan';
import type { ShiftRow } from './shifts';
import { stationDay, type WeekHours } from '../../../../shared/rules/stationDay';

interface PlannedRow {
  id: string;
  day: string;
  shift_id: string;
  station_id: string;
  staff_id: string;
  staff_name: string;
  start_minute: number;
  end_minute: number;
  source: 'template' | 'manual' | 'swap';
}

type Conflict = WeekPlan['stations'][number]['cells'][number]['assignees'][number]['conflict'];

/**
 * The week's plan, per station, day and shift: who is on, the gap to the minimum on days the station
 * is open, and conflicts (one person on two overlapping shifts the same day, at any station — so all
 * stations' rows are read even when one station is shown). A handful of indexed queries; no N+1.
 */
export function weekPlan(db: Db, anyDay: string, stationId?: string): WeekPlan {
  const week = mondayOf(anyDay);
  const days = daysOfWeek(week);
  const calendar = loadCalendar(db);
  const stations = (
    stationId
      ? db.prepare('SELECT id, name, hours, closed_dates FROM stations WHERE id = ?').all(stationId)
      : db.prepare('SELECT id, name, hours, closed_dates FROM stations WHERE active = 1 ORDER BY created_at, name').all()
  ) as StationRow[];
  const rows = db
    .prepare(
      `SELECT a.id, a.day, a.shift_id, a.station_id, a.staff_id, s.name staff_name, a.start_minute, a.end_minute, a.source
       FROM rota_assignments a JOIN staff s ON s.id = a.staff_id WHERE a.week = ? ORDER BY a.day, a.start_minute, a.created_at`,
    )
    .all(week) as PlannedRow[];
  const usedShifts = new Set(rows.map((r) => r.shift_id));
  const shifts = (db.prepare('SELECT * FROM shifts ORDER BY start_minute, name').all() as ShiftRow[]).filter((s) => s.active === 1 || usedShifts.has(s.id));
  const stationNames = new Map((db.prepare('SELECT id, name FROM stations').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  const pending = new Set(
    (
      db
        .prepare(
          `SELECT sw.assignment_id a, sw.return_assignment_id b FROM rota_swaps sw
           WHERE sw.status IN ('asked', 'accepted')`,
        )
        .all() as { a: string; b: string | null }[]
    ).flatMap((r) => (r.b ? [r.a, r.b] : [r.a])),
  );
  const conflicts = conflictsOf(rows, shiftById, stationNames);
  const byCell = new Map<string, PlannedRow[]>();
  for (const r of rows) {
    const key = `${r.day}|${r.shift_id}`;
    const list = byCell.get(key);
    if (list) list.push(r);
    else byCell.set(key, [r]);
  }
  let gaps = 0;
  let pendingSwaps = 0;
  const stationPlans = stations.map((st) => {
    const own = shifts.filter((s) => s.station_id === st.id);
    const hours = JSON.parse(st.hours) as WeekHours;
    const closedDates = JSON.parse(st.closed_dates) as string[];
    const closed = days.map((d) => {
      const open = stationDay(hours, closedDates, calendar, d);
      return open.open ? null : open.reason;
    });
    const cells = own.flatMap((sh) => {
      const weekdays = JSON.parse(sh.weekdays) as number[];
      return days.map((day) => {
        const open = sh.active === 1 && closedReason(st, weekdays, calendar, day) === null;
        const people = byCell.get(`${day}|${sh.id}`) ?? [];
        const gap = open ? Math.max(0, sh.min_staff - people.length) : 0;
        gaps += gap;
        return {
          day,
          shiftId: sh.id,
          open,
          minStaff: sh.min_staff,
          gap,
          assignees: people.map((p) => {
            const swapPending = pending.has(p.id);
            if (swapPending) pendingSwaps++;
            return { assignmentId: p.id, staffId: p.staff_id, name: p.staff_name, source: p.source, conflict: conflicts.get(p.id) ?? null, swapPending };
          }),
        };
      });
    });
    return {
      stationId: st.id,
      stationName: st.name,
      shifts: own.map((s) => ({ id: s.id, name: s.name, start: hhmmOf(s.start_minute), end: hhmmOf(s.end_minute), minStaff: s.min_staff })),
      closed,
      cells,
    };
  });
  const status = db.prepare('SELECT w.status, w.published_at, u.display_name FROM rota_weeks w LEFT JOIN users u ON u.id = w.published_by WHERE w.week = ?').get(week) as
    | { status: 'draft' | 'published'; published_at: number | null; display_name: string | null }
    | undefined;
  const shown = new Set(stations.map((s) => s.id));
  return {
    week,
    days: days.map((date, i) => ({ date, weekday: i + 1, calendar: calendar.kindOf(date) ?? null })),
    status: status?.status ?? 'draft',
    publishedAt: status?.status === 'published' ? status.published_at : null,
    publishedBy: status?.status === 'published' ? status.display_name : null,
    stations: stationPlans,
    gaps,
    conflicts: rows.filter((r) => shown.has(r.station_id) && conflicts.has(r.id)).length,
    pendingSwaps,
    laterEdits: laterEdits(db, week),
  };
}

/** For each assignment whose person has another, overlapping one the same day: that other shift. */
function conflictsOf(rows: PlannedRow[], shifts: Map<string, ShiftRow>, stationNames: Map<string, string>): Map<string, NonNullable<Conflict>> {
  const byPersonDay = new Map<string, PlannedRow[]>();
  for (const r of rows) {
    const key = `${r.staff_id}|${r.day}`;
    const list = byPersonDay.get(key);
    if (list) list.push(r);
    else byPersonDay.set(key, [r]);
  }
  const out = new Map<string, NonNullable<Conflict>>();
  for (const list of byPersonDay.values()) {
    if (list.length < 2) continue;
    for (const a of list) {
      const other = list.find((b) => b !== a && overlaps({ start: a.start_minute, end: a.end_minute }, { start: b.start_minute, end: b.end_minute }));
      if (!other) continue;
      out.set(a.id, {
        stationName: stationNames.get(other.station_id) ?? '?',
        shiftName: shifts.get(other.shift_id)?.name ?? '?',
        start: hhmmOf(other.start_minute),
        end: hhmmOf(other.end_minute),
      });
    }
  }
  return out;
}

function laterEdits(db: Db, week: string): WeekPlan['laterEdits'] {
  const rows = db
    .prepare(
      `SELECT l.at, COALESCE(u.display_name, l.username) username, l.detail FROM audit_log l LEFT JOIN users u ON u.id = l.user_id
       WHERE l.action = 'rota.editPublished' AND l.target_id = ? ORDER BY l.seq DESC LIMIT 50`,
    )
    .all(week) as { at: number; username: string | null; detail: string | null }[];
  return rows.map((r) => ({ at: r.at, userName: r.username ?? '', text: (r.detail ? (JSON.parse(r.detail) as { text?: string }).text : undefined) ?? '' }));
}
