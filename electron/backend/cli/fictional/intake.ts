import type { CHANNELS, HANDLING_MODES, PRIORITY_REASONS, SATISFACTIONS, TICKET_CLASSES, TICKET_SOURCES } from '../../../../shared/contract';
import { addWorkingDays, type WorkCalendar } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { asksFor, DEPARTMENTS, feedbackNotes, resolutions, VOID_REASONS } from './intakeTexts';
import type { Rng } from './prng';

/*
 * Walk-in intake history (tickets, calls, requests and their steps) for the demo centre and the
 * ten-year bench dataset. Rows are written with plain prepared statements, not through the queue
 * and requests services (a million requests through them would take an hour), so they must look
 * exactly like what those services write: the test in demoIntake.test.ts checks that they do.
 */

type Mode = (typeof HANDLING_MODES)[number];
type Channel = (typeof CHANNELS)[number];
type TicketClass = (typeof TICKET_CLASSES)[number];
type PriorityReason = (typeof PRIORITY_REASONS)[number];
type Source = (typeof TICKET_SOURCES)[number];
type Satisfaction = (typeof SATISFACTIONS)[number];

export interface IntakeService {
  id: string;
  prefix: string;
  category: string;
  timeLimitDays: number;
  defaultMode: Mode;
  /** Counters that serve it; empty = any counter. */
  counters: number[];
  needsAppointment: boolean;
  /** Relative share of the tickets and requests. */
  weight: number;
}

export interface IntakeResident {
  id: string;
  gridId: string | null;
  address: string;
  elderly: boolean;
}

export interface Person {
  id: string;
  name: string;
}

/** What the history is made of: everything is read from (or already written to) the database. */
export interface IntakeWorld {
  services: IntakeService[];
  /** Login users who work the counters, take phone calls and do the follow-up calls. */
  desk: Person[];
  /** Staff members a 专人办 request can be assigned to (staff.id). */
  staff: Person[];
  /** The login account of a staff member, who records their own steps; others' steps are recorded by the desk. */
  userOfStaff: Map<string, Person>;
  stationIds: string[];
  residents: IntakeResident[];
  calendar: WorkCalendar;
  counterCount: number;
}

export interface HistoryPlan {
  /** Working days before today, ascending. */
  days: string[];
  /** How many tickets, and how many requests not from the window, on a day. */
  volume(day: string, index: number, rng: Rng): { tickets: number; otherRequests: number };
  /** Share of served tickets that open a request at the counter. */
  windowRequestShare: number;
  /** A request that would be resolved by now is left open when this says so (the demo's to-do lists). */
  keepOpen?(r: { receivedDay: string; dueDate: string; mode: Mode; assigneeStaffId: string | null }, rng: Rng): boolean;
  /** Staff member who gets a quarter of the 专人办 requests (the demo desk user's own to-do list). */
  favouriteAssignee?: string;
  /** Share of routed requests voided by mistake (default 0.4 %). */
  voidShare?: number;
  /** Told after each day is written. */
  progress?(daysDone: number, counts: IntakeCounts): void;
}

export interface IntakeCounts {
  tickets: number;
  ticketEvents: number;
  queueDays: number;
  requests: number;
  requestSteps: number;
}

const MIN = 60_000;
const OPEN_MIN = 8 * 60 + 30;
const CLOSE_MIN = 17 * 60 + 30;

