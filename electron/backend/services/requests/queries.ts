import { fail, type Input, type RequestDetail, type RequestSummary } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { toResident } from '../residents/residents';
import { OPEN_SQL, SUMMARY_FROM, SUMMARY_SELECT, toSummary, type SummaryRow } from './rows';
import { stepsOf } from './steps';

export type RequestFilter = Omit<Input<'requests.list'>, 'limit' | 'offset'>;


/**
 * The WHERE of the list and the export. Voided requests only when asked for by status; 'open' and
 * 'overdue' are written as the partial indexes' condition so the planner can use them.
 */
export function requestWhere(f: RequestFilter, today: string): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (f.status === 'open') parts.push(OPEN_SQL);
  else if (f.status === 'overdue') {
    parts.push(OPEN_SQL, 'q.due_date < ?');
    args.push(today);
  } else if (f.status) {
    parts.push('q.status = ?');
    args.push(f.status);
  } else parts.push(`q.status <> 'void'`);
  if (f.mode) {
    parts.push('q.mode = ?');
    args.push(f.mode);
  }
  if (f.channel) {
    parts.push('q.channel = ?');
    args.push(f.channel);
  }
  if (f.serviceId) {
    parts.push('q.service_id = ?');
    args.push(f.serviceId);
  }
  if (f.residentId) {
    parts.push('q.resident_id = ?');
    args.push(f.residentId);
  }
  // The number starts with the received day: the same bounds on it let the newest-first page walk its index.
  if (f.from) {
    parts.push('q.received_day >= ?', 'q.number >= ?');
    args.push(f.from, `${f.from.replaceAll('-', '')}-`);
  }
  if (f.to) {
    parts.push('q.received_day <= ?', 'q.number < ?');
    args.push(f.to, `${f.to.replaceAll('-', '')}.`);
  }
  const q = f.q?.trim();
  if (q) {
    // The search text is literal: LIKE's wildcards are escaped.
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (/^\d{8}-?\d*$/.test(q)) {
      // A number from its start (20261123-00…): a range on its index.
      const from = q.length > 8 && q[8] !== '-' ? `${q.slice(0, 8)}-${q.slice(8)}` : q;
      parts.push('q.number >= ? AND q.number < ?');
      args.push(from, `${from}\uffff`);
    } else if (/^[\d-]+$/.test(q)) {
      parts.push(`q.number LIKE ? ESCAPE '\\'`);
      args.push(like);
    } else {
      parts.push(
        `(q.number LIKE ? ESCAPE '\\' OR q.description LIKE ? ESCAPE '\\'
          OR q.resident_id IN (SELECT id FROM residents WHERE name LIKE ? ESCAPE '\\'))`,
      );
      args.push(like, like, like);
    }
  }
  return { sql: parts.join(' AND '), args };
}

/** Newest first: the number is the received day and its running number, and has an index. */
const ORDER = 'q.number DESC';

export function listRequests(db: Db, f: RequestFilter & { limit: number; offset: number }, today: string) {
  const w = requestWhere(f, today);
  const total = (db.prepare(`SELECT count(*) n FROM requests q WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  // The page is chosen on the requests table alone; only its rows are joined to their names.
  const rows = db
    .prepare(`${SUMMARY_SELECT} WHERE q.rowid IN (SELECT q.rowid FROM requests q WHERE ${w.sql} ORDER BY ${ORDER} LIMIT ? OFFSET ?) ORDER BY ${ORDER}`)
    .all(...w.args, f.limit, f.offset) as SummaryRow[];
  return { total, rows: rows.map((r): RequestSummary => toSummary(r, today)) };
}

export type ExportRow = SummaryRow & { resident_phone: string | null };

/** Every matching request with the resident's phone (to be masked), for the export. */
export function allMatchingRequests(db: Db, f: RequestFilter, today: string): ExportRow[] {
  const w = requestWhere(f, today);
  return db
    .prepare(`SELECT q.*, r.name resident_name, r.phone resident_phone, s.name service_name, st.name assignee_name ${SUMMARY_FROM}
              WHERE ${w.sql} ORDER BY ${ORDER}`)
    .all(...w.args) as ExportRow[];
}

type ResidentRow = Parameters<typeof toResident>[0];

/** The resident as the request shows them, even if voided since: masked phone; address down to the flat (1-302). */
function residentOf(db: Db, id: string, today: string): { phoneMasked: string | null; address: string | null } | null {
  const row = db
    .prepare(
      `SELECT r.*, b.name building_name, g.name grid_name, a.name area_name
       FROM residents r
       LEFT JOIN grid_nodes b ON b.id = r.building_id
       LEFT JOIN grid_nodes g ON g.id = b.parent_id
       LEFT JOIN grid_nodes a ON a.id = g.parent_id
       WHERE r.id = ?`,
    )
    .get(id) as ResidentRow | undefined;
  if (!row) return null;
  const r = toResident(row, today);
  const flat = r.unit && r.room ? `${r.unit}-${r.room}` : r.unit || r.room;
  return { phoneMasked: r.phoneMasked, address: [r.address, flat].filter(Boolean).join(' ') || null };
}

export function getRequestDetail(db: Db, id: string, today: string): RequestDetail {
  const r = db.prepare(`${SUMMARY_SELECT} WHERE q.id = ?`).get(id) as SummaryRow | undefined;
  if (!r) throw fail.notFound('request.notFound');
  const resident = r.resident_id ? residentOf(db, r.resident_id, today) : null;
  const ticket = r.ticket_id ? (db.prepare('SELECT number FROM tickets WHERE id = ?').get(r.ticket_id) as { number: string } | undefined) : undefined;
  const receivedBy = db.prepare('SELECT display_name FROM users WHERE id = ?').get(r.received_by) as { display_name: string } | undefined;
  return {
    ...toSummary(r, today),
    residentId: r.resident_id,
    residentPhoneMasked: resident?.phoneMasked ?? null,
    residentAddress: resident?.address ?? null,
    ticketNumber: ticket?.number ?? null,
    serviceId: r.service_id,
    assigneeStaffId: r.assignee_staff_id,
    visitAddress: r.visit_address,
    originRef: r.origin_ref,
    stationId: r.station_id,
    counter: r.counter,
    receivedByName: receivedBy?.display_name ?? '',
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
    feedbackNote: r.feedback_note,
    reopenCount: r.reopen_count,
    voidReason: r.void_reason,
    homeVisitId: r.home_visit_id,
    steps: stepsOf(db, id),
  };
}
