import type { Benefit } from '../../../shared/contract/cards';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import type { Db } from '../db/open';
import type { SecretStore } from '../secrets/secretStore';
import { exportPartnerPackage } from '../services/partners/package';
import { fillPurchases, keepLatestDeliveriesOpen, type ShopPartner } from './fictional/cardPurchases';
import { hardshipOf, householdOfRoom, loadRooms, type FictionalHousehold } from './fictional/cardHouseholds';
import { APPLICATION_REASONS, MEETING_PRESENT, NOTICE_PLACES, OBJECTIONS, REVIEW_REJECTIONS, SETTLED_NOT_UPHELD } from './fictional/cardTexts';
import { addPartner, loadCardStaff, playStories, type ApplicationStory, type CardStep, type HouseholdStory } from './fictional/cards';
import { shanghaiMidnight } from './fictional/intake';
import { Rng } from './fictional/prng';

export const DEMO_CARDS_SEED = 20_261_124;
/** SPEC §1: 35 low-income households got cards; a few more are on their way. */
const HOUSEHOLDS = 35;
/** A year of purchases at the partners' tills, ending yesterday (the report's trend has twelve months to show). */
const PURCHASE_DAYS = 365;

/** The demo's partner shops and which demo accounts (DEMO_USERS, role partner) are their tills. */
export const DEMO_SHOPS: { name: string; address: string; contactName: string; contactPhone: string; offer: string; tills: string[] }[] = [
  { name: '惠民便利店', address: '幸福路18号', contactName: '陈晓燕', contactPhone: '13812345678', offer: '米面粮油、日用品九折', tills: ['shop1', 'shanghu'] },
  { name: '和顺粮油店', address: '和平街6号', contactName: '周建国', contactPhone: '13987654321', offer: '大米、面粉、食用油', tills: ['shop2'] },
  { name: '康乐平价药房', address: '建设路102号', contactName: '吴美玲', contactPhone: '13600001111', offer: '常用药品、保健用品', tills: ['shop3'] },
];

type Outcome =
  | { kind: 'card'; approvedDaysAgo: number; renewedAfterYears?: number; then?: { kind: 'suspend' | 'revoke' | 'replace'; daysAgo: number; reason: string }; objection?: boolean }
  | { kind: 'submitted'; daysAgo: number }
  | { kind: 'reviewed'; daysAgo: number }
  | { kind: 'notice'; startedDaysAgo: number; openObjection: boolean }
  | { kind: 'rejected'; daysAgo: number };

/**
 * What happens to each household, most recent last. 29 cards: most of them issued over the past
 * year, 3 due for their yearly review within 30 days, 1 expired, 2 renewed once, 1 suspended, 1
 * revoked, 1 lost and replaced; then 2 applications just submitted, 1 reviewed, 2 in their notice
 * (one ended yesterday and can be approved, one with an open objection), 1 rejected.
 */
const OUTCOMES: Outcome[] = [
  { kind: 'card', approvedDaysAgo: 620, renewedAfterYears: 1 },
  { kind: 'card', approvedDaysAgo: 500, renewedAfterYears: 1 },
  { kind: 'card', approvedDaysAgo: 380 },
  { kind: 'card', approvedDaysAgo: 362 },
  { kind: 'card', approvedDaysAgo: 355 },
  { kind: 'card', approvedDaysAgo: 345 },
  { kind: 'card', approvedDaysAgo: 320, then: { kind: 'revoke', daysAgo: 20, reason: '已搬离本社区' } },
  { kind: 'card', approvedDaysAgo: 300, objection: true },
  { kind: 'card', approvedDaysAgo: 280 },
  { kind: 'card', approvedDaysAgo: 260, then: { kind: 'replace', daysAgo: 9, reason: '持卡人遗失，申请补卡' } },
  { kind: 'card', approvedDaysAgo: 240 },
  { kind: 'card', approvedDaysAgo: 220 },
  { kind: 'card', approvedDaysAgo: 200, then: { kind: 'suspend', daysAgo: 12, reason: '住院期间由家属申请暂停' } },
  { kind: 'card', approvedDaysAgo: 185 },
  { kind: 'card', approvedDaysAgo: 170 },
  { kind: 'card', approvedDaysAgo: 150 },
  { kind: 'card', approvedDaysAgo: 135 },
  { kind: 'card', approvedDaysAgo: 120 },
  { kind: 'card', approvedDaysAgo: 105 },
  { kind: 'card', approvedDaysAgo: 90 },
  { kind: 'card', approvedDaysAgo: 80 },
  { kind: 'card', approvedDaysAgo: 70 },
  { kind: 'card', approvedDaysAgo: 60 },
  { kind: 'card', approvedDaysAgo: 50 },
  { kind: 'card', approvedDaysAgo: 42 },
  { kind: 'card', approvedDaysAgo: 35 },
  { kind: 'card', approvedDaysAgo: 28 },
  { kind: 'card', approvedDaysAgo: 21 },
  { kind: 'card', approvedDaysAgo: 14 },
  { kind: 'rejected', daysAgo: 30 },
  { kind: 'notice', startedDaysAgo: 7, openObjection: false },
  { kind: 'notice', startedDaysAgo: 3, openObjection: true },
  { kind: 'reviewed', daysAgo: 3 },
  { kind: 'submitted', daysAgo: 3 },
  { kind: 'submitted', daysAgo: 1 },
];