/** A UUIDv7 at `ms` with random bits from the seeded generator: ids sort by time and repeat with the seed. */
export function fictionalId(rng: Rng, ms: number): string {
  const ts = ms.toString(16).padStart(12, '0');
  const hex = (bits: number, width: number) => Math.floor(rng.next() * 2 ** bits).toString(16).padStart(width, '0');
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${hex(12, 3)}-${(0x8000 | Math.floor(rng.next() * 0x4000)).toString(16)}-${hex(24, 6)}${hex(24, 6)}`;
}

/** Epoch ms of 00:00 in Shanghai on a day. */
export const shanghaiMidnight = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

const expo = (rng: Rng, mean: number, cap: number) => Math.min(cap, -Math.log(1 - rng.next()) * mean);

/** When people take numbers: the morning rush, the lunch lull, a smaller afternoon. [from, to, weight] in minutes. */
const ISSUE_HOURS: readonly (readonly [readonly [number, number], number])[] = [
  [[510, 570], 18], [[570, 630], 22], [[630, 690], 16], [[690, 810], 6], [[810, 870], 14], [[870, 930], 12], [[930, 990], 8], [[990, 1035], 4],
];
const PRIORITY: readonly (readonly [PriorityReason, number])[] = [['elderly', 70], ['disabled', 12], ['pregnant', 8], ['veteran', 10]];
const OTHER_CHANNELS: readonly (readonly [Channel, number])[] = [['phone', 40], ['grid', 30], ['station', 18], ['county', 12]];
const MODES_BY_CHANNEL: Record<Channel, readonly (readonly [Mode, number])[]> = {
  window: [['immediate', 70], ['onsite', 8], ['homevisit', 6], ['assigned', 11], ['escalated', 5]],
  phone: [['immediate', 35], ['onsite', 15], ['homevisit', 15], ['assigned', 25], ['escalated', 10]],
  grid: [['immediate', 10], ['onsite', 35], ['homevisit', 15], ['assigned', 20], ['escalated', 20]],
  station: [['immediate', 40], ['onsite', 15], ['homevisit', 20], ['assigned', 20], ['escalated', 5]],
  county: [['immediate', 5], ['onsite', 25], ['homevisit', 10], ['assigned', 30], ['escalated', 30]],
};
const SATISFACTION: readonly (readonly [Satisfaction, number])[] = [['satisfied', 85], ['basic', 10], ['unsatisfied', 5]];
const AFTER_REOPEN: readonly (readonly [Satisfaction, number])[] = [['satisfied', 70], ['basic', 25], ['unsatisfied', 5]];
/** The issued event's detail, as the queue service writes it. */
const SOURCE_DETAIL: Record<Source, string> = { kiosk: '{"source":"kiosk"}', desk: '{"source":"desk"}', appointment: '{"source":"appointment"}' };
const DETAILS = ['', '', '', '，居民行动不便', '，已多次反映', '，需尽快处理', '，材料已带齐', '，家中老人独居'];

interface Ticket {
  id: string;
  service: IntakeService;
  seq: number;
  cls: TicketClass;
  reason: PriorityReason | null;
  source: Source;
  residentId: string | null;
  status: 'waiting' | 'done' | 'noshow' | 'unserved';
  counter: number | null;
  issuedAt: number;
  issuedBy: string | null;
  firstCalledAt: number | null;
  calledAt: number | null;
  callCount: number;
  finishedAt: number | null;
  servedBy: Person | null;
  requestId: string | null;
}

type Step = [at: number, action: string, status: string, user: Person | null, note: string | null];

interface Request {
  id: string;
  ticket: Ticket | null;
  counter: number | null;
  service: IntakeService;
  channel: Channel;
  receivedAt: number;
  receivedBy: Person;
}

/** The prepared statements, compiled once per run. */
class Writer {
  readonly ticket;
  readonly event;
  readonly queueDay;
  readonly request;
  readonly step;
  constructor(db: Db) {
    this.ticket = db.prepare(`INSERT INTO tickets (id, day, service_id, issued_service_id, seq, number, class, priority_reason, source, resident_id, status,
      counter, issued_at, queued_at, first_called_at, called_at, call_count, finished_at, served_by, request_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.event = db.prepare('INSERT INTO ticket_events (ticket_id, day, at, kind, counter, user_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.queueDay = db.prepare('INSERT INTO queue_days (day, issued, served, no_shows, unserved, closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.request = db.prepare(`INSERT INTO requests (id, number, resident_id, grid_id, ticket_id, counter, station_id, service_id, channel, description, mode,
      assignee_staff_id, visit_address, department, origin_ref, status, received_at, received_day, received_by, due_date, resolved_at, resolved_day,
      resolution, satisfaction, feedback_note, feedback_at, closed_at, reopen_count, void_reason, voided_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.step = db.prepare('INSERT INTO request_steps (request_id, at, action, status, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }
}

/** Working days after a working day, through the shared rule, remembered (a million requests ask a few thousand questions). */
class Workdays {
  private memo = new Map<string, string>();
  constructor(private readonly calendar: WorkCalendar) {}
  add(day: string, n: number): string {
    const key = `${day}|${n}`;
    let d = this.memo.get(key);
    if (d === undefined) {
      d = addWorkingDays(day, n, this.calendar);
      this.memo.set(key, d);
    }
    return d;
  }
}

/** Writes the tickets, calls and requests of each day in `plan.days` as if each day had really happened. Call inside a transaction. */
export function fillIntakeHistory(db: Db, rng: Rng, world: IntakeWorld, plan: HistoryPlan, now: number): IntakeCounts {
  const gen = new DayGenerator(db, rng, world, plan, now);
  plan.days.forEach((day, i) => {
    gen.day(day, i);
    plan.progress?.(i + 1, gen.counts);
  });
  return gen.counts;
}

class DayGenerator {
  readonly counts: IntakeCounts = { tickets: 0, ticketEvents: 0, queueDays: 0, requests: 0, requestSteps: 0 };
  private readonly w: Writer;
  private readonly workdays: Workdays;
  private readonly elderly: IntakeResident[];
  private readonly serviceWeights: (readonly [IntakeService, number])[];
  private readonly residentsById: Map<string, IntakeResident>;

  constructor(
    db: Db,
    private readonly rng: Rng,
    private readonly world: IntakeWorld,
    private readonly plan: HistoryPlan,
    private readonly now: number,
  ) {
    this.w = new Writer(db);
    this.workdays = new Workdays(world.calendar);
    this.elderly = world.residents.filter((r) => r.elderly);
    this.serviceWeights = world.services.map((s) => [s, s.weight] as const);
    this.residentsById = new Map(world.residents.map((r) => [r.id, r]));
  }

  day(day: string, index: number): void {
    const { rng, world } = this;
    const midnight = shanghaiMidnight(day);
    const vol = this.plan.volume(day, index, rng);
    // Who sits at which counter today.
    const atCounter = (c: number) => world.desk[(c + index) % world.desk.length]!;
    const tickets = this.tickets(day, midnight, vol.tickets, atCounter);
    const requests: Request[] = [];
    for (const t of tickets) {
      if (t.status !== 'done' || !rng.chance(this.plan.windowRequestShare)) continue;
      const at = t.calledAt! + Math.max(30_000, Math.floor((t.finishedAt! - t.calledAt!) * rng.next()));
      requests.push({ id: fictionalId(rng, at), ticket: t, counter: t.counter, service: t.service, channel: 'window', receivedAt: at, receivedBy: t.servedBy! });
    }
    for (let i = 0; i < vol.otherRequests; i++) {
      const at = midnight + Math.floor((OPEN_MIN + rng.next() * (CLOSE_MIN - OPEN_MIN)) * MIN);
      const service = rng.weighted(this.serviceWeights);
      requests.push({ id: fictionalId(rng, at), ticket: null, counter: null, service, channel: rng.weighted(OTHER_CHANNELS), receivedAt: at, receivedBy: rng.pick(world.desk) });
    }
    requests.sort((a, b) => a.receivedAt - b.receivedAt);
    for (const r of requests) if (r.ticket) r.ticket.requestId = r.id;

    this.writeTickets(day, tickets, midnight);
    const compact = day.replace(/-/g, '');
    requests.forEach((r, i) => this.writeRequest(r, `${compact}-${String(i + 1).padStart(4, '0')}`, day));
  }

  private tickets(day: string, midnight: number, n: number, atCounter: (c: number) => Person): Ticket[] {
    const { rng, world } = this;
    const issued: number[] = [];
    for (let i = 0; i < n; i++) {
      const [from, to] = rng.weighted(ISSUE_HOURS);
      issued.push(midnight + Math.floor((from + rng.next() * (to - from)) * MIN));
    }
    issued.sort((a, b) => a - b);
    const seqs = new Map<string, number>();
    return issued.map((issuedAt) => {
      const service = rng.weighted(this.serviceWeights);
      const seq = (seqs.get(service.id) ?? 0) + 1;
      seqs.set(service.id, seq);
      const t = this.newTicket(service, seq, issuedAt);
      const minute = (issuedAt - midnight) / MIN;
      const wait = expo(rng, t.cls === 'ordinary' ? 14 : 5, 100);
      const firstCalledAt = issuedAt + Math.floor(wait * MIN) + rng.int(5_000, 55_000);
      if ((minute >= 990 && rng.chance(0.3)) || rng.chance(0.008) || (firstCalledAt - midnight) / MIN > CLOSE_MIN) {
        t.status = 'unserved'; // still waiting at the end of the day
        return t;
      }
      t.counter = service.counters.length ? rng.pick(service.counters) : rng.int(1, world.counterCount);
      t.servedBy = atCounter(t.counter);
      t.firstCalledAt = firstCalledAt;
      if (rng.chance(0.05)) {
        t.status = 'noshow';
        t.callCount = rng.int(2, 3);
      } else {
        t.status = 'done';
        t.callCount = rng.chance(0.08) ? 2 : 1;
      }
      t.calledAt = firstCalledAt + (t.callCount - 1) * rng.int(40_000, 120_000);
      if (t.status === 'done') t.finishedAt = t.calledAt + Math.floor((2 + expo(rng, 7, 55)) * MIN);
      return t;
    });
  }

  private newTicket(service: IntakeService, seq: number, issuedAt: number): Ticket {
    const { rng, world } = this;
    let cls: TicketClass = 'ordinary';
    let reason: PriorityReason | null = null;
    if (service.needsAppointment && rng.chance(0.3)) cls = 'appointment';
    else if (rng.chance(0.12)) {
      cls = 'priority';
      reason = rng.weighted(PRIORITY);
    }
    const source: Source = cls === 'appointment' ? 'appointment' : rng.chance(0.35) ? 'desk' : 'kiosk';
    let residentId: string | null = null;
    if (source !== 'kiosk') {
      const resident = reason === 'elderly' && this.elderly.length ? rng.pick(this.elderly) : rng.chance(0.8) ? rng.pick(world.residents) : null;
      residentId = resident?.id ?? null;
      // The desk's issue makes a linked resident of the elderly age a priority ticket by itself.
      if (resident?.elderly && cls === 'ordinary') {
        cls = 'priority';
        reason = 'elderly';
      }
    }
    return {
      id: fictionalId(rng, issuedAt), service, seq, cls, reason, source, residentId, status: 'waiting', counter: null, issuedAt,
      issuedBy: source === 'desk' ? rng.pick(world.desk).id : null,
      firstCalledAt: null, calledAt: null, callCount: 0, finishedAt: null, servedBy: null, requestId: null,
    };
  }

  private writeTickets(day: string, tickets: Ticket[], midnight: number): void {
    const { w } = this;
    let done = 0;
    let noShows = 0;
    let unserved = 0;
    let closeAt = midnight + (CLOSE_MIN + 15) * MIN;
    for (const t of tickets) if (t.finishedAt && t.finishedAt >= closeAt) closeAt = t.finishedAt + 5 * MIN;
    const closer = this.world.desk[0]!;
    for (const t of tickets) {
      w.ticket.run(t.id, day, t.service.id, t.service.id, t.seq, `${t.service.prefix}${String(t.seq).padStart(3, '0')}`, t.cls, t.reason, t.source, t.residentId,
        t.status, t.counter, t.issuedAt, t.issuedAt, t.firstCalledAt, t.calledAt, t.callCount, t.finishedAt, t.status === 'done' ? t.servedBy!.id : null, t.requestId);
      w.event.run(t.id, day, t.issuedAt, 'issued', null, t.issuedBy, SOURCE_DETAIL[t.source]);
      let events = 1;
      if (t.firstCalledAt !== null) {
        const user = t.servedBy!.id;
        w.event.run(t.id, day, t.firstCalledAt, 'called', t.counter, user, null);
        const step = t.callCount > 1 ? (t.calledAt! - t.firstCalledAt) / (t.callCount - 1) : 0;
        for (let i = 1; i < t.callCount; i++) w.event.run(t.id, day, t.firstCalledAt + i * step, 'recalled', t.counter, user, null);
        events += t.callCount;
        if (t.status === 'done') w.event.run(t.id, day, t.finishedAt, 'finished', t.counter, user, null);
        else w.event.run(t.id, day, t.calledAt! + 3 * MIN, 'noshow', t.counter, user, null);
        events++;
      } else {
        w.event.run(t.id, day, closeAt, 'unserved', null, closer.id, null);
        events++;
      }
      if (t.status === 'done') done++;
      else if (t.status === 'noshow') noShows++;
      else unserved++;
      this.counts.ticketEvents += events;
    }
    w.queueDay.run(day, tickets.length, done, noShows, unserved, closeAt, closer.id);
    this.counts.tickets += tickets.length;
    this.counts.queueDays++;
  }

  private mode(r: Request): Mode {
    if (r.service.defaultMode !== 'immediate' && this.rng.chance(0.3)) return r.service.defaultMode;
    return this.rng.weighted(MODES_BY_CHANNEL[r.channel]);
  }

  private writeRequest(r: Request, number: string, day: string): void {
    const { rng, world, workdays, now } = this;
    const mode = this.mode(r);
    const resident =
      (r.ticket?.residentId ? this.residentsById.get(r.ticket.residentId) : undefined) ?? (rng.chance(r.channel === 'county' ? 0.75 : 0.92) ? rng.pick(world.residents) : null);
    const assignee = mode === 'assigned' ? (this.plan.favouriteAssignee && rng.chance(0.25) ? world.staff.find((s) => s.id === this.plan.favouriteAssignee)! : rng.pick(world.staff)) : null;
    const department = mode === 'escalated' ? rng.pick(DEPARTMENTS) : null;
    const visitAddress = mode === 'onsite' || mode === 'homevisit' ? (resident ?? rng.pick(world.residents)).address : null;
    const description = rng.pick(asksFor(r.service.category)) + rng.pick(DETAILS);
    const dueDate = workdays.add(day, r.service.timeLimitDays);
    const steps: Step[] = [];
    const receiver = r.receivedBy;
    const dayAt = (d: string, fromMin: number, toMin: number) => shanghaiMidnight(d) + Math.floor((fromMin + rng.next() * (toMin - fromMin)) * MIN);

    let status: string = 'received';
    let resolvedAt: number | null = null;
    let resolvedDay: string | null = null;
    let resolution: string | null = null;
    let satisfaction: Satisfaction | null = null;
    let feedbackNote: string | null = null;
    let feedbackAt: number | null = null;
    let closedAt: number | null = null;
    let reopenCount = 0;
    let voidReason: string | null = null;
    let voidedAt: number | null = null;
    const step = (at: number, action: string, s: string, user: Person | null, note: string | null = null) => {
      steps.push([at, action, s, user, note]);
      status = s;
    };

    step(r.receivedAt, 'received', 'received', receiver);
    if (mode === 'immediate') {
      resolution = rng.pick(resolutions);
      resolvedAt = r.receivedAt;
      resolvedDay = day;
      step(r.receivedAt, 'resolved', 'resolved', receiver, resolution);
    } else {
      // Named to a person or a department at once: the service records it as assigned.
      if (mode === 'assigned' || mode === 'escalated') step(r.receivedAt, 'assigned', 'assigned', receiver);
      const keepOpen = this.plan.keepOpen?.({ receivedDay: day, dueDate, mode, assigneeStaffId: assignee?.id ?? null }, rng) ?? false;
      if (rng.chance(this.plan.voidShare ?? 0.004)) {
        voidedAt = r.receivedAt + rng.int(10, 300) * MIN;
        voidReason = rng.pick(VOID_REASONS);
        if (voidedAt <= now) step(voidedAt, 'voided', 'void', receiver, voidReason);
        else voidedAt = voidReason = null;
      } else {
        const worker = (assignee && world.userOfStaff.get(assignee.id)) || receiver;
        const limit = r.service.timeLimitDays;
        const late = rng.chance(0.06);
        const k = late ? limit + rng.int(1, 4) : Math.floor(limit * rng.next() ** 2);
        const rDay = workdays.add(day, k);
        const rAt = rDay === day ? r.receivedAt + rng.int(20, 240) * MIN : dayAt(rDay, 540, 1050);
        const startAt = r.receivedAt + Math.floor((rAt - r.receivedAt) * 0.3 * rng.next()) + MIN;
        if (startAt <= now && !(keepOpen && rng.chance(0.3))) step(startAt, 'started', 'in_progress', worker);
        if (rAt <= now && !keepOpen) {
          resolution = rng.pick(resolutions);
          resolvedAt = rAt;
          resolvedDay = rDay;
          step(rAt, 'resolved', 'resolved', worker, resolution);
        }
      }
    }
    // Follow-up calls (回访): most resolved requests get one within a few working days; unsatisfied reopens.
    while (resolvedAt !== null && resolvedDay !== null && satisfaction !== 'satisfied' && satisfaction !== 'basic' && rng.chance(0.95)) {
      const fDay = workdays.add(resolvedDay, rng.int(0, 3));
      const fAt = Math.max(resolvedAt + 10 * MIN, dayAt(fDay, 540, 1050));
      if (fAt > now) break;
      const caller = rng.pick(world.desk);
      const s: Satisfaction = reopenCount >= 2 ? 'basic' : rng.weighted(reopenCount ? AFTER_REOPEN : SATISFACTION);
      satisfaction = s;
      feedbackNote = rng.pick(feedbackNotes(s));
      feedbackAt = fAt;
      step(fAt, 'feedback', 'resolved', caller, feedbackNote);
      if (s !== 'unsatisfied') {
        step(fAt, 'closed', 'closed', caller);
        closedAt = fAt;
        break;
      }
      // Reopened: no longer resolved until it is resolved again (the old result stays on the row).
      step(fAt, 'reopened', 'in_progress', caller);
      reopenCount++;
      resolvedAt = resolvedDay = null;
      const again = workdays.add(fDay, rng.int(1, 3));
      const aAt = dayAt(again, 540, 1050);
      if (aAt > now) break;
      resolution = rng.pick(resolutions);
      resolvedAt = aAt;
      resolvedDay = again;
      step(aAt, 'resolved', 'resolved', (assignee && world.userOfStaff.get(assignee.id)) || receiver, resolution);
    }

    this.w.request.run(r.id, number, resident?.id ?? null, resident?.gridId ?? null, r.ticket?.id ?? null, r.counter,
      r.channel === 'station' && world.stationIds.length ? rng.pick(world.stationIds) : null, r.service.id, r.channel, description, mode,
      assignee?.id ?? null, visitAddress, department, r.channel === 'county' ? `XT${number.replace('-', '')}` : null, status,
      r.receivedAt, day, receiver.id, dueDate, resolvedAt, resolvedDay, resolution, satisfaction, feedbackNote, feedbackAt, closedAt, reopenCount,
      voidReason, voidedAt, steps[steps.length - 1]![0]);
    for (const [at, action, s, user, note] of steps) this.w.step.run(r.id, at, action, s, user?.id ?? null, user?.name ?? '', note);
    this.counts.requests++;
    this.counts.requestSteps += steps.length;
  }
}

/**
 * Today's queue as it stands at `now`: `n` tickets waiting (some priority), numbered after any
 * already issued today. For the demo's kiosk, display and counter screens.
 */
export function fillWaitingToday(db: Db, rng: Rng, world: IntakeWorld, day: string, now: number, n: number): number {
  const w = new Writer(db);
  const seqs = new Map<string, number>();
  const maxSeq = db.prepare('SELECT max(seq) m FROM tickets WHERE day = ? AND issued_service_id = ?');
  const hall = world.services.filter((s) => s.counters.length > 0);
  const weights = (hall.length ? hall : world.services).map((s) => [s, s.weight] as const);
  for (let i = 0; i < n; i++) {
    const service = rng.weighted(weights);
    const seq = (seqs.get(service.id) ?? ((maxSeq.get(day, service.id) as { m: number | null }).m ?? 0)) + 1;
    seqs.set(service.id, seq);
    const issuedAt = now - (n - i) * rng.int(2, 4) * MIN;
    let reason: PriorityReason | null = i % 4 === 1 ? rng.weighted(PRIORITY) : null;
    const id = fictionalId(rng, issuedAt);
    const source: Source = rng.chance(0.3) ? 'desk' : 'kiosk';
    const resident = source === 'desk' ? rng.pick(reason === 'elderly' ? world.residents.filter((r) => r.elderly) : world.residents) : null;
    if (resident?.elderly) reason ??= 'elderly';
    const priority = reason !== null;
    w.ticket.run(id, day, service.id, service.id, seq, `${service.prefix}${String(seq).padStart(3, '0')}`, priority ? 'priority' : 'ordinary', reason, source,
      resident?.id ?? null, 'waiting', null, issuedAt, issuedAt, null, null, 0, null, null, null);
    w.event.run(id, day, issuedAt, 'issued', null, source === 'desk' ? world.desk[0]!.id : null, SOURCE_DETAIL[source]);
  }
  return n;
}

/** The residents as the history needs them: their grid when the request is made, an address to visit. */
export function loadIntakeResidents(db: Db, today: string, elderlyAge = 70): IntakeResident[] {
  const cutoff = `${Number(today.slice(0, 4)) - elderlyAge}${today.slice(4)}`;
  const rows = db
    .prepare(
      `SELECT r.id, r.birth_date, r.unit, r.room, b.name building, g.id grid_id, g.name grid
       FROM residents r LEFT JOIN grid_nodes b ON b.id = r.building_id LEFT JOIN grid_nodes g ON g.id = b.parent_id AND g.kind = 'grid'
       WHERE r.voided_at IS NULL ORDER BY r.rowid`,
    )
    .all() as { id: string; birth_date: string | null; unit: string | null; room: string | null; building: string | null; grid_id: string | null; grid: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    gridId: r.grid_id,
    address: `${r.grid ?? ''}${r.building ?? ''}${r.unit ? `${r.unit}单元` : ''}${r.room ? `${r.room}室` : ''}` || '社区内',
    elderly: r.birth_date !== null && r.birth_date <= cutoff,
  }));
}

/**
 * The centre as the history needs it, read from the database: active services (weighted by
 * `weights[prefix]`, default 10), the users who work the desk (`deskOrder` first), staff, stations.
 */
export function loadIntakeWorld(
  db: Db,
  today: string,
  opts: { calendar: WorkCalendar; counterCount: number; weights?: Record<string, number>; deskOrder?: string[] },
): IntakeWorld {
  const services = (
    db.prepare('SELECT id, prefix, category, time_limit_days, default_mode, counters, needs_appointment FROM services WHERE active = 1 ORDER BY prefix').all() as {
      id: string; prefix: string; category: string; time_limit_days: number; default_mode: Mode; counters: string; needs_appointment: number;
    }[]
  ).map((s) => ({
    id: s.id,
    prefix: s.prefix,
    category: s.category,
    timeLimitDays: s.time_limit_days,
    defaultMode: s.default_mode,
    counters: (JSON.parse(s.counters) as number[]).filter((c) => c <= opts.counterCount),
    needsAppointment: s.needs_appointment === 1,
    weight: opts.weights?.[s.prefix] ?? 10,
  }));
  const order = opts.deskOrder ?? [];
  const rank = (u: string) => (order.includes(u) ? order.indexOf(u) : order.length);
  const desk = (
    db.prepare(`SELECT id, display_name name, username FROM users WHERE role IN ('admin', 'desk', 'duty') AND disabled = 0 ORDER BY created_at, username`).all() as (Person & {
      username: string;
    })[]
  )
    .sort((a, b) => rank(a.username) - rank(b.username))
    .map(({ id, name }) => ({ id, name }));
  const staff = db.prepare('SELECT id, name FROM staff WHERE active = 1 ORDER BY created_at, name').all() as Person[];
  const userOfStaff = new Map(
    (db.prepare(`SELECT staff_id, id, display_name name FROM users WHERE staff_id IS NOT NULL AND disabled = 0 ORDER BY created_at, username`).all() as (Person & { staff_id: string })[]).map(
      (u) => [u.staff_id, { id: u.id, name: u.name }],
    ),
  );
  const stationIds = (db.prepare('SELECT id FROM stations WHERE active = 1 ORDER BY created_at, name').all() as { id: string }[]).map((s) => s.id);
  if (!services.length || !desk.length || !staff.length) throw new Error('intake history needs services, desk users and staff');
  return { services, desk, staff, userOfStaff, stationIds, residents: loadIntakeResidents(db, today), calendar: opts.calendar, counterCount: opts.counterCount };
}
