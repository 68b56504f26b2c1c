import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Method, Output } from '../../../shared/contract';
import { cardNumberProblem } from '../../../shared/rules/cardNumber';
import { decodeCardCode } from '../../../shared/rules/cardPayload';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import { createBackend, type Backend, type SessionSlot } from '../app';
import { verifySignature } from '../services/cards/keys';
import { TestClock } from '../testSupport';
import { DEMO_SHOPS } from './demoCards';
import { DEMO_PASSWORD } from './demoData';
import { purchaseProblems } from './fictional/cardPurchasesCheck';

interface PurchaseRow {
  id: string;
  card_no: string;
  partner_id: string;
  at: number;
  month: string;
  amount_fen: number;
  cost_fen: number | null;
  eligible_fen: number;
  discount_fen: number;
  pay_fen: number;
  voided_at: number | null;
  imported_at: number | null;
}

interface CardRow {
  id: string;
  card_no: string;
  status: string;
  valid_from: string;
  valid_to: string;
  benefit_kind: 'percent' | 'cost';
  benefit_value: number;
  monthly_cap_fen: number | null;
  delivery: number;
}

describe('demo card registry', () => {
  const clock = new TestClock();
  const today = shanghaiDate(clock.now());
  let dir: string;
  let b: Backend;
  const admin: SessionSlot = { sessionId: null };

  const call = async <M extends Method>(slot: SessionSlot, method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await b.dispatch(slot, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.key}`);
    return r.value as Output<M>;
  };
  const login = async (username: string) => {
    const slot: SessionSlot = { sessionId: null };
    await call(slot, 'session.login', { username, password: DEMO_PASSWORD });
    return slot;
  };
  const all = <T>(sql: string, ...args: unknown[]) => b.db.prepare(sql).all(...args) as T[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-cards-'));
    b = createBackend({ dataDir: dir, demo: true, clock, checkOutputs: true });
    await call(admin, 'session.login', { username: 'admin', password: DEMO_PASSWORD });
  }, 90_000);
  afterAll(() => {
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has 35 households with applications at every stage', async () => {
    const households = await call(admin, 'households.list', { limit: 100, offset: 0 });
    expect(households.total).toBe(35);
    for (const h of households.rows) {
      expect(h.hardshipTypes.length).toBeGreaterThan(0);
      expect(h.memberCount).toBeGreaterThanOrEqual(1);
    }
    const apps = await call(admin, 'cardApplications.list', { limit: 100, offset: 0 });
    const count = (s: string) => apps.rows.filter((a) => a.status === s).length;
    expect({ submitted: count('submitted'), reviewed: count('reviewed'), notice: count('notice'), approved: count('approved'), rejected: count('rejected') }).toEqual({
      submitted: 2,
      reviewed: 1,
      notice: 2,
      approved: 29,
      rejected: 1,
    });
    const inNotice = await Promise.all(apps.rows.filter((a) => a.status === 'notice').map((a) => call(admin, 'cardApplications.get', { id: a.id })));
    const blocked = inNotice.map((a) => [a.openObjections, a.approvalBlockedBy]);
    // One still in its notice with an objection lodged; one whose notice ended yesterday, ready to approve.
    expect(blocked).toContainEqual([1, 'application.approve.noticeRunning']);
    expect(blocked).toContainEqual([0, null]);
    // An approved one keeps its whole record: review, notice and the steps with who did them.
    const approved = await call(admin, 'cardApplications.get', { id: apps.rows.find((a) => a.status === 'approved')!.id });
    expect(approved.review?.decision).toBe('approve');
    expect(approved.notice).not.toBeNull();
    expect(approved.steps.map((s) => s.action)).toEqual(['submitted', 'reviewed', 'noticePosted', 'approved']);
    expect(approved.steps.every((s) => s.userName === '李小红' || s.userName === '王主任')).toBe(true);
    // One approved application had an objection, settled as not upheld.
    const { n } = b.db.prepare(`SELECT count(*) n FROM application_objections WHERE upheld = 0`).get() as { n: number };
    expect(n).toBe(1);
  });

  it('has cards in every state the desk meets, with valid numbers', async () => {
    const list = async (l: Input<'cards.list'>['list']) => (await call(admin, 'cards.list', { list: l, limit: 100, offset: 0 })).rows;
    const cards = await list('all');
    expect(cards.length).toBe(30);
    for (const c of cards) expect(cardNumberProblem(c.cardNo)).toBeNull();
    expect((await list('reviewDue')).length).toBe(3);
    expect((await list('expired')).length).toBe(1);
    expect((await list('suspended')).length).toBe(1);
    expect((await list('revoked')).length).toBe(1);
    expect((await list('replaced')).length).toBe(1);
    const active = await list('active');
    expect(active.length).toBe(26);
    expect(active.filter((c) => c.benefit.kind === 'cost').length).toBe(5);
    expect(active.filter((c) => c.benefit.kind === 'percent' && c.benefit.value === 10 && c.monthlyCapFen === 30_000).length).toBeGreaterThan(5);
    expect(active.filter((c) => c.delivery).length).toBe(5);
    const events = all<{ action: string }>('SELECT action FROM card_events').map((e) => e.action);
    for (const a of ['issued', 'printed', 'renewed', 'suspended', 'revoked', 'replaced']) expect(events, a).toContain(a);
  });

  it('signs every card so that its code verifies at a partner till, with the right verdict', async () => {
    const keys = all<{ key_id: number; public_key: Buffer }>('SELECT key_id, public_key FROM till_keys');
    const cards = all<CardRow & { holder: string }>('SELECT c.*, r.name holder FROM cards c JOIN residents r ON r.id = c.holder_resident_id');
    const shop1 = await login('shop1');
    const verdicts = new Map<string, Output<'till.verify'>>();
    for (const c of cards) {
      const face = await call(admin, 'cards.face', { id: c.id }).catch(() => null);
      // Revoked and replaced cards are not printed again; their codes come from the card row.
      if (!face) continue;
      const signed = decodeCardCode(face.qrText)!;
      expect(signed.payload.cardNo).toBe(c.card_no);
      const key = keys.find((k) => k.key_id === signed.payload.keyId)!;
      expect(verifySignature(key.public_key, signed.signed, signed.signature)).toBe(true);
      verdicts.set(c.status === 'active' && c.valid_to < today ? 'expired' : c.status, await call(shop1, 'till.verify', { code: face.qrText }));
    }
    expect(verdicts.get('active')).toMatchObject({ ok: true, reason: null });
    expect(verdicts.get('active')!.maskedName).toContain('*');
    expect(verdicts.get('expired')).toMatchObject({ ok: false, reason: 'expired' });
    expect(verdicts.get('suspended')).toMatchObject({ ok: false, reason: 'suspended' });
    // Typed numbers of the revoked and the replaced card are refused for what they are.
    for (const status of ['revoked', 'replaced']) {
      const c = cards.find((x) => x.status === status)!;
      expect(await call(shop1, 'till.verify', { code: c.card_no })).toMatchObject({ ok: false, reason: status });
    }
  });

  it('has three partners whose tills log in with the demo password', async () => {
    const partners = await call(admin, 'partners.list', {});
    expect(partners.map((p) => p.name).sort()).toEqual(DEMO_SHOPS.map((s) => s.name).sort());
    for (const p of partners) {
      expect(p.lastPackageAt).not.toBeNull();
      expect(p.lastImportAt).not.toBeNull();
    }
    for (const shop of DEMO_SHOPS) {
      for (const username of shop.tills) {
        const slot = await login(username);
        const status = await call(slot, 'till.status', {});
        expect(status.mode).toBe('centre');
        const u = b.db.prepare('SELECT p.name FROM users u JOIN partners p ON p.id = u.partner_id WHERE u.username = ?').get(username) as { name: string };
        expect(u.name).toBe(shop.name);
      }
    }
  });

  it('has a year of purchases logged as the till logs them: under each cap, some voided, deliveries in every status', async () => {
    const purchases = all<PurchaseRow>('SELECT * FROM purchases ORDER BY at');
    const cards = new Map(all<CardRow>('SELECT * FROM cards').map((c) => [c.card_no, c]));
    expect(purchases.length).toBeGreaterThan(1000);
    expect(purchases.filter((p) => p.voided_at !== null).length).toBeGreaterThan(0);
    expect(purchaseProblems(b.db)).toEqual([]);
    for (const p of purchases) {
      const day = shanghaiDate(p.at);
      expect(day >= addDays(today, -365) && day < today).toBe(true);
      expect(p.imported_at).toBeGreaterThan(p.voided_at ?? p.at);
    }
    // The suspended, revoked and replaced cards were used before, not after.
    const stopped = all<{ card_no: string; at: number }>(
      `SELECT c.card_no, e.at FROM card_events e JOIN cards c ON c.id = e.card_id WHERE e.action IN ('revoked', 'replaced', 'suspended')`,
    );
    expect(stopped.length).toBe(3);
    for (const s of stopped) expect(purchases.some((p) => p.card_no === s.card_no && p.at < s.at)).toBe(true);

    const deliveries = all<{ card_no: string; address: string; status: string; purchase_id: string }>('SELECT * FROM deliveries');
    expect(new Set(deliveries.map((d) => d.status))).toEqual(new Set(['requested', 'delivered', 'cancelled']));
    const addresses = new Map(all<{ card_no: string; delivery_address: string | null }>('SELECT card_no, delivery_address FROM till_cards').map((t) => [t.card_no, t.delivery_address]));
    for (const d of deliveries) {
      expect(cards.get(d.card_no)!.delivery).toBe(1);
      expect(d.address).toBe(addresses.get(d.card_no));
    }
    // A partner's till sees its own deliveries.
    const shop1 = await login('shop1');
    const own = await call(shop1, 'till.deliveries', {});
    const partnerId = (b.db.prepare(`SELECT partner_id FROM users WHERE username = 'shop1'`).get() as { partner_id: string }).partner_id;
    expect(own.length).toBe(all('SELECT id FROM deliveries WHERE partner_id = ?', partnerId).length);
    expect(own.filter((d) => d.status === 'requested').length).toBe(2);
  });

  it("reports the month's purchases the same as a recount", async () => {
    const month = addDays(today, -1).slice(0, 7);
    const report = await call(admin, 'cardReports.month', { month });
    const live = all<PurchaseRow>('SELECT * FROM purchases WHERE month = ? AND voided_at IS NULL', month);
    expect(report.totals.purchases).toBe(live.length);
    expect(report.totals.discountFen).toBe(live.reduce((s, p) => s + p.discount_fen, 0));
    expect(report.byPartner.length).toBe(3);
  });
});
