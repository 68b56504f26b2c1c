import { fail, type EventPayload } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { findCounterRow, servedServiceIds, workingCounter, type CounterRow } from './counters';
import { ensureDayClosed } from './endOfDay';
import { eligibleFor, nextStreak, pickNext, type Candidate } from './ordering';
import { getRules } from './rules';
import { stmt } from './statements';
import { addTicketEvent, findServiceRow, getTicketRow, toTicket, type TicketRow } from './tickets';

/** A call to announce in the hall (queue.called). */
export type CallAnnouncement = EventPayload<'queue.called'>;

export interface CallResult {
  /** Whether anything was written (a repeated click writes nothing). */
  changed: boolean;
  call: CallAnnouncement | null;
}

interface WaitingRow extends Candidate {
  number: string;
}

/** Today's waiting tickets, read through the (day, status) index: a day is small whatever the history. */
export function waitingToday(db: Db, day: string): WaitingRow[] {
  return stmt(
    db,
    `SELECT id, number, class ticketClass, service_id serviceId, queued_at queuedAt, seq, target_counter targetCounter
     FROM tickets WHERE day = ? AND status = 'waiting'`,
  ).all(day) as WaitingRow[];
}

function setCurrent(db: Db, n: number, ticketId: string | null, streak: number, at: number): void {
  stmt(db, 'UPDATE counters SET current_ticket_id = ?, priority_streak = ?, updated_at = ? WHERE number = ?').run(ticketId, streak, at, n);
}

/** The counter's current ticket, named by the screen that acts on it; anything else is stale. */
function currentTicket(db: Db, row: CounterRow, ticketId: string): TicketRow {
  const t = row.current_ticket_id === ticketId ? getTicketRow(db, ticketId) : undefined;
  if (!t || t.status !== 'called') throw fail.conflict('queue.ticket.notCurrent', 'ticketId');
  return t;
}

function finishTicket(db: Db, t: TicketRow, n: number, user: SessionUser, at: number): void {
  const r = stmt(db, "UPDATE tickets SET status = 'done', finished_at = ?, served_by = ? WHERE id = ? AND status = 'called'").run(at, user.userId, t.id);
  if (r.changes === 1) addTicketEvent(db, { ticketId: t.id, day: t.day, at, kind: 'finished', counter: n, userId: user.userId });
}

/**
 * 下一位: the current ticket is done, and the next one by the fair-ordering rules is called here.
 * `after` is the ticket the worker's screen shows: if the counter has moved on since (a double
 * click, a second window), nothing happens. One immediate transaction, so two counters calling at
 * the same instant are serialised and never get the same ticket.
 */
export function callNext(db: Db, n: number, after: string | null, user: SessionUser, at: number): CallResult {
  ensureDayClosed(db, at);
  return db
    .transaction((): CallResult => {
      const row = workingCounter(db, n, user, { allowPaused: false });
      if (row.current_ticket_id !== after) return { changed: false, call: null };
      if (row.current_ticket_id !== null) {
        const current = getTicketRow(db, row.current_ticket_id);
        if (current.status === 'called') finishTicket(db, current, n, user, at);
      }
      const day = shanghaiDate(at);
      const rules = getRules(db);
      let candidates = eligibleFor(waitingToday(db, day), n, new Set(servedServiceIds(db, n)));
      const claim = stmt(
        db,
        `UPDATE tickets SET status = 'called', counter = ?, called_at = ?, first_called_at = coalesce(first_called_at, ?),
           call_count = call_count + 1 WHERE id = ? AND status = 'waiting'`,
      );
      for (;;) {
        const next = pickNext(candidates, rules, { streak: row.priority_streak, now: at });
        if (!next) {
          setCurrent(db, n, null, row.priority_streak, at);
          return { changed: row.current_ticket_id !== null, call: null };
        }
        if (claim.run(n, at, at, next.id).changes !== 1) {
          // Taken meanwhile (cannot happen inside this transaction, but never call a ticket twice).
          candidates = candidates.filter((c) => c !== next);
          continue;
        }
        setCurrent(db, n, next.id, nextStreak(row.priority_streak, next.ticketClass), at);
        const callId = addTicketEvent(db, { ticketId: next.id, day, at, kind: 'called', counter: n, userId: user.userId });
        return { changed: true, call: { callId: String(callId), ticketNumber: next.number, counter: n, at } };
      }
    })
    .immediate();
}

/** 重呼: the current ticket is called again in the hall. */
export function recall(db: Db, n: number, ticketId: string, user: SessionUser, at: number): CallAnnouncement {
  ensureDayClosed(db, at);
  return db
    .transaction(() => {
      const t = currentTicket(db, workingCounter(db, n, user, { allowPaused: true }), ticketId);
      stmt(db, 'UPDATE tickets SET call_count = call_count + 1, called_at = ? WHERE id = ?').run(at, t.id);
      stmt(db, 'UPDATE counters SET updated_at = ? WHERE number = ?').run(at, n);
      const callId = addTicketEvent(db, { ticketId: t.id, day: t.day, at, kind: 'recalled', counter: n, userId: user.userId });
      return { callId: String(callId), ticketNumber: t.number, counter: n, at };
    })
    .immediate();
}

