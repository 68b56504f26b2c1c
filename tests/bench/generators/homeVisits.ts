import { Rng } from '../../../electron/backend/cli/fictional/prng';
import { newId } from '../../../electron/backend/db/ids';
import type { Db } from '../../../electron/backend/db/open';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import type { DatasetGenerator } from './types';

const YEARS = 5;
const VISITORS = 30;
/** Visitors out on a given day, and the start times of their visits (never overlapping at ≤ 90 minutes). */
const OUT_PER_DAY = 8;
const STARTS = [9 * 60, 10 * 60 + 30, 14 * 60, 15 * 60 + 30, 17 * 60];
const DAYS_AHEAD = 14;
const PURPOSES = ['探访独居老人', '送药上门', '查看房屋漏水', '协助办理高龄补贴', '回访困难家庭', '残疾人证年审材料收取', '代办社保认证'];

/**
 * Five years of home visits for thirty visiting staff (≈ 8 out a day, 2–4 visits each), ending two
 * weeks ahead: the past ones completed (some cancelled), the coming ones planned. The bench's 上门办
 * requests that were resolved get their completed visit on the day they were resolved, linked both
 * ways. About 44,000 direct visits plus one per resolved 上门办 request (≈ 132,000 on the bench's
 * million requests): ≈ 176,000 in all.
 */
function run(db: Db, now: number): Record<string, number> {
  const rng = new Rng(10_000_705);
  const today = shanghaiDate(now);
  const staff = (db.prepare('SELECT id FROM staff WHERE active = 1 ORDER BY created_at, id LIMIT ?').all(VISITORS) as { id: string }[]).map((r) => r.id);
  const admin = db.prepare(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`).get() as { id: string } | undefined;
  if (staff.length === 0 || !admin) throw new Error('the home visits generator needs staff and an admin from the earlier generators');
  const { maxRow } = db.prepare('SELECT max(rowid) maxRow FROM residents').get() as { maxRow: number };
  const residentAt = db.prepare('SELECT id, unit, room FROM residents WHERE rowid >= ? AND voided_at IS NULL LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO home_visits (id, request_id, resident_id, staff_id, day, start_minute, duration_minutes, address, purpose, status,
       outcome, cancel_reason, created_by, created_at, completed_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counts = { visits: 0, completed: 0, cancelled: 0, planned: 0, fromRequests: 0 };
  const epochOf = (day: string, minute: number) => Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000;

  const requests = db
    .prepare(
      `SELECT id, resident_id, visit_address, resolved_day, resolved_at, resolution FROM requests
       WHERE mode = 'homevisit' AND status IN ('resolved', 'closed') AND resolved_at IS NOT NULL AND home_visit_id IS NULL`,
    )
    .all() as { id: string; resident_id: string | null; visit_address: string | null; resolved_day: string; resolved_at: number; resolution: string | null }[];
  const link = db.prepare('UPDATE requests SET home_visit_id = ? WHERE id = ?');
  for (const r of requests) {
    const id = newId();
    const start = rng.pick(STARTS);
    insert.run(id, r.id, r.resident_id, rng.pick(staff), r.resolved_day, start, 60, r.visit_address ?? '上门地址', '上门办理', 'completed', r.resolution ?? '已上门办理', null, admin.id, r.resolved_at - 86_400_000, r.resolved_at, r.resolved_at);
    link.run(id, r.id);
    counts.visits++;
    counts.completed++;
    counts.fromRequests++;
  }

  for (let day = addDays(today, -365 * YEARS); day <= addDays(today, DAYS_AHEAD); day = addDays(day, 1)) {
    const out = [...staff].sort(() => rng.next() - 0.5).slice(0, OUT_PER_DAY);
    for (const staffId of out) {
      const starts = [...STARTS].sort(() => rng.next() - 0.5).slice(0, rng.int(2, 4));
      for (const start of starts) {
        const resident = residentAt.get(rng.int(1, maxRow)) as { id: string; unit: string | null; room: string | null } | undefined;
        const past = day < today;
        const status = past ? (rng.chance(0.06) ? 'cancelled' : 'completed') : 'planned';
        const created = epochOf(day, 0) - rng.int(1, 7) * 86_400_000;
        const done = status === 'completed' ? epochOf(day, start + 60) : null;
        insert.run(
          newId(),
          null,
          resident?.id ?? null,
          staffId,
          day,
          start,
          rng.pick([30, 45, 60, 90]),
          `幸福路${rng.int(1, 200)}号${resident?.unit ?? rng.int(1, 6)}单元${resident?.room ?? rng.int(101, 1802)}室`,
          rng.pick(PURPOSES),
          status,
          status === 'completed' ? '已上门，情况已记录' : null,
          status === 'cancelled' ? '居民不在家，改天再约' : null,
          admin.id,
          created,
          done,
          done ?? created,
        );
        counts.visits++;
        counts[status]++;
      }
    }
  }
  return counts;
}

export const homeVisitsGenerator: DatasetGenerator = { name: 'homeVisits', version: 1, run };
