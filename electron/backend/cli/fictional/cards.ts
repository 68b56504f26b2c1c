import type { Benefit } from '../../../../shared/contract/cards';
import { shanghaiDate } from '../../../../shared/rules/time';
import { addDays } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { insertUser } from '../../services/accounts/users';
import { approveApplication } from '../../services/cards/approval';
import { closeApplication, createApplication, lodgeObjection, postNotice, reviewApplication, settleObjection } from '../../services/cards/applications';
import { printCardFace } from '../../services/cards/face';
import { saveHousehold } from '../../services/cards/households';
import type { Actor } from '../../services/cards/issue';
import { rotateSigningKey } from '../../services/cards/keys';
import { renewCard, replaceCard, resumeCard, revokeCard, suspendCard } from '../../services/cards/lifecycle';
import { savePartner } from '../../services/partners/partners';
import { newId } from '../../db/ids';
import type { FictionalHousehold } from './cardHouseholds';

/*
 * The card registry's history, for the demo centre and the ten-year bench dataset: each household's
 * story (registered, applied, reviewed, posted, objected to, approved or not; then its card renewed,
 * suspended, replaced or revoked) is played in time order through the cards services themselves, so
 * every row, step, event, till-table mirror and card number is exactly what the desk would have made.
 * Only the purchases (millions of them) are written directly, by cardPurchases.ts.
 */

/** Someone at the centre: how the step logs name them, and how the audit log does. */
export interface Staff extends Actor {
  userId: string;
  username: string;
}

export interface CardStaff {
  /** Records applications, meetings, notices and objections, and prints cards. */
  desk: Staff[];
  /** Settles objections, approves, and changes cards. */
  admin: Staff;
}

export interface ApplicationStory {
  submittedAt: number;
  /** The cardholder; the head when left out. */
  holderId?: string;
  benefit: Benefit;
  monthlyCapFen: number | null;
  delivery: boolean;
  reason: string;
  review?: { at: number; meetingDate: string; present: string; votes: [number, number, number]; decision: 'approve' | 'reject'; note: string | null };
  notice?: { at: number; startDate: string; days: number; place: string };
  objection?: { at: number; objector: string | null; content: string; settled?: { at: number; upheld: boolean; settlement: string } };
  approveAt?: number;
  close?: { at: number; how: 'reject' | 'withdraw'; reason: string };
}

/** Done to the household's card of the moment (a replacement takes over the later steps). */
export type CardStep =
  | { at: number; kind: 'renew' | 'resume'; note: string | null }
  | { at: number; kind: 'suspend' | 'revoke' | 'replace'; reason: string }
  | { at: number; kind: 'print' };

export interface HouseholdStory {
  household: FictionalHousehold;
  registeredAt: number;
  applications: ApplicationStory[];
  cardSteps: CardStep[];
}

/** A card as the purchase history needs it: when it could be used at a till. */
export interface PlayedCard {
  id: string;
  cardNo: string;
  householdId: string;
  benefit: Benefit;
  monthlyCapFen: number | null;
  delivery: boolean;
  address: string;
  /** Day ranges (both ends included) when the card was valid and neither suspended nor revoked. */
  periods: [string, string][];
}

interface Tracked {
  card: PlayedCard;
  /** Validity windows: a renewal extends the last one, a renewal after a lapse opens a new one. */
  valid: [string, string][];
  /** Suspended from … to … (the last one open while suspended). */
  blocked: [string, string | null][];
  /** Last day it could be used: the day before it was revoked or replaced. */
  endedAfter: string | null;
}

interface Event {
  at: number;
  story: number;
  seq: number;
  run(): void;
}