/** 办完: the current ticket is done, and nothing is called. */
export function finish(db: Db, n: number, ticketId: string, user: SessionUser, at: number): void {
  ensureDayClosed(db, at);
  db.transaction(() => {
    const row = workingCounter(db, n, user, { allowPaused: true });
    finishTicket(db, currentTicket(db, row, ticketId), n, user, at);
    setCurrent(db, n, null, row.priority_streak, at);
  }).immediate();
}

/** 过号: the called person did not come; the ticket can return to the queue later. */
export function noShow(db: Db, n: number, ticketId: string, user: SessionUser, at: number): void {
  ensureDayClosed(db, at);
  db.transaction(() => {
    const row = workingCounter(db, n, user, { allowPaused: true });
    const t = currentTicket(db, row, ticketId);
    stmt(db, "UPDATE tickets SET status = 'noshow' WHERE id = ? AND status = 'called'").run(t.id);
    addTicketEvent(db, { ticketId: t.id, day: t.day, at, kind: 'noshow', counter: n, userId: user.userId });
    setCurrent(db, n, null, row.priority_streak, at);
  }).immediate();
}

/**
 * A no-show who comes back the same day queues again, at the back of its class. One sent to a given
 * counter that has closed since is given back to every counter (closing only freed the waiting ones).
 */
export function returnTicket(db: Db, ticketId: string, user: SessionUser, at: number) {
  ensureDayClosed(db, at);
  return db
    .transaction(() => {
      const t = getTicketRow(db, ticketId);
      if (t.status !== 'noshow') throw fail.conflict('queue.ticket.notNoShow', 'ticketId', { number: t.number });
      if (t.day !== shanghaiDate(at)) throw fail.conflict('queue.ticket.notToday', 'ticketId', { number: t.number });
      const target = t.target_counter === null ? undefined : findCounterRow(db, t.target_counter);
      const targetCounter = target && target.status !== 'closed' ? target.number : null;
      stmt(db, "UPDATE tickets SET status = 'waiting', queued_at = ?, returned = 1, counter = NULL, target_counter = ? WHERE id = ? AND status = 'noshow'").run(
        at,
        targetCounter,
        t.id,
      );
      addTicketEvent(db, { ticketId: t.id, day: t.day, at, kind: 'returned', userId: user.userId });
      return toTicket(getTicketRow(db, t.id));
    })
    .immediate();
}

/** Whether a counter that is open or paused serves the service (so a transferred ticket will be called). */
function someCounterServes(db: Db, serviceId: string): boolean {
  const working = stmt(db, "SELECT number FROM counters WHERE status IN ('open', 'paused')").all() as { number: number }[];
  return working.some((c) => servedServiceIds(db, c.number).includes(serviceId));
}

/**
 * 转窗: the current ticket goes back to waiting at another service and/or for a given counter. It
 * keeps its place (queued_at), since the person has already waited once.
 */
export function transfer(
  db: Db,
  n: number,
  input: { ticketId: string; serviceId: string | null; targetCounter: number | null },
  user: SessionUser,
  at: number,
): void {
  ensureDayClosed(db, at);
  db.transaction(() => {
    const row = workingCounter(db, n, user, { allowPaused: true });
    const t = currentTicket(db, row, input.ticketId);
    const toService = input.serviceId ?? t.service_id;
    if (input.serviceId !== null) {
      const service = findServiceRow(db, input.serviceId);
      if (!service || service.active !== 1 || !someCounterServes(db, service.id)) {
        throw fail.validation('queue.transfer.serviceClosed', 'serviceId', { name: service?.name ?? '' });
      }
    }
    if (input.targetCounter !== null) {
      const target = findCounterRow(db, input.targetCounter);
      if (!target || target.status === 'closed') {
        throw fail.validation('queue.transfer.counterClosed', 'targetCounter', { counter: input.targetCounter });
      }
      if (!servedServiceIds(db, input.targetCounter).includes(toService)) {
        throw fail.validation('queue.transfer.notServed', 'targetCounter', { counter: input.targetCounter });
      }
    }
    if (toService === t.service_id && (input.targetCounter === null || input.targetCounter === n)) {
      throw fail.validation('queue.transfer.same', input.targetCounter === null ? 'serviceId' : 'targetCounter');
    }
    stmt(db, "UPDATE tickets SET status = 'waiting', counter = NULL, service_id = ?, target_counter = ? WHERE id = ? AND status = 'called'").run(
      toService,
      input.targetCounter,
      t.id,
    );
    addTicketEvent(db, {
      ticketId: t.id,
      day: t.day,
      at,
      kind: 'transferred',
      counter: n,
      userId: user.userId,
      detail: { fromServiceId: t.service_id, toServiceId: toService, targetCounter: input.targetCounter },
    });
    setCurrent(db, n, null, row.priority_streak, at);
  }).immediate();
}
