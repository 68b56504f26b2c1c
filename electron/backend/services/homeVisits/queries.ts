import { fail, type HomeVisit, type Input } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { toHomeVisit, VIEW_SELECT, type HomeVisitRow, type HomeVisitViewRow } from './rows';

export function getHomeVisitRow(db: Db, id: string): HomeVisitRow {
  const row = db.prepare('SELECT * FROM home_visits WHERE id = ?').get(id) as HomeVisitRow | undefined;
  if (!row) throw fail.notFound('homeVisit.notFound');
  return row;
}

export function getHomeVisit(db: Db, id: string): HomeVisit {
  const row = db.prepare(`${VIEW_SELECT} WHERE v.id = ?`).get(id) as HomeVisitViewRow | undefined;
  if (!row) throw fail.notFound('homeVisit.notFound');
  return toHomeVisit(row);
}

/**
 * The day plan (SPEC §5.3): per staff member, their planned and completed visits that day in time
 * order (cancelled ones are off the plan; the list and the request still show them). Asked for one
 * staff member, they are there even with nothing planned.
 */
export function dayPlan(db: Db, day: string, staffId: string | null) {
  const rows = (
    staffId
      ? db.prepare(`${VIEW_SELECT} WHERE v.staff_id = ? AND v.day = ? AND v.status <> 'cancelled' ORDER BY v.start_minute`).all(staffId, day)
      : db.prepare(`${VIEW_SELECT} WHERE v.day = ? AND v.status <> 'cancelled' ORDER BY st.name, v.staff_id, v.start_minute`).all(day)
  ) as HomeVisitViewRow[];
  const plans = new Map<string, { staffId: string; staffName: string; visits: HomeVisit[] }>();
  if (staffId) {
    const staff = db.prepare('SELECT name FROM staff WHERE id = ?').get(staffId) as { name: string } | undefined;
    if (!staff) throw fail.validation('staff.notFound', 'staffId');
    plans.set(staffId, { staffId, staffName: staff.name, visits: [] });
  }
  for (const row of rows) {
    const v = toHomeVisit(row);
    const plan = plans.get(v.staffId) ?? { staffId: v.staffId, staffName: v.staffName, visits: [] };
    plan.visits.push(v);
    plans.set(v.staffId, plan);
  }
  return [...plans.values()];
}

type ListInput = Omit<Input<'homeVisits.list'>, 'limit' | 'offset'> & { limit: number; offset: number };

/** Visits between two days (both included), earliest first; the page is chosen on home_visits alone. */
export function listHomeVisits(db: Db, f: ListInput) {
  if (f.from > f.to) throw fail.validation('homeVisit.list.range', 'to');
  const parts = ['day >= ?', 'day <= ?'];
  const args: unknown[] = [f.from, f.to];
  if (f.staffId) {
    parts.push('staff_id = ?');
    args.push(f.staffId);
  }
  if (f.status) {
    parts.push('status = ?');
    args.push(f.status);
  }
  const where = parts.join(' AND ');
  const total = (db.prepare(`SELECT count(*) n FROM home_visits WHERE ${where}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `${VIEW_SELECT} WHERE v.rowid IN (SELECT rowid FROM home_visits WHERE ${where} ORDER BY day, start_minute, id LIMIT ? OFFSET ?)
       ORDER BY v.day, v.start_minute, v.id`,
    )
    .all(...args, f.limit, f.offset) as HomeVisitViewRow[];
  return { total, rows: rows.map(toHomeVisit) };
}

/** Every visit planned for a request, the latest first: cancelled ones are its history. */
export function visitsForRequest(db: Db, requestId: string): HomeVisit[] {
  const rows = db.prepare(`${VIEW_SELECT} WHERE v.request_id = ? ORDER BY v.created_at DESC, v.id DESC`).all(requestId) as HomeVisitViewRow[];
  return rows.map(toHomeVisit);
}
