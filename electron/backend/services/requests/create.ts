import { fail, type Input } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { dueDateFor } from './dueDate';
import { getRequestRow } from './lookup';
import { checkRouting, isRouted } from './routing';
import type { RequestStatus } from './rows';
import { recordSteps, type StepInput } from './steps';

export type CreateInput = Input<'requests.create'>;

/** 20261123-0007: the received day and its running number (per day, across all channels). */
export function nextRequestNumber(db: Db, day: string): string {
  const prefix = day.replaceAll('-', '');
  // The range keeps this on the number's unique index; the cast orders 10000 after 9999.
  const { n } = db
    .prepare(`SELECT max(CAST(substr(number, 10) AS INTEGER)) n FROM requests WHERE number >= ? AND number < ?`)
    .get(`${prefix}-`, `${prefix}.`) as { n: number | null };
  return `${prefix}-${String((n ?? 0) + 1).padStart(4, '0')}`;
}

function checkService(db: Db, id: string): { time_limit_days: number } {
  const s = db.prepare('SELECT active, time_limit_days FROM services WHERE id = ?').get(id) as
    | { active: number; time_limit_days: number }
    | undefined;
  if (!s) throw fail.validation('service.notFound', 'serviceId');
  if (s.active !== 1) throw fail.validation('request.service.inactive', 'serviceId');
  return s;
}

/** The resident's grid (the building's parent) when the request is received; null when unknown. */
function checkResident(db: Db, id: string | null): { gridId: string | null } {
  if (id === null) return { gridId: null };
  const r = db
    .prepare(
      `SELECT r.voided_at, g.id grid_id FROM residents r
       LEFT JOIN grid_nodes b ON b.id = r.building_id
       LEFT JOIN grid_nodes g ON g.id = b.parent_id AND g.kind = 'grid'
       WHERE r.id = ?`,
    )
    .get(id) as { voided_at: number | null; grid_id: string | null } | undefined;
  if (!r || r.voided_at !== null) throw fail.validation('resident.notFound', 'residentId');
  return { gridId: r.grid_id };
}

function checkTicket(db: Db, id: string | null): { counter: number | null; requestId: string | null } | null {
  if (id === null) return null;
  const t = db.prepare('SELECT counter, request_id FROM tickets WHERE id = ?').get(id) as
    | { counter: number | null; request_id: string | null }
    | undefined;
  if (!t) throw fail.validation('request.ticket.notFound', 'ticketId');
  return { counter: t.counter, requestId: t.request_id };
}

function checkStation(db: Db, id: string | null): void {
  if (id !== null && !db.prepare('SELECT 1 FROM stations WHERE id = ?').get(id)) throw fail.validation('station.notFound', 'stationId');
}

/**
 * Records a new request with its first steps (SPEC §3.4): received; then assigned when someone or a
 * department is named, or resolved at once for 马上办 with a result. Call inside a transaction.
 * Returns the new request's id.
 */
export function createRequest(db: Db, input: CreateInput, now: number, user: Pick<SessionUser, 'userId' | 'displayName'>): string {
  const today = shanghaiDate(now);
  const service = checkService(db, input.serviceId);
  const { gridId } = checkResident(db, input.residentId ?? null);
  const ticket = checkTicket(db, input.ticketId ?? null);
  checkStation(db, input.stationId ?? null);
  const routing = checkRouting(db, input);
  const resolvedNow = input.resolvedNow?.trim() || null;
  if (resolvedNow !== null && routing.mode !== 'immediate') throw fail.validation('request.resolvedNow.notImmediate', 'resolvedNow');
  const dueDate = dueDateFor(db, today, service.time_limit_days, input.dueDate ?? null);

  const steps: StepInput[] = [{ action: 'received', status: 'received' }];
  if (resolvedNow !== null) steps.push({ action: 'resolved', status: 'resolved', note: resolvedNow });
  else if (isRouted(routing)) steps.push({ action: 'assigned', status: 'assigned' });
  const status: RequestStatus = steps[steps.length - 1]!.status;

  const id = newId();
  db.prepare(
    `INSERT INTO requests (id, number, resident_id, grid_id, ticket_id, counter, station_id, service_id, channel, description,
       mode, assignee_staff_id, visit_address, department, origin_ref, status, received_at, received_day, received_by,
       due_date, resolved_at, resolved_day, resolution, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    nextRequestNumber(db, today),
    input.residentId ?? null,
    gridId,
    input.ticketId ?? null,
    input.counter ?? ticket?.counter ?? null,
    input.stationId ?? null,
    input.serviceId,
    input.channel,
    input.description,
    routing.mode,
    routing.assigneeStaffId,
    routing.visitAddress,
    routing.department,
    input.originRef ?? null,
    status,
    now,
    today,
    user.userId,
    dueDate,
    resolvedNow !== null ? now : null,
    resolvedNow !== null ? today : null,
    resolvedNow,
    now,
  );
  // A ticket keeps the first request opened on it (a second one for the same visit points back to it).
  if (ticket && ticket.requestId === null) db.prepare('UPDATE tickets SET request_id = ? WHERE id = ?').run(id, input.ticketId);
  recordSteps(db, getRequestRow(db, id), null, steps, user, now);
  return id;
}
