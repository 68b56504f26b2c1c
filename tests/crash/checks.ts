import Database from 'better-sqlite3';
import { shanghaiDate } from '../../shared/rules/time';
import type { CrashCentre } from './centre';
import type { Ledger } from './writers';

/*
 * What must hold on disk after a kill, read with the host down straight from the database file (and
 * the WAL the kill left beside it): the file is sound, every acknowledged write is there as it was
 * answered, and every write that is there — acknowledged or not — is whole: the rows one call
 * writes in one transaction are all there or none is.
 */

export interface DiskCheck {
  problems: string[];
  /** Cap left per capped card this month, from the purchases on disk. */
  capLeft: Map<string, number>;
  /** The purchase whose answer the kill lost is on disk (its retry must then log nothing new). */
  pendingOnDisk: boolean;
  rows: { tickets: number; requests: number; purchases: number; dutySessions: number };
}

type Row = Record<string, unknown>;
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const countBy = (rows: { k: string; n: number }[]) => new Map(rows.map((r) => [r.k, r.n]));

export function checkDisk(dbFile: string, centre: CrashCentre, l: Ledger): DiskCheck {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  const fail = (msg: string) => {
    if (problems.length < 50) problems.push(msg);
  };
  try {
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') fail(`integrity_check: ${JSON.stringify(integrity)}`);
    const orphans = db.pragma('foreign_key_check') as Row[];
    if (orphans.length > 0) fail(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 5))}`);

    checkTickets(db, l, fail);
    checkRequests(db, l, fail);
    const capLeft = checkPurchases(db, centre, l, fail);
    checkDuty(db, l, fail);

    for (const [username, n] of l.logins) {
      const audited = db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'login' AND username = ?`).pluck().get(username) as number;
      if (audited < n) fail(`${username}: ${n} logins acknowledged, ${audited} audit rows`);
    }
    const stray = db
      .prepare(
        `SELECT o.id, o.stream, o.record_id FROM outbox o
          WHERE (o.stream = 'requests' AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = o.record_id))
             OR (o.stream = 'purchases' AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.id = o.record_id))`,
      )
      .all();
    if (stray.length > 0) fail(`outbox entries without their record: ${JSON.stringify(stray.slice(0, 5))}`);

    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const pendingOnDisk = l.pendingPurchase !== null && db.prepare('SELECT 1 FROM purchases WHERE id = ?').get(l.pendingPurchase.purchaseId) !== undefined;
    return {
      problems,
      capLeft,
      pendingOnDisk,
      rows: { tickets: count('tickets'), requests: count('requests'), purchases: count('purchases'), dutySessions: count('duty_sessions') },
    };
  } finally {
    db.close();
  }
}

/** A ticket is its row and its 'issued' event; numbers per day and service run 1..n without a gap or a repeat. */
function checkTickets(db: Database.Database, l: Ledger, fail: (m: string) => void) {
  const rows = byId(db.prepare('SELECT id, number, service_id, day, class, source, status FROM tickets').all() as (Row & { id: string })[]);
  for (const t of l.tickets.values()) {
    const r = rows.get(t.id);
    if (!r) {
      fail(`acknowledged ticket ${t.number} (${t.id}) is missing`);
      continue;
    }
    const want = { number: t.number, service_id: t.serviceId, day: t.day, class: t.priority ? 'priority' : 'ordinary', source: 'desk' };
    const got = { number: r.number, service_id: r.service_id, day: r.day, class: r.class, source: r.source };
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`ticket ${t.id}: ${JSON.stringify(got)} ≠ acknowledged ${JSON.stringify(want)}`);
    if (r.status !== 'waiting' && r.status !== 'unserved') fail(`ticket ${t.number}: status ${String(r.status)}`);
  }
  const withoutEvent = db
    .prepare(`SELECT t.number FROM tickets t WHERE (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'issued') != 1`)
    .pluck()
    .all();
  if (withoutEvent.length > 0) fail(`tickets without exactly one 'issued' event: ${withoutEvent.slice(0, 5).join(', ')}`);
  const gaps = db
    .prepare(
      `SELECT day, issued_service_id, count(*) n, count(DISTINCT seq) d, max(seq) m FROM tickets
        GROUP BY day, issued_service_id HAVING n != m OR d != n`,
    )
    .all();
  if (gaps.length > 0) fail(`ticket numbers with a gap or a repeat: ${JSON.stringify(gaps)}`);
}