/** Benefits for the cards in OUTCOMES order: mostly 九折 with a cap, five 成本价. */
const benefitOf = (i: number): { benefit: Benefit; cap: number | null } =>
  i % 6 === 4 ? { benefit: { kind: 'cost', value: 0 }, cap: i % 12 === 4 ? null : 30_000 } : { benefit: { kind: 'percent', value: 10 }, cap: [30_000, 30_000, 20_000, 50_000][i % 4]! };

/** The demo's hardship households: rooms whose people carry 低保, 特困, 低收入 or 孤寡 first, then 残疾. */
function demoHouseholds(db: Db, rng: Rng, year: number): FictionalHousehold[] {
  const rooms = loadRooms(db).filter((r) => hardshipOf(r.people).length > 0);
  const rank = (r: (typeof rooms)[number]) => (hardshipOf(r.people).some((t) => t !== '残疾') ? 0 : 1);
  const ordered = rooms.map((r) => ({ r, k: rank(r), x: rng.next() })).sort((a, b) => a.k - b.k || a.x - b.x);
  if (ordered.length < HOUSEHOLDS) throw new Error(`the demo community has ${ordered.length} hardship households, not ${HOUSEHOLDS}`);
  return ordered.slice(0, HOUSEHOLDS).map(({ r }) => householdOfRoom(rng, r.address, r.people, year));
}

/** The steps of an application that goes all the way, `approveDay` being the day the admin approved it. */
function fullApplication(day: (n: number, min: number) => number, approveIn: number, base: Omit<ApplicationStory, 'submittedAt'>, objection: boolean): ApplicationStory {
  const meeting = approveIn + 17;
  const notice = approveIn + 15;
  return {
    ...base,
    submittedAt: day(approveIn + 24, 570),
    review: { at: day(meeting, 900), meetingDate: shanghaiDate(day(meeting, 900)), present: MEETING_PRESENT[0]!, votes: [8, 0, 1], decision: 'approve', note: '经入户核实，符合条件' },
    notice: { at: day(notice, 540), startDate: shanghaiDate(day(notice, 540)), days: 7, place: NOTICE_PLACES[0]! },
    ...(objection
      ? { objection: { at: day(notice - 2, 630), objector: '同楼栋居民', content: OBJECTIONS[0]!, settled: { at: day(notice - 4, 600), upheld: false, settlement: SETTLED_NOT_UPHELD[0]! } } }
      : {}),
    approveAt: day(approveIn, 600),
  };
}

function storyOf(o: Outcome, i: number, h: FictionalHousehold, now: number): HouseholdStory {
  const today = shanghaiDate(now);
  /** A moment `n` days before today at `min` minutes after midnight. */
  const day = (n: number, min: number) => shanghaiMidnight(addDays(today, -n)) + min * 60_000;
  const { benefit, cap } = benefitOf(i);
  const reasons = APPLICATION_REASONS[h.hardshipTypes[0]!] ?? APPLICATION_REASONS.低收入!;
  const base = { benefit, monthlyCapFen: cap, delivery: false, reason: reasons[i % reasons.length]! };
  const cardSteps: CardStep[] = [];
  let app: ApplicationStory;
  let since: number;
  switch (o.kind) {
    case 'card': {
      app = fullApplication(day, o.approvedDaysAgo, base, o.objection ?? false);
      since = o.approvedDaysAgo + 24;
      cardSteps.push({ at: day(o.approvedDaysAgo, 640), kind: 'print' });
      if (o.renewedAfterYears) cardSteps.push({ at: day(o.approvedDaysAgo - 355, 620), kind: 'renew', note: '年审通过' });
      if (o.then) {
        cardSteps.push({ at: day(o.then.daysAgo, 610), kind: o.then.kind, reason: o.then.reason });
        if (o.then.kind === 'replace') cardSteps.push({ at: day(o.then.daysAgo, 650), kind: 'print' });
      }
      break;
    }
    case 'rejected':
      app = { ...fullApplication(day, o.daysAgo - 17, base, false), notice: undefined, approveAt: undefined };
      app.review = { ...app.review!, votes: [2, 6, 1], decision: 'reject', note: REVIEW_REJECTIONS[0]! };
      since = o.daysAgo + 7;
      break;
    case 'notice': {
      app = { ...fullApplication(day, o.startedDaysAgo - 15, base, false), approveAt: undefined };
      if (o.openObjection) app.objection = { at: day(1, 630), objector: '居民（匿名）', content: OBJECTIONS[2]! };
      since = o.startedDaysAgo + 9;
      break;
    }
    case 'reviewed':
      app = { ...fullApplication(day, o.daysAgo - 17, base, false), submittedAt: day(o.daysAgo + 9, 570), notice: undefined, approveAt: undefined };
      since = o.daysAgo + 9;
      break;
    case 'submitted':
      app = { ...base, submittedAt: day(o.daysAgo, 570) };
      since = o.daysAgo;
      break;
  }
  return { household: h, registeredAt: day(since, 560), applications: [app], cardSteps };
}