/** Card numbers are handed out in issue order: the stories are played as one time line. */
export function playStories(
  db: Db,
  secrets: SecretStore,
  stories: HouseholdStory[],
  staff: CardStaff,
  opts: { keyRotations?: number[]; progress?(done: number, total: number): void } = {},
): { households: number; applications: number; cards: PlayedCard[] } {
  const events: Event[] = [];
  const tracked = new Map<string, Tracked>();
  let applications = 0;
  for (const at of opts.keyRotations ?? []) events.push({ at, story: -1, seq: 0, run: () => rotateSigningKey(db, secrets, at) });

  stories.forEach((s, story) => {
    let seq = 0;
    const add = (at: number, run: () => void) => events.push({ at, story, seq: seq++, run });
    const state = { householdId: '', applicationId: '', cardId: '' };
    const desk = staff.desk[story % staff.desk.length]!;
    const h = s.household;
    add(s.registeredAt, () => {
      state.householdId = saveHousehold(
        db,
        {
          headResidentId: h.head.id,
          members: h.members.map((m) => ({ residentId: m.person.id, relation: m.relation })),
          address: h.address,
          hardshipTypes: h.hardshipTypes,
          allowanceCertNo: h.allowanceCertNo ?? undefined,
          notes: h.notes ?? undefined,
        },
        s.registeredAt,
      );
    });
    for (const a of s.applications) {
      add(a.submittedAt, () => {
        state.applicationId = createApplication(
          db,
          { householdId: state.householdId, holderResidentId: a.holderId, benefit: a.benefit, monthlyCapFen: a.monthlyCapFen, delivery: a.delivery, reason: a.reason },
          a.submittedAt,
          desk,
        );
        applications++;
      });
      const r = a.review;
      if (r) {
        add(r.at, () =>
          reviewApplication(
            db,
            { id: state.applicationId, meetingDate: r.meetingDate, present: r.present, votesFor: r.votes[0], votesAgainst: r.votes[1], votesAbstain: r.votes[2], decision: r.decision, note: r.note ?? undefined },
            r.at,
            desk,
          ),
        );
      }
      const n = a.notice;
      if (n) add(n.at, () => postNotice(db, { id: state.applicationId, startDate: n.startDate, days: n.days, place: n.place }, n.at, desk));
      const o = a.objection;
      if (o) {
        add(o.at, () => lodgeObjection(db, { id: state.applicationId, objector: o.objector ?? undefined, content: o.content }, o.at, desk));
        const settled = o.settled;
        if (settled) {
          add(settled.at, () => {
            const { id } = db.prepare('SELECT id FROM application_objections WHERE application_id = ? AND settled_at IS NULL').get(state.applicationId) as { id: string };
            settleObjection(db, { objectionId: id, settlement: settled.settlement, upheld: settled.upheld }, settled.at, staff.admin);
          });
        }
      }
      const approveAt = a.approveAt;
      if (approveAt !== undefined) {
        add(approveAt, () => {
          approveApplication(db, secrets, { id: state.applicationId }, approveAt, staff.admin, staff.admin);
          state.cardId = (db.prepare('SELECT card_id FROM card_applications WHERE id = ?').get(state.applicationId) as { card_id: string }).card_id;
          track(db, tracked, state.cardId, h.address);
        });
      }
      const c = a.close;
      if (c) add(c.at, () => closeApplication(db, state.applicationId, c.how, c.reason, c.at, c.how === 'reject' ? staff.admin : desk));
    }
    for (const step of s.cardSteps) add(step.at, () => playCardStep(db, secrets, step, state, staff, desk, tracked, h.address));
  });

  events.sort((a, b) => a.at - b.at || a.story - b.story || a.seq - b.seq);
  events.forEach((e, i) => {
    e.run();
    if (i % 20_000 === 19_999) opts.progress?.(i + 1, events.length);
  });
  return { households: stories.length, applications, cards: [...tracked.values()].map(finishPeriods) };
}

