import { HTTP_API_PREFIX, HTTP_SESSION_HEADER } from '../../shared/contract';
import { priceOf } from '../../shared/rules/money';
import type { CrashCard, CrashCentre } from './centre';

/*
 * The desk, the till and the station machine at work through the web host's HTTP API, as fast as
 * the host answers, until the host dies under them. A write counts as acknowledged only when its
 * 200 answer has been read whole; the ledger keeps each one with the content that must survive.
 */

export interface AckedTicket {
  id: string;
  number: string;
  serviceId: string;
  day: string;
  priority: boolean;
  /** When the answer was read (client clock): the power-cut replay checks what was acknowledged before its cut. */
  ackedAt: number;
}

export interface AckedRequest {
  id: string;
  number: string;
  description: string;
  mode: string;
  ticketId: string | null;
  /** The status and step actions the create answered with. */
  status: string;
  steps: string[];
  voidSent: boolean;
  voidAcked: boolean;
  ackedAt: number;
  voidAckedAt: number | null;
}

export interface AckedPurchase {
  id: string;
  cardNo: string;
  amountFen: number;
  eligibleFen: number;
  discountFen: number;
  payFen: number;
  delivery: boolean;
  voidSent: boolean;
  voidAcked: boolean;
  ackedAt: number;
  voidAckedAt: number | null;
}

export interface AckedDutySession {
  id: string;
  staffId: string;
  /** Null when only the check-out was acknowledged (the check-in's answer was lost in a kill). */
  inAt: number | null;
  outAt: number | null;
  /** A check-out of this person was sent after the check-in: the session may be closed. */
  outSent: boolean;
  inAckedAt: number | null;
  outAckedAt: number | null;
}

type PurchaseInput = { purchaseId: string; code: string; amountFen: number; expectedDiscountFen: number; delivery: { address: string } | null };

export interface Ledger {
  tickets: Map<string, AckedTicket>;
  requests: Map<string, AckedRequest>;
  purchases: Map<string, AckedPurchase>;
  duty: Map<string, AckedDutySession>;
  /** Acknowledged logins per username (each writes an audit row). */
  logins: Map<string, number>;
  /** A purchase sent when the host died, answer unknown: the till sends it again after the restart. */
  pendingPurchase: PurchaseInput | null;
  /** Retried purchases answered 200, and how many of those the kill had left logged (found on disk before the retry). */
  retried: { answered: number; alreadyLogged: number };
  /** Cards whose cap the till has seen reached (refused: capReached). */
  capReached: Set<string>;
  /** What the till saw left of each capped card's cap as the current round started. */
  capLeftSeen: Map<string, number>;
  /** Who the station machine believes is checked in. */
  checkedIn: Set<string>;
  /** Writes sent whose answer the kill cut off: on disk or not, both are allowed, half is not. */
  lostAnswers: number;
  /** Answers that were wrong in themselves (not a lost answer): the test fails on any. */
  problems: string[];
}

export function newLedger(): Ledger {
  return {
    tickets: new Map(),
    requests: new Map(),
    purchases: new Map(),
    duty: new Map(),
    logins: new Map(),
    pendingPurchase: null,
    retried: { answered: 0, alreadyLogged: 0 },
    capReached: new Set(),
    capLeftSeen: new Map(),
    checkedIn: new Set(),
    lostAnswers: 0,
    problems: [],
  };
}

export function ackedWrites(l: Ledger): number {
  let n = l.tickets.size + l.requests.size + l.purchases.size;
  for (const r of l.requests.values()) n += r.voidAcked ? 1 : 0;
  for (const p of l.purchases.values()) n += p.voidAcked ? 1 : 0;
  for (const d of l.duty.values()) n += (d.inAt !== null ? 1 : 0) + (d.outAt !== null ? 1 : 0);
  return n;
}

/** The host is gone (killed): the call has no answer. */
class HostGone extends Error {}

interface Answer {
  status: number;
  // The loops read the fields they asked for; the checks compare them with the database.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

const WRITES = new Set(['queue.issue', 'requests.create', 'requests.void', 'till.purchase', 'till.void', 'duty.checkIn', 'duty.checkOut']);

class Api {
  session: string | null = null;
  constructor(
    private readonly url: string,
    private readonly ledger: Ledger,
  ) {}

