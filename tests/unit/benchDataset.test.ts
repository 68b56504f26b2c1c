import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNumberProblem } from '../../shared/rules/cardNumber';
import { decodeCardCode } from '../../shared/rules/cardPayload';
import { shanghaiDate } from '../../shared/rules/time';
import { createBackend } from '../../electron/backend/app';
import { purchaseProblems } from '../../electron/backend/cli/fictional/cardPurchasesCheck';
import { fillCommunity } from '../../electron/backend/cli/fictional/community';
import { closeDatabase, openDatabase, type Db } from '../../electron/backend/db/open';
import { createSecretStore } from '../../electron/backend/secrets/secretStore';
import { cardCodeOf } from '../../electron/backend/services/cards/cardCode';
import { keyChainIsValid, publicKeys, verifySignature } from '../../electron/backend/services/cards/keys';
import { ensureDataset, reusablePrefix } from '../bench/generate';
import { accountsGenerator } from '../bench/generators/accounts';
import { BENCH_VERIFIER, fillBenchCards, type CardsSize } from '../bench/generators/cards';
import type { DatasetGenerator } from '../bench/generators/types';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('ensureDataset', () => {
  /** A generator that writes a setting `gen.<name>.<run>` on each run and counts its runs. */
  const gen = (name: string, version = 1, fail = false) => {
    const g = {
      name,
      version,
      runs: 0,
      run(db: Db) {
        g.runs++;
        db.prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`).run(`gen.${name}.${g.runs}`);
        if (fail) throw new Error(`${name} broke`);
        return { rows: 1 };
      },
    };
    return g;
  };
  const settingOf = (dir: string, key: string) => {
    const db = openDatabase(dir);
    try {
      return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
    } finally {
      closeDatabase(db);
    }
  };
  const quiet = { log: () => {} };

  it('keeps only a current prefix of the generators', () => {
    const list = [
      { name: 'a', version: 1 },
      { name: 'b', version: 2 },
      { name: 'c', version: 1 },
    ];
    expect(reusablePrefix(null, list)).toBe(0);
    expect(reusablePrefix({ generators: { a: 1, b: 2, c: 1 } }, list)).toBe(3);
    expect(reusablePrefix({ generators: { a: 1, b: 2 } }, list)).toBe(2);
    expect(reusablePrefix({ generators: { a: 1 } }, list)).toBe(1);
    // A stale or missing one in the middle, or one no longer known: rebuild.
    expect(reusablePrefix({ generators: { a: 1, b: 1 } }, list)).toBe(0);
    expect(reusablePrefix({ generators: { a: 1, c: 1 } }, list)).toBe(0);
    expect(reusablePrefix({ generators: { a: 1, b: 2, old: 1 } }, list)).toBe(0);
    expect(reusablePrefix({ generators: { a: 2 } }, list)).toBe(0);
  });

  it('runs only the generators added at the end, at the dataset’s own time; a stale one rebuilds everything', () => {
    const dir = tempDir();
    const a = gen('a');
    const first = ensureDataset(dir, { ...quiet, generators: [a] as DatasetGenerator[] });
    expect(first.reused).toBe(false);

    const b = gen('b');
    let seenNow = 0;
    const timed = { ...b, run: (db: Db, now: number) => ((seenNow = now), b.run(db)) };
    const second = ensureDataset(dir, { ...quiet, generators: [a, timed] as DatasetGenerator[] });
    expect([a.runs, b.runs, second.reused]).toEqual([1, 1, false]);
    expect(seenNow).toBe(first.generatedAt);
    expect(second.counts).toEqual({ a: { rows: 1 }, b: { rows: 1 } });
    expect(ensureDataset(dir, { ...quiet, generators: [a, timed] as DatasetGenerator[] }).reused).toBe(true);

    // A failing addition leaves the dataset as it was.
    const broken = gen('c', 1, true);
    expect(() => ensureDataset(dir, { ...quiet, generators: [a, timed, broken] as DatasetGenerator[] })).toThrow('c broke');
    expect(settingOf(dir, 'gen.c.1')).toBeNull();
    expect(ensureDataset(dir, { ...quiet, generators: [a, timed] as DatasetGenerator[] }).reused).toBe(true);

    // A new version of the first one: everything again, on a fresh database.
    const a2 = gen('a', 2);
    ensureDataset(dir, { ...quiet, generators: [a2, timed] as DatasetGenerator[] });
    expect([a2.runs, b.runs]).toEqual([1, 2]);
    expect([settingOf(dir, 'gen.b.1'), settingOf(dir, 'gen.b.2')]).toEqual([null, '1']);
  });
});

describe('bench card generator (small)', () => {
  const size: CardsSize = { years: 10, households: 1_200, partners: 6, purchases: 60_000 };
  const now = Date.UTC(2026, 10, 23, 2, 0, 0);
  let dir: string;
  let db: Db;
  let counts: Record<string, number>;

  beforeAll(() => {
    dir = tempDir();
    db = openDatabase(dir);
    counts = db.transaction(() => {
      accountsGenerator.run(db, now, { dataDir: dir });
      fillCommunity(db, now, { seed: 7, areas: [{ name: '东片区', grids: 5 }], buildingsPerGrid: [8, 12], residents: 3_000, historyYears: 10 });
      return fillBenchCards(db, now, dir, size, () => {});
    })();
  }, 120_000);
  afterAll(() => closeDatabase(db));

  it('makes the households, cards in every state and about the purchases asked for', () => {
    expect(counts.households).toBe(size.households);
    expect(counts.cards).toBeGreaterThan(size.households * 0.95);
    expect(counts.purchases).toBeGreaterThan(size.purchases * 0.9);
    expect(counts.purchases).toBeLessThan(size.purchases * 1.1);
    for (const s of ['cards.active', 'cards.expired', 'cards.revoked', 'cards.replaced']) expect(counts[s], s).toBeGreaterThan(0);
    expect(counts.voided).toBeGreaterThan(0);
    expect(counts.deliveries).toBeGreaterThan(0);
    const { n } = db.prepare('SELECT count(*) - count(DISTINCT resident_id) n FROM household_members').get() as { n: number };
    expect(n).toBe(0);
    const events = new Set((db.prepare('SELECT DISTINCT action FROM card_events').all() as { action: string }[]).map((e) => e.action));
    expect([...events].sort()).toEqual(['issued', 'printed', 'renewed', 'replaced', 'resumed', 'revoked', 'suspended']);
    const statuses = new Set((db.prepare('SELECT DISTINCT status FROM card_applications').all() as { status: string }[]).map((s) => s.status));
    for (const s of ['approved', 'rejected', 'withdrawn']) expect(statuses.has(s), s).toBe(true);
  });

  it('spreads the cards over the ten years, numbered in issue order', () => {
    const cards = db.prepare('SELECT card_no, valid_from FROM cards ORDER BY issued_at, card_no').all() as { card_no: string; valid_from: string }[];
    for (const c of cards) expect(cardNumberProblem(c.card_no)).toBeNull();
    expect(cards.map((c) => c.card_no)).toEqual(cards.map((c) => c.card_no).sort());
    const years = new Set(cards.map((c) => c.valid_from.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(10);
  });

  it('logs every purchase as the till would have, under each cap', () => {
    expect(purchaseProblems(db)).toEqual([]);
    // The check does see a purchase the till would not have logged.
    const p = db.prepare('SELECT id FROM purchases WHERE voided_at IS NULL AND discount_fen > 0 LIMIT 1').get() as { id: string };
    expect(() =>
      db.transaction(() => {
        db.prepare('UPDATE purchases SET discount_fen = discount_fen + 1 WHERE id = ?').run(p.id);
        expect(purchaseProblems(db)).toHaveLength(1);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
  });

  it('signs the cards with a rotated key chain the till holds, and a verifier can check them', async () => {
    const keys = publicKeys(db);
    expect(keys.length).toBe(2);
    expect(keyChainIsValid(keys)).toBe(true);
    const tillKeys = db.prepare('SELECT key_id, public_key FROM till_keys').all() as { key_id: number; public_key: Buffer }[];
    expect(tillKeys.length).toBe(2);
    const { n } = db.prepare('SELECT (SELECT count(*) FROM cards) - (SELECT count(*) FROM till_cards) n').get() as { n: number };
    expect(n).toBe(0);
    const secrets = createSecretStore(dir);
    // Renewals sign again with the current key: the first key is left on cards that ended before it was rotated.
    const sample = db.prepare(`SELECT id, key_id, status, valid_to FROM cards ORDER BY key_id, id`).all() as { id: string; key_id: number; status: string; valid_to: string }[];
    const byKey = [1, 2].map((k) => sample.filter((c) => c.key_id === k).slice(0, 200));
    expect(byKey.map((l) => l.length > 0)).toEqual([true, true]);
    const codes = byKey.flat().map((c) => ({ ...c, code: cardCodeOf(db, secrets, c.id) }));
    for (const { code } of codes) {
      const s = decodeCardCode(code)!;
      expect(verifySignature(tillKeys.find((k) => k.key_id === s.payload.keyId)!.public_key, s.signed, s.signature)).toBe(true);
    }
    const today = shanghaiDate(now);
    const active = codes.find((c) => c.status === 'active' && c.valid_to >= today)!;
    const old = codes.find((c) => c.key_id === 1)!;
    // Through the real dispatcher, as the bench does it: the bench's till account.
    closeDatabase(db);
    const backend = createBackend({ dataDir: dir, clock: { now: () => now } });
    try {
      const slot = { sessionId: null };
      expect((await backend.dispatch(slot, 'session.login', BENCH_VERIFIER)).ok).toBe(true);
      expect(await backend.dispatch(slot, 'till.verify', { code: active.code })).toMatchObject({ ok: true, value: { ok: true } });
      // Signed by the first key: the signature holds, the card is refused for its state.
      const verdict = await backend.dispatch(slot, 'till.verify', { code: old.code });
      expect(verdict).toMatchObject({ ok: true, value: { ok: false } });
      expect(['expired', 'revoked', 'replaced']).toContain(verdict.ok && (verdict.value as { reason: string }).reason);
    } finally {
      backend.close();
      db = openDatabase(dir);
    }
  });
});
