import { addDays, isoWeekday } from './workdays';

/** The Monday (YYYY-MM-DD) of the ISO week a date falls in: a rota week is named by its Monday. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export const isMonday = (date: string): boolean => isoWeekday(date) === 1;

/** Whole weeks from one Monday to another (negative when `week` is before `anchor`). */
export function weeksBetween(anchor: string, week: string): number {
  const ms = Date.parse(`${week}T00:00:00Z`) - Date.parse(`${anchor}T00:00:00Z`);
  return Math.round(ms / (7 * 86_400_000));
}

/** The seven dates of a week, Monday first. */
export const daysOfWeek = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

export interface TemplateCell {
  weekday: number;
  shiftId: string;
  /** Indexes into the template's members. */
  positions: number[];
}

/**
 * Who a template puts in each cell in a given week. A rotating template moves every position one
 * step along the members per week since its anchor week (wrapping round, also before the anchor);
 * a repeating one gives the same people every week. Positions past the member list are skipped.
 */
export function templateWeek(
  t: { kind: 'repeat' | 'rotate'; anchorWeek: string; members: string[]; cells: TemplateCell[] },
  week: string,
): { weekday: number; shiftId: string; staffIds: string[] }[] {
  const n = t.members.length;
  const step = t.kind === 'rotate' && n > 0 ? weeksBetween(t.anchorWeek, week) : 0;
  return t.cells.map((c) => {
    const ids = c.positions.filter((p) => p >= 0 && p < n).map((p) => t.members[(((p + step) % n) + n) % n]!);
    return { weekday: c.weekday, shiftId: c.shiftId, staffIds: [...new Set(ids)] };
  });
}

/** Two times of day [start, end) overlap when each starts before the other ends (08–12 and 12–17 do not). */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;