function playCardStep(db: Db, secrets: SecretStore, step: CardStep, state: { cardId: string }, staff: CardStaff, desk: Staff, tracked: Map<string, Tracked>, address: string): void {
  const t = tracked.get(state.cardId)!;
  const day = shanghaiDate(step.at);
  switch (step.kind) {
    case 'print':
      printCardFace(db, secrets, state.cardId, step.at, desk, desk);
      return;
    case 'renew': {
      renewCard(db, secrets, state.cardId, step.note, step.at, staff.admin);
      const c = db.prepare('SELECT valid_from, valid_to FROM cards WHERE id = ?').get(state.cardId) as { valid_from: string; valid_to: string };
      const last = t.valid[t.valid.length - 1]!;
      if (c.valid_from === last[0]) last[1] = c.valid_to;
      else t.valid.push([c.valid_from, c.valid_to]);
      return;
    }
    case 'suspend':
      suspendCard(db, state.cardId, step.reason, step.at, staff.admin);
      t.blocked.push([day, null]);
      return;
    case 'resume':
      resumeCard(db, state.cardId, step.note, step.at, staff.admin);
      t.blocked[t.blocked.length - 1]![1] = addDays(day, -1);
      return;
    case 'revoke':
      revokeCard(db, state.cardId, step.reason, step.at, staff.admin, staff.admin);
      t.endedAfter = addDays(day, -1);
      return;
    case 'replace': {
      const newCardId = replaceCard(db, secrets, state.cardId, step.reason, step.at, staff.admin, staff.admin);
      t.endedAfter = addDays(day, -1);
      state.cardId = newCardId;
      track(db, tracked, newCardId, address);
      return;
    }
  }
}

function track(db: Db, tracked: Map<string, Tracked>, cardId: string, address: string): void {
  const c = db
    .prepare('SELECT card_no, household_id, benefit_kind, benefit_value, monthly_cap_fen, delivery, valid_from, valid_to FROM cards WHERE id = ?')
    .get(cardId) as { card_no: string; household_id: string; benefit_kind: Benefit['kind']; benefit_value: number; monthly_cap_fen: number | null; delivery: number; valid_from: string; valid_to: string };
  tracked.set(cardId, {
    card: {
      id: cardId,
      cardNo: c.card_no,
      householdId: c.household_id,
      benefit: { kind: c.benefit_kind, value: c.benefit_value },
      monthlyCapFen: c.monthly_cap_fen,
      delivery: c.delivery === 1,
      address,
      periods: [],
    },
    valid: [[c.valid_from, c.valid_to]],
    blocked: [],
    endedAfter: null,
  });
}

/** The validity windows, cut at the end and with the suspensions taken out. */
function finishPeriods(t: Tracked): PlayedCard {
  const periods: [string, string][] = [];
  for (const [from, to] of t.valid) {
    let start = from;
    const end = t.endedAfter !== null && t.endedAfter < to ? t.endedAfter : to;
    for (const [bFrom, bTo] of t.blocked) {
      if (bTo !== null && bTo < start) continue;
      if (bFrom > end) break;
      if (bFrom > start) periods.push([start, addDays(bFrom, -1)]);
      start = bTo === null ? addDays(end, 1) : addDays(bTo, 1);
    }
    if (start <= end) periods.push([start, end]);
  }
  return { ...t.card, periods };
}

export interface FictionalPartner {
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  offer: string | null;
  active: boolean;
  createdAt: number;
  verifiers: { username: string; displayName: string; passwordHash: string }[];
}

/** A partner through the partners service, and its verifier accounts linked to it as partners.addVerifier does. Call inside a transaction. */
export function addPartner(db: Db, p: FictionalPartner): string {
  const id = savePartner(
    db,
    { name: p.name, address: p.address, contactName: p.contactName, contactPhone: p.contactPhone, offer: p.offer ?? undefined, active: p.active },
    p.createdAt,
  );
  for (const v of p.verifiers) {
    const userId = newId();
    insertUser(db, { id: userId, username: v.username, displayName: v.displayName, role: 'partner', passwordHash: v.passwordHash }, p.createdAt);
    db.prepare('UPDATE users SET partner_id = ? WHERE id = ?').run(id, userId);
  }
  return id;
}

/** The centre's people as the stories need them: the first admin account, and the desk accounts (or the admin when there are none). */
export function loadCardStaff(db: Db): CardStaff {
  const of = (role: string) =>
    (db.prepare('SELECT id, username, display_name FROM users WHERE role = ? AND disabled = 0 ORDER BY created_at, username').all(role) as { id: string; username: string; display_name: string }[]).map(
      (r): Staff => ({ userId: r.id, userName: r.display_name, username: r.username }),
    );
  const admin = of('admin')[0];
  if (!admin) throw new Error('the card history needs an admin account');
  const desk = of('desk');
  return { desk: desk.length ? desk : [admin], admin };
}
