import type { z } from 'zod';
import type { DisplayState, kioskState as kioskStateSchema, Ticket, waitingEntry } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { getCentreSettings } from '../centre/settings';
import { counterNumbers, findCounterRow, servedServiceIds } from './counters';
import { callingOrder, eligibleFor, type Candidate } from './ordering';
import { getRules } from './rules';
import { stmt } from './statements';
import { SELECT_TICKET, toTicket, type TicketRow } from './tickets';

/*
 * What the hall display, the kiosk and a counter's waiting list show. The public ones carry ticket
 * numbers and service names only: no resident, no name, no id of anything but the call.
 */

const RECENT_CALLS = 8;

interface ServiceBrief {
  id: string;
  name: string;
  prefix: string;
  needs_appointment: number;
}

const activeServices = (db: Db) =>
  stmt(db, 'SELECT id, name, prefix, needs_appointment FROM services WHERE active = 1 ORDER BY prefix, name').all() as ServiceBrief[];

function waitingByService(db: Db, day: string): Map<string, number> {
  const rows = stmt(db, "SELECT service_id id, count(*) n FROM tickets WHERE day = ? AND status = 'waiting' GROUP BY service_id").all(day) as {
    id: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function displayState(db: Db, day: string): DisplayState {
  const counters = counterNumbers(db).map((n) => {
    const row = findCounterRow(db, n);
    const current = row?.current_ticket_id
      ? (stmt(db, "SELECT t.number, s.name serviceName FROM tickets t JOIN services s ON s.id = t.service_id WHERE t.id = ? AND t.status = 'called'").get(
          row.current_ticket_id,
        ) as { number: string; serviceName: string } | undefined)
      : undefined;
    return { number: n, status: row?.status ?? 'closed', ticketNumber: current?.number ?? null, serviceName: current?.serviceName ?? null };
  });
  const recentCalls = stmt(
    db,
    `SELECT t.number ticketNumber, e.counter, e.at FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.day = ? AND e.kind IN ('called', 'recalled') ORDER BY e.seq DESC LIMIT ?`,
  ).all(day, RECENT_CALLS) as DisplayState['recentCalls'];
  const counts = waitingByService(db, day);
  const waiting = activeServices(db)
    .filter((s) => s.needs_appointment === 0 || counts.has(s.id))
    .map((s) => ({ serviceName: s.name, prefix: s.prefix, count: counts.get(s.id) ?? 0 }));
  return { centreName: getCentreSettings(db).centreName, day, counters, recentCalls, waiting };
}

export function kioskState(db: Db, day: string): z.infer<typeof kioskStateSchema> {
  const counts = waitingByService(db, day);
  return {
    centreName: getCentreSettings(db).centreName,
    services: activeServices(db)
      .filter((s) => s.needs_appointment === 0)
      .map((s) => ({ id: s.id, name: s.name, prefix: s.prefix, waiting: counts.get(s.id) ?? 0 })),
    slipPrinter: getRules(db).slipPrinter,
  };
}

interface WaitingDetail extends Candidate {
  number: string;
  serviceName: string;
  priorityReason: Ticket['priorityReason'];
  returned: number;
}

/** A counter's waiting list, in the order "next" would call them now: numbers and waits only. */
export function waitingList(db: Db, n: number, day: string, at: number): z.infer<typeof waitingEntry>[] {
  const all = stmt(
    db,
    `SELECT t.id, t.number, t.class ticketClass, t.service_id serviceId, t.queued_at queuedAt, t.seq, t.target_counter targetCounter,
       s.name serviceName, t.priority_reason priorityReason, t.returned
     FROM tickets t JOIN services s ON s.id = t.service_id WHERE t.day = ? AND t.status = 'waiting'`,
  ).all(day) as WaitingDetail[];
  const candidates = eligibleFor(all, n, new Set(servedServiceIds(db, n)));
  const streak = findCounterRow(db, n)?.priority_streak ?? 0;
  return callingOrder(candidates, getRules(db), { streak, now: at }).map((c) => ({
    id: c.id,
    number: c.number,
    serviceName: c.serviceName,
    ticketClass: c.ticketClass,
    priorityReason: c.priorityReason,
    queuedAt: c.queuedAt,
    targetCounter: c.targetCounter,
    returned: c.returned === 1,
  }));
}

export function todayCounts(db: Db, day: string) {
  const c = stmt(
    db,
    `SELECT count(*) issued, coalesce(sum(status = 'waiting'), 0) waiting, coalesce(sum(status = 'called'), 0) called,
       coalesce(sum(status = 'done'), 0) done, coalesce(sum(status = 'noshow'), 0) noshow FROM tickets WHERE day = ?`,
  ).get(day) as { issued: number; waiting: number; called: number; done: number; noshow: number };
  return { day, ...c };
}

export function noShowsToday(db: Db, day: string): Ticket[] {
  return (stmt(db, `${SELECT_TICKET} WHERE t.day = ? AND t.status = 'noshow' ORDER BY t.called_at DESC`).all(day) as TicketRow[]).map(toTicket);
}
