import type { Benefit } from '../../../shared/contract/cards';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import { fillPurchases, type ShopPartner } from '../../../electron/backend/cli/fictional/cardPurchases';
import { householdOfRoom, loadRooms, splitElders, type FictionalHousehold, type HardshipType } from '../../../electron/backend/cli/fictional/cardHouseholds';
import {
  APPLICATION_REASONS, LOST_REASONS, MEETING_PRESENT, NOTICE_PLACES, OBJECTIONS, OBJECTORS, RENEW_NOTES, RESUME_NOTES, REVIEW_NOTES,
  REVIEW_REJECTIONS, REVOKE_REASONS, SETTLED_NOT_UPHELD, SETTLED_UPHELD, SHOP_OFFERS, STREETS, SUSPEND_REASONS, WITHDRAW_REASONS, shopName,
} from '../../../electron/backend/cli/fictional/cardTexts';
import { addPartner, loadCardStaff, playStories, type ApplicationStory, type CardStep, type HouseholdStory } from '../../../electron/backend/cli/fictional/cards';
import { shanghaiMidnight } from '../../../electron/backend/cli/fictional/intake';
import { randomGivenName, randomSurname } from '../../../electron/backend/cli/fictional/names';
import { PeopleFactory } from '../../../electron/backend/cli/fictional/people';
import { Rng } from '../../../electron/backend/cli/fictional/prng';
import type { Db } from '../../../electron/backend/db/open';
import { createSecretStore } from '../../../electron/backend/secrets/secretStore';
import { hashSecretSync } from '../../../electron/backend/services/accounts/password';
import { oneYearFrom } from '../../../electron/backend/services/cards/issue';
import { ensureSigningKey } from '../../../electron/backend/services/cards/keys';
import { withIndexesBuiltAfter } from './intake';
import type { DatasetGenerator } from './types';

/** The till the bench verifies and buys at. Test-only credentials for a generated, fictional dataset. */
export const BENCH_VERIFIER = { username: 'shop1', password: 'bench-2026' };

export interface CardsSize {
  years: number;
  households: number;
  partners: number;
  /** Purchases aimed at (the caps refuse a few). */
  purchases: number;
}
export const FULL_CARDS: CardsSize = { years: 10, households: 21_000, partners: 40, purchases: 2_250_000 };

const DAY_MS = 86_400_000;
const MIN = 60_000;

/** A moment on a day between two times (minutes after midnight, Shanghai). */
const at = (rng: Rng, day: string, fromMin: number, toMin: number) => shanghaiMidnight(day) + Math.floor((fromMin + rng.next() * (toMin - fromMin)) * MIN);
const dayOf = shanghaiDate;

const BENEFITS: readonly (readonly [Benefit, number])[] = [
  [{ kind: 'percent', value: 10 }, 70],
  [{ kind: 'percent', value: 15 }, 8],
  [{ kind: 'percent', value: 20 }, 5],
  [{ kind: 'cost', value: 0 }, 17],
];
const PERCENT_CAPS: readonly (readonly [number | null, number])[] = [[20_000, 20], [30_000, 40], [50_000, 25], [null, 15]];
const COST_CAPS: readonly (readonly [number | null, number])[] = [[30_000, 40], [50_000, 30], [null, 30]];
/** Years a household stays eligible. */
const ELIGIBLE_YEARS: readonly (readonly [number, number])[] = [[1, 18], [2, 17], [3, 15], [4, 12], [5, 10], [6, 8], [7, 7], [8, 6], [9, 4], [10, 3]];
const FALLBACK_HARDSHIP: readonly (readonly [HardshipType, number])[] = [['低收入', 50], ['低保', 30], ['残疾', 12], ['特困', 8]];

/** Rooms as households, splitting three-generation rooms (the elders 分户) until there are `n`. */
function benchHouseholds(db: Db, rng: Rng, year: number, n: number): FictionalHousehold[] {
  const rooms = loadRooms(db);
  const out: FictionalHousehold[] = [];
  const add = (address: string, people: (typeof rooms)[number]['people']) => out.push(householdOfRoom(rng, address, people, year, rng.weighted(FALLBACK_HARDSHIP)));
  let extra = n - rooms.length;
  for (const room of rooms) {
    if (out.length >= n) break;
    const split = extra > 0 ? splitElders(room.people, year) : null;
    if (split) {
      add(room.address, split[0]);
      add(room.address, split[1]);
      extra--;
    } else add(room.address, room.people);
  }
  if (out.length < n) throw new Error(`the community has room for ${out.length} card households, not ${n}`);
  return out.slice(0, n);
}