/**
 * A request is its row, its steps (the first 'received', the last giving the status), one outbox
 * entry per step (each step of these writes changes the status) and, when voided, its audit row;
 * a request on a ticket is named by the ticket if it was the ticket's first.
 */
function checkRequests(db: Database.Database, l: Ledger, fail: (m: string) => void) {
  type Req = { id: string; number: string; description: string; mode: string; ticket_id: string | null; status: string; voided_at: number | null; received_day: string };
  const rows = db.prepare('SELECT id, number, description, mode, ticket_id, status, voided_at, received_day FROM requests ORDER BY received_at, CAST(substr(number, 10) AS INTEGER)').all() as Req[];
  const reqs = byId(rows);
  const steps = new Map<string, { action: string; status: string }[]>();
  for (const s of db.prepare('SELECT request_id, action, status FROM request_steps ORDER BY seq').all() as { request_id: string; action: string; status: string }[]) {
    steps.set(s.request_id, [...(steps.get(s.request_id) ?? []), s]);
  }
  const outbox = countBy(db.prepare(`SELECT record_id k, count(*) n FROM outbox WHERE stream = 'requests' GROUP BY record_id`).all() as { k: string; n: number }[]);
  const audits = countBy(db.prepare(`SELECT target_id k, count(*) n FROM audit_log WHERE action = 'request.void' GROUP BY target_id`).all() as { k: string; n: number }[]);

  for (const q of l.requests.values()) {
    const r = reqs.get(q.id);
    if (!r) {
      fail(`acknowledged request ${q.number} (${q.id}) is missing`);
      continue;
    }
    const want = { number: q.number, description: q.description, mode: q.mode, ticket_id: q.ticketId };
    const got = { number: r.number, description: r.description, mode: r.mode, ticket_id: r.ticket_id };
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`request ${q.id}: ${JSON.stringify(got)} ≠ acknowledged ${JSON.stringify(want)}`);
    const allowed = q.voidAcked ? ['void'] : q.voidSent ? [q.status, 'void'] : [q.status];
    if (!allowed.includes(r.status)) fail(`request ${q.number}: status ${r.status}, acknowledged ${allowed.join(' or ')}`);
    const actions = (steps.get(q.id) ?? []).map((s) => s.action);
    const wantActions = r.status === 'void' ? [...q.steps, 'voided'] : q.steps;
    if (actions.join() !== wantActions.join()) fail(`request ${q.number}: steps ${actions.join()} ≠ ${wantActions.join()}`);
  }

  const firstOnTicket = new Map<string, string>();
  const lastNumber = new Map<string, number>();
  const numbersPerDay = new Map<string, number>();
  for (const r of rows) {
    const s = steps.get(r.id) ?? [];
    if (s[0]?.action !== 'received') fail(`request ${r.number}: first step ${s[0]?.action ?? 'none'}`);
    if (s.at(-1)?.status !== r.status) fail(`request ${r.number}: status ${r.status} but last step says ${s.at(-1)?.status}`);
    if ((outbox.get(r.id) ?? 0) !== s.length) fail(`request ${r.number}: ${s.length} steps but ${outbox.get(r.id) ?? 0} outbox entries`);
    const voided = r.status === 'void';
    if (voided !== (r.voided_at !== null)) fail(`request ${r.number}: status ${r.status} with voided_at ${r.voided_at}`);
    if ((audits.get(r.id) ?? 0) !== (voided ? 1 : 0)) fail(`request ${r.number}: ${audits.get(r.id) ?? 0} void audit rows, status ${r.status}`);
    if (r.ticket_id !== null && !firstOnTicket.has(r.ticket_id)) firstOnTicket.set(r.ticket_id, r.id);
    const n = Number(r.number.slice(9));
    lastNumber.set(r.received_day, Math.max(lastNumber.get(r.received_day) ?? 0, n));
    numbersPerDay.set(r.received_day, (numbersPerDay.get(r.received_day) ?? 0) + 1);
  }
  for (const [day, n] of numbersPerDay) if (lastNumber.get(day) !== n) fail(`request numbers of ${day}: ${n} requests, last number ${lastNumber.get(day)}`);
  const ticketLinks = new Map(
    (db.prepare('SELECT id, request_id FROM tickets WHERE request_id IS NOT NULL').all() as { id: string; request_id: string }[]).map((t) => [t.id, t.request_id]),
  );
  for (const [ticketId, requestId] of firstOnTicket) {
    if (ticketLinks.get(ticketId) !== requestId) fail(`ticket ${ticketId}: request_id ${ticketLinks.get(ticketId)}, first request on it ${requestId}`);
  }
  for (const [ticketId, requestId] of ticketLinks) {
    if (firstOnTicket.get(ticketId) !== requestId) fail(`ticket ${ticketId} names request ${requestId}, which is not its first request`);
  }
}