/**
 * The demo centre's caring-supermarket cards (SPEC §4), all relative to `now`: 35 households from the
 * demo community, their applications at every stage and their cards, played through the cards
 * services and signed with the centre's key in `secrets` (so every printed code verifies); three
 * partner shops with their tills (the demo accounts shop1…3 and shanghu); a year of purchases
 * under the caps, a few voided, and deliveries. Call inside fillDemoCentre's transaction, after the
 * accounts and the community.
 */
export function fillDemoCards(db: Db, secrets: SecretStore, now: number) {
  const rng = new Rng(DEMO_CARDS_SEED);
  const today = shanghaiDate(now);
  const households = demoHouseholds(db, rng, Number(today.slice(0, 4)));
  // The five oldest heads with a card get home delivery.
  const cardHolders = OUTCOMES.map((o, i) => ({ o, i })).filter(({ o }) => o.kind === 'card');
  const byAge = [...cardHolders].sort((a, b) => (households[a.i]!.head.birthDate ?? '9').localeCompare(households[b.i]!.head.birthDate ?? '9'));
  const delivery = new Set(byAge.filter(({ o }) => o.kind === 'card' && !o.then).slice(0, 5).map(({ i }) => i));
  const stories = OUTCOMES.map((o, i) => {
    const s = storyOf(o, i, households[i]!, now);
    if (delivery.has(i)) s.applications[0]!.delivery = true;
    return s;
  });
  const played = playStories(db, secrets, stories, loadCardStaff(db));

  const partners: ShopPartner[] = DEMO_SHOPS.map((shop, i) => {
    const id = addPartner(db, {
      name: shop.name,
      address: shop.address,
      contactName: shop.contactName,
      contactPhone: shop.contactPhone,
      offer: shop.offer,
      active: true,
      createdAt: shanghaiMidnight(addDays(today, -700 + i * 30)) + 10 * 3_600_000,
      verifiers: [],
    });
    const tills = db.prepare(`SELECT id, display_name FROM users WHERE role = 'partner' AND username IN (SELECT value FROM json_each(?)) ORDER BY username`).all(JSON.stringify(shop.tills)) as {
      id: string;
      display_name: string;
    }[];
    for (const t of tills) db.prepare('UPDATE users SET partner_id = ? WHERE id = ?').run(id, t.id);
    return { id, tillUsers: tills.map((t) => t.display_name), openFrom: addDays(today, -700), closedFrom: null };
  });

  const counts = fillPurchases(
    db,
    rng,
    // The delivery cards shop mostly at the first shop (shop1's till has deliveries to show).
    played.cards.map((c, k) => ({ ...c, shops: c.delivery ? [0, 1 + (k % 2)] : k % 3 === 0 ? [0, 1] : [k % 3], perMonth: c.delivery ? 9 : 5 + (k % 4) })),
    partners,
    {
      from: addDays(today, -PURCHASE_DAYS),
      to: addDays(today, -1),
      now,
      voidShare: 0.03,
      deliveryShare: 0.6,
      cancelEvery: 6,
      // Each shop's till log is brought to the centre and imported every morning.
      importedAt: (t) => Math.min(now, shanghaiMidnight(addDays(shanghaiDate(t), 1)) + 9 * 3_600_000),
    },
  );
  const openDeliveries = keepLatestDeliveriesOpen(db, 2);
  const admin = db.prepare(`SELECT id, username, display_name FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`).get() as { id: string; username: string; display_name: string };
  for (const p of partners) {
    db.prepare('UPDATE partners SET last_import_at = (SELECT max(imported_at) FROM purchases WHERE partner_id = ?) WHERE id = ?').run(p.id, p.id);
    // Each shop's till got the centre's package (keys, cards, revocations) last week.
    exportPartnerPackage(db, secrets, p.id, now - 6 * 86_400_000, { userId: admin.id, username: admin.username, displayName: admin.display_name, role: 'admin', partnerId: null });
  }
  return { households: played.households, applications: played.applications, cards: played.cards.length, partners: partners.length, ...counts, openDeliveries };
}