/** One application through review and notice; approved unless the meeting or an objection says no. */
function applicationStory(rng: Rng, h: FictionalHousehold, submittedAt: number, now: number, opts: { mayFail: boolean }): { app: ApplicationStory; approvedAt: number | null } {
  const benefit = rng.weighted(BENEFITS);
  const oldHead = h.head.birthDate !== null && Number(h.head.birthDate.slice(0, 4)) < Number(dayOf(now).slice(0, 4)) - 75;
  const app: ApplicationStory = {
    submittedAt,
    benefit,
    monthlyCapFen: rng.weighted(benefit.kind === 'cost' ? COST_CAPS : PERCENT_CAPS),
    delivery: rng.chance(oldHead ? 0.35 : 0.08),
    reason: rng.pick(APPLICATION_REASONS[h.hardshipTypes[0]!] ?? APPLICATION_REASONS.低收入!),
  };
  if (opts.mayFail && rng.chance(0.01)) {
    app.close = { at: submittedAt + rng.int(1, 4) * DAY_MS, how: 'withdraw', reason: rng.pick(WITHDRAW_REASONS) };
    return { app, approvedAt: null };
  }
  const meetingDay = addDays(dayOf(submittedAt), rng.int(5, 20));
  const present = rng.int(7, 11);
  const reject = opts.mayFail && rng.chance(0.05);
  const against = reject ? rng.int(4, present - 1) : rng.int(0, 1);
  const abstain = reject ? 0 : rng.int(0, 2);
  app.review = {
    at: at(rng, meetingDay, 900, 1050),
    meetingDate: meetingDay,
    present: rng.pick(MEETING_PRESENT),
    votes: [present - against - abstain, against, abstain],
    decision: reject ? 'reject' : 'approve',
    note: reject ? rng.pick(REVIEW_REJECTIONS) : rng.pick(REVIEW_NOTES),
  };
  if (reject) return { app, approvedAt: null };
  const start = addDays(meetingDay, rng.int(1, 3));
  const end = addDays(start, 6);
  app.notice = { at: at(rng, start, 540, 600), startDate: start, days: 7, place: rng.pick(NOTICE_PLACES) };
  let earliest = shanghaiMidnight(addDays(end, 1));
  if (opts.mayFail && rng.chance(0.05)) {
    const lodged = at(rng, addDays(start, rng.int(1, 5)), 600, 960);
    const upheld = rng.chance(0.25);
    const settledAt = lodged + rng.int(1, 4) * DAY_MS;
    app.objection = {
      at: lodged,
      objector: rng.pick(OBJECTORS),
      content: rng.pick(OBJECTIONS),
      settled: { at: settledAt, upheld, settlement: rng.pick(upheld ? SETTLED_UPHELD : SETTLED_NOT_UPHELD) },
    };
    if (upheld) return { app, approvedAt: null };
    earliest = Math.max(earliest, settledAt + 3_600_000);
  }
  const approveDay = addDays(dayOf(earliest), rng.int(0, 3));
  app.approveAt = Math.max(earliest, at(rng, approveDay, 540, 1020));
  return { app, approvedAt: app.approveAt <= now ? app.approveAt : null };
}

/**
 * A card's years from approval: renewed each year while the household stays eligible (now and then
 * late, after it lapsed), a suspension or a lost card some years, and at the end revoked or simply
 * left to expire. Returns when the card ended by revocation (null if it did not).
 */
function cardSteps(rng: Rng, approvedAt: number, now: number, steps: CardStep[]): number | null {
  const years = rng.weighted(ELIGIBLE_YEARS);
  let from = dayOf(approvedAt);
  let to = oneYearFrom(from);
  steps.push({ at: approvedAt + rng.int(10, 60) * MIN, kind: 'print' });
  for (let y = 1; ; y++) {
    // Something in the middle of the year: a suspension, or a lost card.
    const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
    if (span > 120 && rng.chance(0.08)) {
      const start = at(rng, addDays(from, rng.int(30, span - 100)), 540, 1020);
      if (rng.chance(0.6)) {
        // Resumed before the yearly review, which a suspended card cannot pass.
        steps.push({ at: start, kind: 'suspend', reason: rng.pick(SUSPEND_REASONS) });
        steps.push({ at: Math.min(start + rng.int(30, 150) * DAY_MS, at(rng, addDays(to, -40), 540, 1020)), kind: 'resume', note: rng.pick(RESUME_NOTES) });
      } else {
        steps.push({ at: start, kind: 'replace', reason: rng.pick(LOST_REASONS) });
        steps.push({ at: start + rng.int(10, 90) * MIN, kind: 'print' });
      }
    }
    if (y >= years) break;
    const late = rng.chance(0.05);
    const renewDay = late ? addDays(to, rng.int(5, 40)) : addDays(to, -rng.int(0, 25));
    const renewAt = at(rng, renewDay, 540, 1020);
    if (renewAt > now) return null;
    steps.push({ at: renewAt, kind: 'renew', note: rng.pick(RENEW_NOTES) });
    if (late) {
      from = renewDay;
      to = oneYearFrom(renewDay);
    } else {
      from = addDays(to, 1);
      to = oneYearFrom(from);
    }
  }
  if (!rng.chance(0.55)) return null;
  const revokedAt = at(rng, addDays(to, -rng.int(0, 20)), 540, 1020);
  if (revokedAt > now) return null;
  steps.push({ at: revokedAt, kind: 'revoke', reason: rng.pick(REVOKE_REASONS) });
  return revokedAt;
}

