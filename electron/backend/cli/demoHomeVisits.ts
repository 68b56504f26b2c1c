import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import type { Db } from '../db/open';
import { newId } from '../db/ids';
import { createHomeVisit } from '../services/homeVisits/plan';
import { attachHomeVisit } from '../services/requests/lifecycle';
import { Rng } from './fictional/prng';

const DEMO_HOME_VISITS_SEED = 20_261_205;
/** Who goes on visits in the demo: the social workers and a grid worker (DEMO_STAFF names). */
const VISITORS = ['陈志强', '孙秀英', '郑美玲', '曹雅琴', '刘晓梅'];
/** Start times of a day's visits: two in the morning, two in the afternoon (none overlap at ≤ 90 minutes). */
const STARTS = [9 * 60, 10 * 60 + 30, 14 * 60 + 30, 16 * 60];
const DIRECT_PURPOSES = ['探访独居老人，了解近况', '送药上门', '协助填写高龄补贴申请', '回访困难家庭'];

interface HomevisitRequest {
  id: string;
  status: string;
  resident_id: string | null;
  visit_address: string;
  assignee_staff_id: string | null;
  resolved_at: number | null;
  resolved_day: string | null;
  resolution: string | null;
  updated_at: number;
}

/**
 * The demo's 上门办 requests get their visits: the finished ones a completed visit on the day they
 * were resolved (its outcome is their resolution); the open ones a planned visit today or in the next
 * days, through the same service the screen uses (so they become assigned with the step written).
 * A few visits without a request fill today's plan. Call inside fillDemoCentre's transaction, after
 * fillDemoIntake. Returns how many visits it made.
 */
export function fillDemoHomeVisits(db: Db, now: number): { completed: number; planned: number } {
  const rng = new Rng(DEMO_HOME_VISITS_SEED);
  const today = shanghaiDate(now);
  const staff = db.prepare(`SELECT id, name FROM staff WHERE active = 1 AND name IN (${VISITORS.map(() => '?').join(', ')})`).all(...VISITORS) as {
    id: string;
    name: string;
  }[];
  const admin = db.prepare(`SELECT id, username, display_name FROM users WHERE role = 'admin' ORDER BY username LIMIT 1`).get() as
    | { id: string; username: string; display_name: string }
    | undefined;
  if (staff.length === 0 || !admin) return { completed: 0, planned: 0 };
  const user = { userId: admin.id, username: admin.username, displayName: admin.display_name };
  const requests = db
    .prepare(
      `SELECT id, status, resident_id, visit_address, assignee_staff_id, resolved_at, resolved_day, resolution, updated_at FROM requests
       WHERE mode = 'homevisit' AND visit_address IS NOT NULL AND home_visit_id IS NULL ORDER BY number`,
    )
    .all() as HomevisitRequest[];

  let completed = 0;
  const insertDone = db.prepare(
    `INSERT INTO home_visits (id, request_id, resident_id, staff_id, day, start_minute, duration_minutes, address, purpose,
       status, outcome, created_by, created_at, completed_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?)`,
  );
  for (const r of requests.filter((q) => (q.status === 'resolved' || q.status === 'closed') && q.resolved_at !== null)) {
    const who = staff.find((s) => s.id === r.assignee_staff_id) ?? rng.pick(staff);
    const id = newId();
    // The visit ended when the request was resolved.
    const duration = rng.pick([30, 45, 60]);
    const resolvedMinute = Math.floor(((r.resolved_at! + 8 * 3_600_000) % 86_400_000) / 60_000);
    const start = Math.max(0, resolvedMinute - duration);
    insertDone.run(id, r.id, r.resident_id, who.id, r.resolved_day, start, duration, r.visit_address, '上门查看并办理', r.resolution ?? '已上门办理', user.userId, r.resolved_at! - 86_400_000, r.resolved_at, r.resolved_at);
    // the link only: the request's history (and its last change) stays as it was
    attachHomeVisit(db, r.id, id, r.updated_at);
    completed++;
  }

  // Open ones: spread over today and the next three days, each visitor at most four a day.
  const slots = [0, 1, 2, 3].flatMap((d) => staff.flatMap((s) => STARTS.map((start) => ({ day: addDays(today, d), staffId: s.id, start }))));
  const free = slots.filter(() => rng.chance(0.5));
  let planned = 0;
  for (const r of requests.filter((q) => q.status === 'received' || q.status === 'assigned' || q.status === 'in_progress')) {
    const slot = free.shift();
    if (!slot) break;
    createHomeVisit(db, { requestId: r.id, residentId: null, address: null, purpose: null, staffId: slot.staffId, day: slot.day, startMinute: slot.start, durationMinutes: rng.pick([30, 45, 60, 90]) }, now, user);
    planned++;
  }
  // A few direct visits (no request) so today's plan is never empty.
  const residents = db.prepare(`SELECT id FROM residents WHERE voided_at IS NULL ORDER BY id LIMIT 200`).all() as { id: string }[];
  for (const slot of free.filter((s) => s.day === today).slice(0, 4)) {
    const resident = rng.pick(residents);
    createHomeVisit(
      db,
      { requestId: null, residentId: resident?.id ?? null, address: `幸福里小区${rng.int(1, 24)}号楼${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`, purpose: rng.pick(DIRECT_PURPOSES), staffId: slot.staffId, day: slot.day, startMinute: slot.start, durationMinutes: 45 },
      now,
      user,
    );
    planned++;
  }
  return { completed, planned };
}