  async call(method: string, input: unknown): Promise<Answer> {
    try {
      const res = await fetch(`${this.url}${HTTP_API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.session ? { [HTTP_SESSION_HEADER]: this.session } : {}) },
        body: JSON.stringify(input),
      });
      const body = await res.json();
      const session = res.headers.get(HTTP_SESSION_HEADER);
      if (session) this.session = session;
      return { status: res.status, body };
    } catch (e) {
      if (WRITES.has(method)) this.ledger.lostAnswers++;
      throw new HostGone(String(e));
    }
  }

  async login(l: Ledger, username: string, password: string): Promise<void> {
    const r = await this.call('session.login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} answered ${r.status}: ${JSON.stringify(r.body)}`);
    l.logins.set(username, (l.logins.get(username) ?? 0) + 1);
  }
}

/** An answer that is not 200 and not one of the expected refusals: a real failure, not a kill. */
function unexpected(l: Ledger, method: string, r: Answer): never {
  const msg = `${method} answered ${r.status}: ${JSON.stringify(r.body)}`;
  l.problems.push(msg);
  throw new Error(msg);
}

export interface Writers {
  url: string;
  centre: CrashCentre;
  ledger: Ledger;
  rand: () => number;
  round: number;
  /** Called by each loop once it is signed in and about to write. */
  ready(): void;
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** 取号 at the desk: tickets one after another, some priority. */
async function tickets({ url, centre, ledger: l, rand, ready }: Writers): Promise<void> {
  const api = new Api(url, l);
  await api.login(l, 'desk1', centre.password);
  ready();
  for (;;) {
    const priority = rand() < 0.2;
    const r = await api.call('queue.issue', { serviceId: centre.serviceId, priorityReason: priority ? 'elderly' : null, residentId: null });
    if (r.status !== 200) unexpected(l, 'queue.issue', r);
    const t = r.body.value.ticket;
    l.tickets.set(t.id, { id: t.id, number: t.number, serviceId: t.serviceId, day: t.day, priority, ackedAt: Date.now() });
  }
}

const ROUTES = [
  { mode: 'immediate' },
  { mode: 'immediate', resolvedNow: '已当场解答' },
  { mode: 'escalated', department: '街道城管科' },
] as const;

/** 登记诉求: some on a ticket of the day (the ticket then points at its first request), some voided later. */
async function requests({ url, centre, ledger: l, rand, round, ready }: Writers): Promise<void> {
  const api = new Api(url, l);
  await api.login(l, 'desk1', centre.password);
  ready();
  for (let i = 0; ; i++) {
    const voidable = [...l.requests.values()].filter((q) => !q.voidSent);
    if (voidable.length > 0 && rand() < 0.15) {
      const q = pick(rand, voidable);
      q.voidSent = true;
      const r = await api.call('requests.void', { id: q.id, reason: '重复登记' });
      if (r.status !== 200) unexpected(l, 'requests.void', r);
      q.voidAcked = true;
      q.voidAckedAt = Date.now();
      continue;
    }
    const linked = new Set([...l.requests.values()].map((q) => q.ticketId));
    const free = [...l.tickets.values()].filter((t) => !linked.has(t.id));
    const ticketId = free.length > 0 && rand() < 0.5 ? pick(rand, free).id : null;
    const description = `第${round}轮第${i}件：楼道灯不亮，请尽快处理`;
    const r = await api.call('requests.create', { serviceId: centre.serviceId, channel: 'window', description, ticketId, ...pick(rand, ROUTES) });
    if (r.status !== 200) unexpected(l, 'requests.create', r);
    const d = r.body.value;
    l.requests.set(d.id, {
      id: d.id,
      number: d.number,
      description: d.description,
      mode: d.mode,
      ticketId,
      status: d.status,
      steps: d.steps.map((s: { action: string }) => s.action),
      voidSent: false,
      voidAcked: false,
      ackedAt: Date.now(),
      voidAckedAt: null,
    });
  }
}

async function buy(api: Api, l: Ledger, input: PurchaseInput, card: CrashCard): Promise<'ok' | 'refused'> {
  l.pendingPurchase = input;
  const r = await api.call('till.purchase', input);
  l.pendingPurchase = null;
  // The cap moved (another purchase of the same card, logged before the kill, spent it): nothing logged.
  if (r.status === 409 && r.body.error?.key === 'till.cap.changed') return 'refused';
  if (r.status !== 200) unexpected(l, 'till.purchase', r);
  const p = r.body.value;
  // The purchase id is the till's idempotency key: the answer is about that purchase, never a new one.
  if (p.id !== input.purchaseId) l.problems.push(`till.purchase ${input.purchaseId} answered with purchase ${p.id}`);
  l.purchases.set(p.id, {
    id: p.id,
    cardNo: card.cardNo,
    amountFen: p.amountFen,
    eligibleFen: p.eligibleFen,
    discountFen: p.discountFen,
    payFen: p.payFen,
    delivery: input.delivery !== null,
    voidSent: false,
    voidAcked: false,
    ackedAt: Date.now(),
    voidAckedAt: null,
  });
  return 'ok';
}

/** 核验 then 登记消费 at the partner's till; a purchase whose answer was lost is sent again first; some voided. */
async function till({ url, centre, ledger: l, rand, ready }: Writers): Promise<void> {
  const api = new Api(url, l);
  await api.login(l, 'partner1', centre.password);
  // What each capped card has left as the round starts: the checks compare it with the purchases on disk.
  for (const card of centre.cards.filter((c) => c.capFen !== null)) {
    const v = await api.call('till.verify', { code: card.code });
    if (v.status !== 200) unexpected(l, 'till.verify', v);
    l.capLeftSeen.set(card.cardNo, v.body.value.capLeftFen);
  }
  ready();
  const pending = l.pendingPurchase;
  if (pending && (await buy(api, l, pending, centre.cards.find((c) => c.code === pending.code)!)) === 'ok') l.retried.answered++;
  for (;;) {
    const voidable = [...l.purchases.values()].filter((p) => !p.voidSent);
    if (voidable.length > 0 && rand() < 0.1) {
      const p = pick(rand, voidable);
      p.voidSent = true;
      const r = await api.call('till.void', { id: p.id, reason: '顾客退货' });
      // Past the void window (a long run): refused, nothing changed.
      if (r.status === 409 && r.body.error?.key === 'till.void.tooLate') {
        p.voidSent = false;
        continue;
      }
      if (r.status !== 200) unexpected(l, 'till.void', r);
      p.voidAcked = true;
      p.voidAckedAt = Date.now();
      l.capReached.delete(p.cardNo);
      continue;
    }
    const usable = centre.cards.filter((c) => !l.capReached.has(c.cardNo));
    const card = pick(rand, usable);
    const v = await api.call('till.verify', { code: card.code });
    if (v.status !== 200) unexpected(l, 'till.verify', v);
    const verdict = v.body.value;
    if (!verdict.ok) {
      if (verdict.reason !== 'capReached') unexpected(l, 'till.verify', v);
      l.capReached.add(card.cardNo);
      continue;
    }
    const amountFen = 100 + Math.floor(rand() * 4_900);
    const price = priceOf({ benefit: { kind: 'percent', value: card.percent }, amountFen, costFen: null, capLeftFen: verdict.capLeftFen });
    const delivery = card.delivery ? { address: '幸福路1号3单元201' } : null;
    await buy(api, l, { purchaseId: verdict.purchaseId, code: card.code, amountFen, expectedDiscountFen: price.discountFen, delivery }, card);
  }
}

/** 签到/签退 at the station machine by badge; a belief made wrong by a lost answer is corrected by the refusal. */
async function station({ url, centre, ledger: l, rand, ready }: Writers): Promise<void> {
  const api = new Api(url, l);
  await api.login(l, 'duty1', centre.password);
  ready();
  for (;;) {
    const s = pick(rand, centre.staff);
    const presence = { stationId: centre.stationId, badge: s.badge };
    if (!l.checkedIn.has(s.id)) {
      const r = await api.call('duty.checkIn', presence);
      if (r.status === 409 && r.body.error?.key === 'duty.checkIn.already') {
        l.checkedIn.add(s.id);
        continue;
      }
      if (r.status !== 200) unexpected(l, 'duty.checkIn', r);
      const id = r.body.value.sessionId as string;
      l.duty.set(id, { id, staffId: s.id, inAt: r.body.value.at, outAt: null, outSent: false, inAckedAt: Date.now(), outAckedAt: null });
      l.checkedIn.add(s.id);
    } else {
      for (const d of l.duty.values()) if (d.staffId === s.id && d.outAt === null) d.outSent = true;
      const r = await api.call('duty.checkOut', presence);
      if (r.status === 409 && ['duty.checkOut.notIn', 'duty.checkOut.missed'].includes(r.body.error?.key)) {
        l.checkedIn.delete(s.id);
        continue;
      }
      if (r.status !== 200) unexpected(l, 'duty.checkOut', r);
      const id = r.body.value.sessionId as string;
      const known = l.duty.get(id) ?? { id, staffId: s.id, inAt: null, outAt: null, outSent: true, inAckedAt: null, outAckedAt: null };
      l.duty.set(id, { ...known, outAt: r.body.value.at, outAckedAt: Date.now() });
      l.checkedIn.delete(s.id);
    }
  }
}

/**
 * The four write streams at once against one host until it dies. `writing` resolves once every loop
 * is signed in (or has stopped), `done` when every loop has stopped: on the lost connection, or on a
 * wrong answer (recorded in the ledger).
 */
export function writeUntilKilled(w: Omit<Writers, 'ready'>): { writing: Promise<void>; done: Promise<void> } {
  w.ledger.capLeftSeen.clear();
  // A void may have given cap back, and each round looks at every card again.
  w.ledger.capReached.clear();
  const all = [tickets, requests, till, station];
  let waiting = all.length;
  let start!: () => void;
  const writing = new Promise<void>((r) => (start = r));
  const ready = () => {
    if (--waiting === 0) start();
  };
  const loops = all.map((loop) => {
    let signedIn = false;
    return loop({
      ...w,
      ready: () => {
        signedIn = true;
        ready();
      },
    })
      .catch((e: unknown) => {
        if (!(e instanceof HostGone) && !w.ledger.problems.includes((e as Error).message)) w.ledger.problems.push(String(e));
      })
      .finally(() => {
        if (!signedIn) ready();
      });
  });
  return { writing, done: Promise.all(loops).then(() => undefined) };
}