function householdStory(rng: Rng, household: FictionalHousehold, registeredAt: number, now: number): HouseholdStory {
  const story: HouseholdStory = { household, registeredAt, applications: [], cardSteps: [] };
  let submittedAt = Math.max(registeredAt + rng.int(5, 60) * MIN, at(rng, addDays(dayOf(registeredAt), rng.int(0, 3)), 540, 1020));
  for (let attempt = 0; attempt < 3 && submittedAt <= now; attempt++) {
    const { app, approvedAt } = applicationStory(rng, household, submittedAt, now, { mayFail: attempt === 0 });
    story.applications.push(app);
    let next: number | null = null;
    if (approvedAt !== null) {
      const revokedAt = cardSteps(rng, approvedAt, now, story.cardSteps);
      // Some come back a while after their card was revoked (hardship again).
      if (revokedAt !== null && rng.chance(0.12)) next = revokedAt + rng.int(180, 720) * DAY_MS;
    } else if (app.approveAt === undefined && rng.chance(0.25)) {
      // Turned down or withdrawn: some apply again a year or two later.
      next = submittedAt + rng.int(365, 700) * DAY_MS;
    }
    if (next === null) break;
    submittedAt = at(rng, dayOf(next), 540, 1020);
  }
  // Steps not yet happened are not played (an open application stops where today is).
  story.cardSteps = story.cardSteps.filter((s) => s.at <= now);
  for (const a of story.applications) {
    if (a.review && a.review.at > now) delete a.review;
    if (a.notice && (!a.review || a.notice.at > now)) delete a.notice;
    if (a.objection && (!a.notice || a.objection.at > now)) delete a.objection;
    if (a.objection?.settled && a.objection.settled.at > now) delete a.objection.settled;
    if (a.approveAt !== undefined && (a.approveAt > now || !a.notice || (a.objection && !a.objection.settled))) delete a.approveAt;
    if (a.close && a.close.at > now) delete a.close;
  }
  return story;
}

/** Shops opening over the years, a few closing; each with one to three till accounts. */
function benchPartners(db: Db, rng: Rng, first: string, today: string, n: number): ShopPartner[] {
  const people = new PeopleFactory(rng, today);
  const verifierHash = hashSecretSync(BENCH_VERIFIER.password);
  // One hash for the other accounts: scrypt costs ~0.1 s each, and nobody logs in as them.
  const otherHash = hashSecretSync(`bench-till-${rng.int(1000, 9999)}`);
  const span = Math.round((Date.parse(today) - Date.parse(first)) / DAY_MS);
  const partners: ShopPartner[] = [];
  for (let i = 0; i < n; i++) {
    const openFrom = i < 12 ? first : addDays(first, rng.int(0, span - 60));
    const closedFrom = i > 0 && i % 10 === 5 ? addDays(openFrom, rng.int(365, Math.max(366, Math.round((Date.parse(today) - Date.parse(openFrom)) / DAY_MS) - 30))) : null;
    const tillUsers = Array.from({ length: i === 0 ? 2 : rng.int(1, 3) }, () => {
      const gender = rng.chance(0.7) ? 'F' : 'M';
      return randomSurname(rng) + randomGivenName(rng, gender, rng.int(1970, 2000));
    });
    const id = addPartner(db, {
      name: shopName(i),
      address: `${rng.pick(STREETS)}${rng.int(1, 300)}号`,
      contactName: randomSurname(rng) + randomGivenName(rng, rng.chance(0.5) ? 'F' : 'M', rng.int(1960, 1995)),
      contactPhone: people.phone(),
      offer: rng.pick(SHOP_OFFERS),
      active: closedFrom === null,
      createdAt: at(rng, openFrom, 540, 600) - 7 * DAY_MS,
      verifiers: tillUsers.map((displayName, k) => ({
        username: k === 0 ? `shop${i + 1}` : `shop${i + 1}-${k + 1}`,
        displayName,
        passwordHash: i === 0 && k === 0 ? verifierHash : otherHash,
      })),
    });
    partners.push({ id, tillUsers, openFrom, closedFrom });
  }
  return partners;
}

