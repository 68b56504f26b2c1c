import type { TICKET_CLASSES } from '../../../../shared/contract/queue';

export type TicketClass = (typeof TICKET_CLASSES)[number];

/*
 * Fair ordering (SPEC §3.2), pure so it can be proved by simulation. The counter says "next"; this
 * decides which ticket that is:
 *   1. aging: an ordinary ticket that has waited agingMinutes or more goes first (the longest-waiting);
 *   2. interleave: after priorityRun appointment/priority calls in a row, one ordinary ticket;
 *   3. otherwise appointment, then priority, then ordinary;
 * first-come within a class (queued_at, then the number's sequence).
 */

export interface Candidate {
  id: string;
  ticketClass: TicketClass;
  serviceId: string;
  queuedAt: number;
  seq: number;
  targetCounter: number | null;
}

export interface OrderingRules {
  priorityRun: number;
  agingMinutes: number;
}

export interface CounterTurn {
  /** Appointment/priority calls in a row at this counter since its last ordinary one. */
  streak: number;
  now: number;
}

/** The tickets a counter may call: of a service it serves, and not sent to another counter. */
export function eligibleFor<C extends Candidate>(all: readonly C[], counter: number, servedServiceIds: ReadonlySet<string>): C[] {
  return all.filter((c) => servedServiceIds.has(c.serviceId) && (c.targetCounter === null || c.targetCounter === counter));
}

const firstCome = (a: Candidate, b: Candidate) => a.queuedAt - b.queuedAt || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function oldest<C extends Candidate>(cs: readonly C[], cls: TicketClass): C | null {
  let best: C | null = null;
  for (const c of cs) if (c.ticketClass === cls && (best === null || firstCome(c, best) < 0)) best = c;
  return best;
}

/** The ticket to call next among the counter's eligible candidates, or null when there is none. */
export function pickNext<C extends Candidate>(candidates: readonly C[], rules: OrderingRules, turn: CounterTurn): C | null {
  const oldestOrdinary = oldest(candidates, 'ordinary');
  if (oldestOrdinary && turn.now - oldestOrdinary.queuedAt >= rules.agingMinutes * 60_000) return oldestOrdinary;
  if (oldestOrdinary && turn.streak >= rules.priorityRun) return oldestOrdinary;
  return oldest(candidates, 'appointment') ?? oldest(candidates, 'priority') ?? oldestOrdinary;
}

/** The streak after calling a ticket of this class. */
export const nextStreak = (streak: number, cls: TicketClass): number => (cls === 'ordinary' ? 0 : streak + 1);

/** The candidates in the order they would be called if the counter called them all now, one after another. */
export function callingOrder<C extends Candidate>(candidates: readonly C[], rules: OrderingRules, turn: CounterTurn): C[] {
  const left = [...candidates];
  const out: C[] = [];
  let streak = turn.streak;
  for (;;) {
    const next = pickNext(left, rules, { streak, now: turn.now });
    if (!next) return out;
    out.push(next);
    left.splice(left.indexOf(next), 1);
    streak = nextStreak(streak, next.ticketClass);
  }
}
