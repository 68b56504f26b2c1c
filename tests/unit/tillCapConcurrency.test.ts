import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_SESSION_HEADER, type ApiResult, type Output } from '../../shared/contract';
import { priceOf } from '../../shared/rules/money';
import { shanghaiDate } from '../../shared/rules/time';
import { newId } from '../../electron/backend/db/ids';
import { makeTestBackend, PASSWORD } from '../../electron/backend/testSupport';
import { makeTestCard, type TestCard } from '../../electron/backend/services/cards/testCards';
import { startWebHost, stopWebHost, type WebHostProcess } from '../e2e/fixtures';

/**
 * The monthly cap under concurrent redemptions (SPEC §4.6), over real HTTP: the web host runs as its
 * own process on a prepared data folder; 48 clients — 6 verifier accounts of 2 partners, 8 sessions
 * each — verify and buy against ONE capped card at once. The sum that got the benefit never exceeds
 * the cap, and a refused purchase writes nothing.
 */
const CAP_FEN = 20_000;
const PARTNERS = 2;
const USERS_PER_PARTNER = 3;
const SESSIONS_PER_USER = 8;

type Verdict = Output<'till.verify'>;

describe('the monthly cap under concurrent purchases over HTTP', () => {
  let host: WebHostProcess;
  let dataDir: string;
  let card: TestCard;
  const usernames: string[] = [];

  beforeAll(async () => {
    const t = await makeTestBackend();
    dataDir = t.dir;
    const db = t.backend.db;
    const now = Date.now();
    for (let p = 0; p < PARTNERS; p++) {
      const partnerId = newId();
      db.prepare(
        `INSERT INTO partners (id, name, address, contact_name, contact_phone, created_at, updated_at) VALUES (?, ?, '幸福路', '李', '13800138000', ?, ?)`,
      ).run(partnerId, `爱心商户${p + 1}`, now, now);
      for (let u = 0; u < USERS_PER_PARTNER; u++) {
        const username = `till${p}${u}`;
        const user = await t.ok(t.admin, 'users.create', { username, displayName: `收银员${p}${u}`, role: 'partner', password: PASSWORD });
        db.prepare('UPDATE users SET partner_id = ? WHERE id = ?').run(partnerId, user.id);
        usernames.push(username);
      }
    }
    // The host runs on the real clock: the card is valid from today.
    card = await makeTestCard(t, { name: '张小芳', monthlyCapFen: CAP_FEN, validFrom: shanghaiDate(now) });
    t.backend.close();
    host = await startWebHost({ dataDir });
  }, 60_000);

  afterAll(async () => {
    if (host) await stopWebHost(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function call<T>(token: string | null, method: string, input: unknown): Promise<{ result: ApiResult; token: string | null; value: T }> {
    const res = await fetch(`${host.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { [HTTP_SESSION_HEADER]: token } : {}) },
      body: JSON.stringify(input),
    });
    const result = (await res.json()) as ApiResult;
    return { result, token: res.headers.get(HTTP_SESSION_HEADER), value: (result.ok ? result.value : null) as T };
  }

  const amountOf = (client: number, attempt: number) => 600 + ((client * 37 + attempt * 101) % 900);
  const expectedDiscount = (v: Verdict, amountFen: number) =>
    priceOf({ benefit: v.benefit!, amountFen, costFen: null, capLeftFen: v.capLeftFen }).discountFen;

  it('never gives the benefit on more than the cap, and logs nothing for a refused purchase', async () => {
    const tokens = await Promise.all(
      Array.from({ length: usernames.length * SESSIONS_PER_USER }, async (_, i) => {
        const login = await call(null, 'session.login', { username: usernames[i % usernames.length], password: PASSWORD });
        expect(login.result.ok).toBe(true);
        return login.token!;
      }),
    );
    expect(new Set(tokens).size).toBe(48);

    const logged = new Map<string, number>(); // purchase id → eligible fen, as answered
    const refusedIds = new Set<string>();
    const failures: string[] = [];
    const purchase = async (token: string, v: Verdict, amountFen: number) => {
      const r = await call<Output<'till.purchase'>>(token, 'till.purchase', {
        purchaseId: v.purchaseId,
        code: card.code,
        amountFen,
        expectedDiscountFen: expectedDiscount(v, amountFen),
      });
      if (r.result.ok) logged.set(r.value.id, r.value.eligibleFen);
      else {
        refusedIds.add(v.purchaseId!);
        failures.push(`${r.result.error.code} ${r.result.error.key}`);
      }
      return r.result;
    };

    // Round 1: every till checks the card at once (all see the whole cap), then all buy at once.
    const verdicts = await Promise.all(tokens.map((tk) => call<Verdict>(tk, 'till.verify', { code: card.code })));
    for (const v of verdicts) expect(v.value).toMatchObject({ ok: true, capLeftFen: CAP_FEN });
    await Promise.all(tokens.map((tk, i) => purchase(tk, verdicts[i]!.value, amountOf(i, 0))));
    // 48 purchases of at least 6 yuan against a cap of 200 yuan: many must be turned away.
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(['CONFLICT till.cap.changed', 'VALIDATION till.refusal.capReached']).toContain(f);

    // Then each till keeps going (checking again after a refusal) until the card says the cap is reached.
    await Promise.all(
      tokens.map(async (tk, i) => {
        for (let attempt = 1; attempt < 100; attempt++) {
          const v = (await call<Verdict>(tk, 'till.verify', { code: card.code })).value;
          if (!v.ok) {
            expect(v.reason).toBe('capReached');
            return;
          }
          await purchase(tk, v, amountOf(i, attempt));
        }
        throw new Error('the cap was never reached');
      }),
    );

    const db = new Database(`${dataDir}/lianxin.db`, { readonly: true });
    try {
      const rows = db.prepare('SELECT id, eligible_fen FROM purchases WHERE card_no = ?').all(card.cardNo) as { id: string; eligible_fen: number }[];
      const sum = rows.reduce((s, r) => s + r.eligible_fen, 0);
      expect(sum).toBe(CAP_FEN);
      expect(rows.length).toBe(logged.size);
      for (const r of rows) expect(logged.get(r.id)).toBe(r.eligible_fen);
      for (const id of refusedIds) expect(logged.has(id)).toBe(false);
      expect(db.prepare(`SELECT count(*) AS n FROM outbox WHERE stream = 'purchases'`).get()).toEqual({ n: rows.length });
    } finally {
      db.close();
    }
  }, 120_000);
});
