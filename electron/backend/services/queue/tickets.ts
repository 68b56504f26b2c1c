import { fail, type IssuedTicket, type PRIORITY_REASONS, type Ticket } from '../../../../shared/contract';
import { ageOn, shanghaiDate } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { getCentreSettings } from '../centre/settings';
import { ensureDayClosed } from './endOfDay';
import type { TicketClass } from './ordering';
import { getRules } from './rules';
import { stmt } from './statements';

export type PriorityReason = (typeof PRIORITY_REASONS)[number];
export type TicketStatus = Ticket['status'];
export type EventKind = 'issued' | 'called' | 'recalled' | 'finished' | 'noshow' | 'returned' | 'transferred' | 'unserved';

export interface TicketRow {
  id: string;
  day: string;
  service_id: string;
  issued_service_id: string;
  seq: number;
  number: string;
  class: TicketClass;
  priority_reason: PriorityReason | null;
  source: 'kiosk' | 'desk' | 'appointment';
  resident_id: string | null;
  appointment_id: string | null;
  status: TicketStatus;
  counter: number | null;
  target_counter: number | null;
  issued_at: number;
  queued_at: number;
  first_called_at: number | null;
  called_at: number | null;
  call_count: number;
  finished_at: number | null;
  served_by: string | null;
  returned: number;
  request_id: string | null;
  service_name: string;
}

/** A ticket with the name of the service it is now at (a transfer changes it). */
export const SELECT_TICKET = 'SELECT t.*, s.name service_name FROM tickets t JOIN services s ON s.id = t.service_id';

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    day: r.day,
    number: r.number,
    serviceId: r.service_id,
    serviceName: r.service_name,
    ticketClass: r.class,
    priorityReason: r.priority_reason,
    status: r.status,
    counter: r.counter,
    targetCounter: r.target_counter,
    issuedAt: r.issued_at,
    queuedAt: r.queued_at,
    calledAt: r.called_at,
    callCount: r.call_count,
    finishedAt: r.finished_at,
    requestId: r.request_id,
    hasResident: r.resident_id !== null,
    residentId: r.resident_id,
  };
}

export function findTicketRow(db: Db, id: string): TicketRow | undefined {
  return stmt(db, `${SELECT_TICKET} WHERE t.id = ?`).get(id) as TicketRow | undefined;
}

export function getTicketRow(db: Db, id: string): TicketRow {
  const row = findTicketRow(db, id);
  if (!row) throw fail.notFound('queue.ticket.notFound');
  return row;
}

/** Appends to the ticket's history; returns the event's sequence number (the display's call id). */
export function addTicketEvent(
  db: Db,
  e: { ticketId: string; day: string; at: number; kind: EventKind; counter?: number | null; userId?: string | null; detail?: Record<string, unknown> },
): number {
  const r = stmt(db, 'INSERT INTO ticket_events (ticket_id, day, at, kind, counter, user_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.ticketId,
    e.day,
    e.at,
    e.kind,
    e.counter ?? null,
    e.userId ?? null,
    e.detail ? JSON.stringify(e.detail) : null,
  );
  return Number(r.lastInsertRowid);
}

export interface ServiceRow {
  id: string;
  name: string;
  prefix: string;
  counters: string;
  needs_appointment: number;
  active: number;
}

export function findServiceRow(db: Db, id: string): ServiceRow | undefined {
  return stmt(db, 'SELECT id, name, prefix, counters, needs_appointment, active FROM services WHERE id = ?').get(id) as ServiceRow | undefined;
}

/** A ticket number: the service's letter and the day's sequence, three digits (four past 999). */
export const ticketNumber = (prefix: string, seq: number) => `${prefix}${String(seq).padStart(3, '0')}`;

/** Waiting tickets of a service today: the "people ahead" on a slip and the counts on the kiosk. */
export function waitingCount(db: Db, day: string, serviceId: string): number {
  return (stmt(db, "SELECT count(*) n FROM tickets WHERE day = ? AND status = 'waiting' AND service_id = ?").get(day, serviceId) as { n: number }).n;
}