/**
 * A purchase is its row (amount = discount + pay), one outbox 'purchase' entry carrying the same
 * amounts, one 'void' entry when voided, and for a delivery card its delivery (cancelled when voided).
 * The cap is spent by the purchases on disk: never past it. Returns the cap left per capped card.
 */
function checkPurchases(db: Database.Database, centre: CrashCentre, l: Ledger, fail: (m: string) => void): Map<string, number> {
  type Purchase = { id: string; card_no: string; month: string; amount_fen: number; eligible_fen: number; discount_fen: number; pay_fen: number; voided_at: number | null };
  const rows = db.prepare('SELECT id, card_no, month, amount_fen, eligible_fen, discount_fen, pay_fen, voided_at FROM purchases').all() as Purchase[];
  const purchases = byId(rows);
  for (const p of l.purchases.values()) {
    const r = purchases.get(p.id);
    if (!r) {
      fail(`acknowledged purchase ${p.id} is missing`);
      continue;
    }
    const want = { card_no: p.cardNo, amount_fen: p.amountFen, eligible_fen: p.eligibleFen, discount_fen: p.discountFen, pay_fen: p.payFen };
    const got = { card_no: r.card_no, amount_fen: r.amount_fen, eligible_fen: r.eligible_fen, discount_fen: r.discount_fen, pay_fen: r.pay_fen };
    if (JSON.stringify(got) !== JSON.stringify(want)) fail(`purchase ${p.id}: ${JSON.stringify(got)} ≠ acknowledged ${JSON.stringify(want)}`);
    if (p.voidAcked && r.voided_at === null) fail(`purchase ${p.id}: acknowledged void is missing`);
    if (!p.voidSent && r.voided_at !== null) fail(`purchase ${p.id}: voided, but no void was sent`);
  }

  const entries = new Map<string, { kind: string; payload: string }[]>();
  for (const e of db.prepare(`SELECT record_id, kind, payload FROM outbox WHERE stream = 'purchases' ORDER BY seq`).all() as { record_id: string; kind: string; payload: string }[]) {
    entries.set(e.record_id, [...(entries.get(e.record_id) ?? []), e]);
  }
  const deliveries = new Map<string, string[]>();
  for (const d of db.prepare('SELECT purchase_id, status FROM deliveries WHERE purchase_id IS NOT NULL').all() as { purchase_id: string; status: string }[]) {
    deliveries.set(d.purchase_id, [...(deliveries.get(d.purchase_id) ?? []), d.status]);
  }
  const deliveryCards = new Set(centre.cards.filter((c) => c.delivery).map((c) => c.cardNo));
  for (const r of rows) {
    if (r.amount_fen !== r.discount_fen + r.pay_fen) fail(`purchase ${r.id}: amount ${r.amount_fen} ≠ discount ${r.discount_fen} + pay ${r.pay_fen}`);
    const e = entries.get(r.id) ?? [];
    const sold = e.filter((x) => x.kind === 'purchase');
    const voids = e.filter((x) => x.kind === 'void');
    if (sold.length !== 1) fail(`purchase ${r.id}: ${sold.length} outbox 'purchase' entries`);
    else {
      const payload = JSON.parse(sold[0]!.payload) as Row;
      const want = { cardNo: r.card_no, amountFen: r.amount_fen, eligibleFen: r.eligible_fen, discountFen: r.discount_fen, payFen: r.pay_fen };
      const got = { cardNo: payload.cardNo, amountFen: payload.amountFen, eligibleFen: payload.eligibleFen, discountFen: payload.discountFen, payFen: payload.payFen };
      if (JSON.stringify(got) !== JSON.stringify(want)) fail(`purchase ${r.id}: outbox carries ${JSON.stringify(got)}, row ${JSON.stringify(want)}`);
    }
    if (voids.length !== (r.voided_at !== null ? 1 : 0)) fail(`purchase ${r.id}: ${voids.length} outbox 'void' entries, voided_at ${r.voided_at}`);
    const d = deliveries.get(r.id) ?? [];
    const wantDelivery = deliveryCards.has(r.card_no) ? [r.voided_at !== null ? 'cancelled' : 'requested'] : [];
    if (d.join() !== wantDelivery.join()) fail(`purchase ${r.id}: deliveries [${d.join()}], want [${wantDelivery.join()}]`);
  }

  const month = shanghaiDate(Date.now()).slice(0, 7);
  const capLeft = new Map<string, number>();
  for (const card of centre.cards) {
    if (card.capFen === null) continue;
    const used = rows.filter((r) => r.card_no === card.cardNo && r.month === month && r.voided_at === null).reduce((s, r) => s + r.eligible_fen, 0);
    if (used > card.capFen) fail(`card ${card.cardNo}: ${used} fen spent of a ${card.capFen} cap`);
    capLeft.set(card.cardNo, Math.max(0, card.capFen - used));
  }
  return capLeft;
}

