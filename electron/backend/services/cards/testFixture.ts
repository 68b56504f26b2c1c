import type { Input, Method, Output } from '../../../../shared/contract';
import { idCheckChar } from '../../../../shared/rules/idNumber';
import type { SessionSlot } from '../../context';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';

/** 10:00 in Shanghai on a date (the test clock is UTC milliseconds). */
export const shanghaiTen = (date: string): number => Date.parse(`${date}T02:00:00Z`);

/** A valid 18-digit ID number for a birth date (a made-up area code and sequence). */
export function idNumberFor(birthDate: string, seq: number): string {
  const first17 = `110105${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export interface CardsFixture {
  t: TestBackend;
  /** A desk account (display name desk 用户). */
  desk: SessionSlot;
  call(slot: SessionSlot, method: Method, input: unknown): ReturnType<TestBackend['backend']['dispatch']>;
  ok<M extends Method>(method: M, input: Input<M>, slot?: SessionSlot): Promise<Output<M>>;
  /** A resident with an ID number and a phone; returns its id. */
  resident(name: string, seq?: number): Promise<string>;
  /** A household with its head and members (names); returns the ids. */
  household(head: string, members?: string[]): Promise<{ id: string; headId: string; memberIds: string[] }>;
  /** An application recorded, reviewed (meeting today) and in notice from `noticeStart` for 7 days. */
  inNotice(householdId: string, noticeStart: string): Promise<string>;
  /** Moves the clock and signs the admin and the desk in again (a jump forward would lock them as idle). */
  setNow(ms: number): Promise<void>;
  /** setNow at 10:00 Shanghai on `date`. */
  setDay(date: string): Promise<void>;
  /** A household with an approved application and its card, issued on `day` (the clock ends there). */
  issuedCard(head: string, day?: string): Promise<Output<'cards.get'>>;
  count(table: string, where?: string, ...args: unknown[]): number;
}

export async function makeCardsFixture(): Promise<CardsFixture> {
  const t = await makeTestBackend();
  await t.loginAs('desk');
  const desk: SessionSlot = { sessionId: null };
  await t.ok(desk, 'session.login', { username: 'desk1', password: PASSWORD });
  let seq = 0;
  const f: CardsFixture = {
    t,
    desk,
    call: (slot, method, input) => t.backend.dispatch(slot, method, input),
    ok: <M extends Method>(method: M, input: Input<M>, slot: SessionSlot = t.admin) => t.ok(slot, method, input),
    async resident(name, n = ++seq) {
      const birthDate = `19${String(40 + (n % 50)).padStart(2, '0')}-03-04`;
      const r = await t.ok(t.admin, 'residents.create', {
        name,
        idNumber: idNumberFor(birthDate, n),
        phone: `138${String(10_000_000 + n).slice(-8)}`,
      });
      return r.id;
    },
    async household(head, members = []) {
      const headId = await f.resident(head);
      const memberIds: string[] = [];
      for (const m of members) memberIds.push(await f.resident(m));
      const { id } = await t.ok(desk, 'households.save', {
        headResidentId: headId,
        members: memberIds.map((residentId) => ({ residentId, relation: '子女' })),
        address: '幸福路1号3单元201',
        hardshipTypes: ['低保'],
        allowanceCertNo: `DB${String(seq).padStart(6, '0')}`,
      });
      return { id, headId, memberIds };
    },
    async inNotice(householdId, noticeStart) {
      const a = await t.ok(desk, 'cardApplications.create', { householdId, benefit: { kind: 'percent', value: 10 }, monthlyCapFen: 30_000, reason: '低保户，生活困难' });
      const today = new Date(t.clock.now() + 8 * 3600_000).toISOString().slice(0, 10);
      await t.ok(desk, 'cardApplications.review', {
        id: a.id,
        meetingDate: today,
        present: '居委会委员 5 人，居民代表 6 人',
        votesFor: 10,
        votesAgainst: 0,
        votesAbstain: 1,
        decision: 'approve',
      });
      await t.ok(desk, 'cardApplications.postNotice', { id: a.id, startDate: noticeStart, days: 7, place: '社区公告栏' });
      return a.id;
    },
    setDay: (date) => f.setNow(shanghaiTen(date)),
    async setNow(ms) {
      t.clock.t = ms;
      for (const [slot, username] of [[t.admin, 'admin'], [desk, 'desk1']] as const) {
        slot.sessionId = null;
        await t.ok(slot, 'session.login', { username, password: PASSWORD });
      }
    },
    async issuedCard(head, day = '2026-11-23') {
      await f.setDay(day);
      const h = await f.household(head);
      const appId = await f.inNotice(h.id, day);
      const end = new Date(Date.parse(`${day}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      await f.setDay(end);
      const a = await t.ok(t.admin, 'cardApplications.approve', { id: appId });
      return t.ok(t.admin, 'cards.get', { id: a.cardId! });
    },
    count(table, where = '1', ...args) {
      return (t.backend.db.prepare(`SELECT count(*) n FROM ${table} WHERE ${where}`).get(...args) as { n: number }).n;
    },
  };
  return f;
}