interface IssueArgs {
  service: ServiceRow;
  ticketClass: TicketClass;
  priorityReason: PriorityReason | null;
  source: 'kiosk' | 'desk' | 'appointment';
  residentId: string | null;
  appointmentId: string | null;
  userId: string | null;
}

/** Inserts a ticket; call inside a transaction (the sequence is read and used in the same one). */
function insertTicket(db: Db, at: number, a: IssueArgs): IssuedTicket {
  const day = shanghaiDate(at);
  const { seq } = stmt(db, 'SELECT coalesce(max(seq), 0) + 1 seq FROM tickets WHERE day = ? AND issued_service_id = ?').get(day, a.service.id) as {
    seq: number;
  };
  const ahead = waitingCount(db, day, a.service.id);
  const id = newId();
  stmt(
    db,
    `INSERT INTO tickets (id, day, service_id, issued_service_id, seq, number, class, priority_reason, source, resident_id,
       appointment_id, status, issued_at, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`,
  ).run(id, day, a.service.id, a.service.id, seq, ticketNumber(a.service.prefix, seq), a.ticketClass, a.priorityReason, a.source, a.residentId, a.appointmentId, at, at);
  addTicketEvent(db, { ticketId: id, day, at, kind: 'issued', userId: a.userId, detail: { source: a.source } });
  return { ticket: toTicket(getTicketRow(db, id)), centreName: getCentreSettings(db).centreName, ahead };
}

function activeService(db: Db, serviceId: string): ServiceRow {
  const service = findServiceRow(db, serviceId);
  if (!service || service.active !== 1) throw fail.validation('queue.service.unavailable', 'serviceId');
  return service;
}

/** Birth date of a resident who is on the register (not voided). */
function residentBirthDate(db: Db, residentId: string): string | null {
  const r = stmt(db, 'SELECT birth_date FROM residents WHERE id = ? AND voided_at IS NULL').get(residentId) as { birth_date: string | null } | undefined;
  if (!r) throw fail.validation('queue.resident.notFound', 'residentId');
  return r.birth_date;
}

/**
 * A walk-in ticket from the kiosk or the desk. Priority when a reason is given, or when the linked
 * resident is at least the elderly age today (from the birth date on the register).
 */
export function issueWalkInTicket(
  db: Db,
  at: number,
  input: { serviceId: string; priorityReason: PriorityReason | null; residentId: string | null; source: 'kiosk' | 'desk'; userId: string | null },
): IssuedTicket {
  ensureDayClosed(db, at);
  return db.transaction(() => {
    const service = activeService(db, input.serviceId);
    if (service.needs_appointment === 1) throw fail.validation('queue.service.needsAppointment', 'serviceId');
    let reason = input.priorityReason;
    if (reason === null && input.residentId !== null) {
      const birthDate = residentBirthDate(db, input.residentId);
      if (birthDate !== null && ageOn(birthDate, shanghaiDate(at)) >= getRules(db).elderlyAge) reason = 'elderly';
    } else if (input.residentId !== null) {
      residentBirthDate(db, input.residentId);
    }
    return insertTicket(db, at, {
      service,
      ticketClass: reason === null ? 'ordinary' : 'priority',
      priorityReason: reason,
      source: input.source,
      residentId: input.residentId,
      appointmentId: null,
      userId: input.userId,
    });
  })();
}

/**
 * The hook for appointments: a resident who checks in for an appointment gets a ticket of the
 * appointment class, called before priority and ordinary ones (subject to the interleave and aging
 * rules). The service may be appointment-only. Runs in its own transaction, or inside the caller's.
 * The caller announces it: ctx.changed('queue') and ctx.publish('queue.changed', {}).
 */
export function issueAppointmentTicket(db: Db, at: number, a: { serviceId: string; residentId: string | null; appointmentId: string }): IssuedTicket {
  ensureDayClosed(db, at);
  return db.transaction(() => {
    const service = activeService(db, a.serviceId);
    if (a.residentId !== null) residentBirthDate(db, a.residentId);
    return insertTicket(db, at, {
      service,
      ticketClass: 'appointment',
      priorityReason: null,
      source: 'appointment',
      residentId: a.residentId,
      appointmentId: a.appointmentId,
      userId: null,
    });
  })();
}