/**
 * Ten years of the card registry: households from the community, their applications and cards
 * played through the cards services, 40 partners and two million purchases under the caps. Needs the
 * community and the intake generators' accounts (the admin and the desk). Call inside a transaction.
 */
export function fillBenchCards(db: Db, now: number, dataDir: string, size: CardsSize, progress: (s: string) => void = (s) => console.error(s)): Record<string, number> {
  const rng = new Rng(10_000_404);
  const today = dayOf(now);
  const year = Number(today.slice(0, 4));
  const first = addDays(today, -Math.round(size.years * 365.25));
  const secrets = createSecretStore(dataDir);
  const started = Date.now();
  const log = (s: string) => progress(`    cards: ${s}, ${Math.round((Date.now() - started) / 1000)} s`);

  ensureSigningKey(db, secrets, shanghaiMidnight(addDays(first, -30)));
  const households = benchHouseholds(db, rng, year, size.households);
  // Registered evenly over the years, up to a few weeks ago.
  const span = Math.round((Date.parse(today) - Date.parse(first)) / DAY_MS) - 25;
  const stories = households.map((household) => householdStory(rng, household, at(rng, addDays(first, rng.int(0, span)), 540, 960), now));
  log(`${stories.length} household stories`);
  const played = playStories(db, secrets, stories, loadCardStaff(db), {
    keyRotations: [shanghaiMidnight(addDays(first, Math.round(size.years * 182))) + 10 * 3_600_000],
    progress: (done, total) => log(`${done}/${total} registry steps`),
  });
  log(`${played.cards.length} cards`);

  const partners = benchPartners(db, rng, first, today, size.partners);
  const yesterday = addDays(today, -1);
  const daysUsable = ([a, b]: [string, string]) => Math.max(0, (Date.parse(b < yesterday ? b : yesterday) - Date.parse(a < first ? first : a)) / DAY_MS + 1);
  const cardMonths = played.cards.reduce((s, c) => s + c.periods.reduce((d, p) => d + daysUsable(p), 0), 0) / 30.44;
  const rate = size.purchases / cardMonths;
  const counts = withIndexesBuiltAfter(db, ['purchases', 'deliveries'], () => fillPurchases(
    db,
    rng,
    played.cards.map((c) => ({
      ...c,
      shops: Array.from({ length: rng.int(1, 3) }, () => rng.int(0, partners.length - 1)),
      perMonth: rate * (0.5 + rng.next()),
    })),
    partners,
    {
      from: first,
      to: yesterday,
      now,
      deliveryShare: 0.35,
      cancelEvery: 20,
      // Each till's log reached the centre the next morning.
      importedAt: (t) => Math.min(now, shanghaiMidnight(addDays(dayOf(t), 1)) + 9 * 3_600_000),
      progress: (month, c) => {
        if (month.endsWith('-12')) log(`purchases to ${month}: ${c.purchases}`);
      },
    },
  ));
  for (const p of partners) {
    db.prepare('UPDATE partners SET last_import_at = (SELECT max(imported_at) FROM purchases WHERE partner_id = ?) WHERE id = ?').run(p.id, p.id);
  }
  // The county had the older card changes long ago (the outbox is for what is still to send).
  db.prepare(`UPDATE outbox SET sent_at = created_at + 3600000 WHERE stream = 'cards' AND created_at < ?`).run(now - 7 * DAY_MS);

  const statuses = Object.fromEntries(
    (db.prepare(`SELECT CASE WHEN status = 'active' AND valid_to < ? THEN 'expired' ELSE status END s, count(*) n FROM cards GROUP BY s`).all(today) as { s: string; n: number }[]).map(
      (r) => [`cards.${r.s}`, r.n],
    ),
  );
  return {
    households: played.households,
    applications: played.applications,
    cards: played.cards.length,
    ...statuses,
    partners: partners.length,
    purchases: counts.purchases,
    voided: counts.voided,
    refusedAtCap: counts.refusedAtCap,
    deliveries: counts.deliveries,
  };
}

export const cardsGenerator: DatasetGenerator = {
  name: 'cards',
  version: 1,
  run: (db, now, env) => fillBenchCards(db, now, env.dataDir, FULL_CARDS),
};