/** A duty session: closed exactly when it has its check-out time and method; acknowledged times as answered. */
function checkDuty(db: Database.Database, l: Ledger, fail: (m: string) => void) {
  type Session = { id: string; staff_id: string; status: string; in_at: number; in_method: string; out_at: number | null; out_method: string | null };
  const rows = db.prepare('SELECT id, staff_id, status, in_at, in_method, out_at, out_method FROM duty_sessions').all() as Session[];
  const sessions = byId(rows);
  for (const d of l.duty.values()) {
    const r = sessions.get(d.id);
    if (!r) {
      fail(`acknowledged duty session ${d.id} is missing`);
      continue;
    }
    if (r.staff_id !== d.staffId || r.in_method !== 'badge') fail(`duty session ${d.id}: staff ${r.staff_id} by ${r.in_method}, acknowledged ${d.staffId} by badge`);
    if (d.inAt !== null && r.in_at !== d.inAt) fail(`duty session ${d.id}: in at ${r.in_at}, acknowledged ${d.inAt}`);
    if (d.outAt !== null && (r.status !== 'closed' || r.out_at !== d.outAt)) fail(`duty session ${d.id}: ${r.status} out at ${r.out_at}, acknowledged out at ${d.outAt}`);
    if (d.outAt === null && !d.outSent && r.status === 'closed') fail(`duty session ${d.id}: closed, but no check-out was sent`);
  }
  for (const r of rows) {
    const closed = r.status === 'closed';
    if (closed !== (r.out_at !== null) || closed !== (r.out_method !== null)) fail(`duty session ${r.id}: ${r.status} with out_at ${r.out_at} by ${r.out_method}`);
  }
}
