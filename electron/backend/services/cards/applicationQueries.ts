import { fail, type ApplicationDetail, type ParsedInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { residentWhere } from '../residents/residents';
import { applicationStepsOf } from './applicationSteps';
import { reviewOf } from './applications';
import { approvalBlock } from './approval';
import { APPLICATION_SELECT, toApplicationSummary, type ApplicationRow } from './rows';

function objectionsOf(db: Db, applicationId: string): ApplicationDetail['objections'] {
  const rows = db
    .prepare(
      `SELECT o.*, lu.display_name lodged_by_name, su.display_name settled_by_name
         FROM application_objections o
         LEFT JOIN users lu ON lu.id = o.lodged_by
         LEFT JOIN users su ON su.id = o.settled_by
        WHERE o.application_id = ? ORDER BY o.lodged_at, o.id`,
    )
    .all(applicationId) as {
    id: string;
    lodged_at: number;
    lodged_by_name: string | null;
    objector: string | null;
    content: string;
    settled_at: number | null;
    settled_by_name: string | null;
    settlement: string | null;
    upheld: number | null;
  }[];
  return rows.map((o) => ({
    id: o.id,
    lodgedAt: o.lodged_at,
    lodgedByName: o.lodged_by_name ?? '',
    objector: o.objector,
    content: o.content,
    settledAt: o.settled_at,
    settledByName: o.settled_by_name,
    settlement: o.settlement,
    upheld: o.upheld === null ? null : o.upheld === 1,
  }));
}

export function getApplicationDetail(db: Db, id: string, today: string): ApplicationDetail {
  const a = db.prepare(`${APPLICATION_SELECT} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
  if (!a) throw fail.notFound('application.notFound');
  return {
    ...toApplicationSummary(a),
    holderResidentId: a.holder_resident_id,
    benefit: { kind: a.benefit_kind, value: a.benefit_value },
    monthlyCapFen: a.monthly_cap_fen,
    delivery: a.delivery === 1,
    reason: a.reason,
    review: reviewOf(a),
    notice: a.notice_start && a.notice_end ? { startDate: a.notice_start, endDate: a.notice_end, place: a.notice_place ?? '' } : null,
    objections: objectionsOf(db, id),
    steps: applicationStepsOf(db, id),
    approvalBlockedBy: approvalBlock(db, a, today)?.value.key ?? null,
  };
}

/** Newest first; q: the number (SQ2026-…) or the head's or holder's name, pinyin or initials. */
export function listApplications(db: Db, f: ParsedInput<'cardApplications.list'>) {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (f.status) {
    parts.push('a.status = ?');
    args.push(f.status);
  }
  const q = f.q?.trim();
  if (q && /^(SQ)?[\d-]+$/i.test(q)) {
    parts.push(`a.number LIKE ? ESCAPE '\\'`);
    args.push(`%${q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  } else if (q) {
    const w = residentWhere(db, { q });
    parts.push(
      `(a.holder_resident_id IN (SELECT r.id FROM residents r WHERE ${w.sql})
        OR a.household_id IN (SELECT h.id FROM households h WHERE h.head_resident_id IN (SELECT r.id FROM residents r WHERE ${w.sql})))`,
    );
    args.push(...w.args, ...w.args);
  }
  const where = parts.length ? parts.join(' AND ') : '1';
  const total = (db.prepare(`SELECT count(*) n FROM card_applications a WHERE ${where}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `${APPLICATION_SELECT} WHERE a.id IN (SELECT a.id FROM card_applications a WHERE ${where} ORDER BY a.submitted_at DESC, a.id DESC LIMIT ? OFFSET ?)
       ORDER BY a.submitted_at DESC, a.id DESC`,
    )
    .all(...args, f.limit, f.offset) as ApplicationRow[];
  return { total, rows: rows.map(toApplicationSummary) };
}

/** A household's applications, newest first (for its detail). */
export function applicationsOfHousehold(db: Db, householdId: string) {
  const rows = db.prepare(`${APPLICATION_SELECT} WHERE a.household_id = ? ORDER BY a.submitted_at DESC, a.id DESC`).all(householdId) as ApplicationRow[];
  return rows.map(toApplicationSummary);
}
