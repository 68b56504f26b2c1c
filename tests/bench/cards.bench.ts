import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Input, Method, Output } from '../../shared/contract';
import { decodeCardCode } from '../../shared/rules/cardPayload';
import { priceOf } from '../../shared/rules/money';
import { shanghaiDate } from '../../shared/rules/time';
import { createBackend, type Backend, type SessionSlot } from '../../electron/backend/app';
import { Rng } from '../../electron/backend/cli/fictional/prng';
import { DB_FILE_NAME, type Db } from '../../electron/backend/db/open';
import { createSecretStore } from '../../electron/backend/secrets/secretStore';
import { cardCodeOf } from '../../electron/backend/services/cards/cardCode';
import { startWebHost } from '../../electron/backend/web/server';
import { LoginScreen } from '../e2e/pages/LoginScreen';
import { TillScreen } from '../e2e/pages/TillScreen';
import { BENCH_VERIFIER } from './generators/cards';
import { summarise, timeEach, type Bench, type BenchContext, type BenchResult } from './harness';

/** Budgets from issue 4: verification p95 < 5 ms, a month's report over all partners < 300 ms, scan to verdict on screen median < 100 ms. */
const VERIFY_BUDGET = 5;
const REPORT_BUDGET = 300;
const SCREEN_BUDGET = 100;
/** The lists a desk pages through, as the request lists in issue 3. */
const LIST_BUDGET = 50;

const VERIFIES = 500;
const PURCHASES = 300;
const READS = 50;
const SCANS = 50;
const SCAN_WARMUP = 5;

type Caller = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

function caller(backend: Backend, slot: SessionSlot): Caller {
  return async (method, input) => {
    const r = await backend.dispatch(slot, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.key}`);
    return r.value as Output<typeof method>;
  };
}

async function verifierOn(backend: Backend): Promise<Caller> {
  const slot: SessionSlot = { sessionId: null };
  const r = await backend.dispatch(slot, 'session.login', BENCH_VERIFIER);
  if (!r.ok) throw new Error(`the bench till account cannot log in (${r.error.key}); regenerate with tsx tests/bench/generate.ts --force`);
  return caller(backend, slot);
}

/**
 * The signed codes of `n` random cards, as their printed QR codes carry them: nine in ten in use
 * today, the rest any card of the ten years (expired, revoked, replaced: refused after the signature).
 */
function sampleCodes(db: Db, dataDir: string, n: number, seed: number): string[] {
  const rng = new Rng(seed);
  const today = shanghaiDate(Date.now());
  const inUse = db.prepare(`SELECT id FROM cards WHERE status = 'active' AND valid_from <= ? AND valid_to >= ?`).all(today, today) as { id: string }[];
  const any = db.prepare('SELECT id FROM cards').all() as { id: string }[];
  if (!inUse.length) throw new Error('the bench dataset has no card in use today');
  const secrets = createSecretStore(dataDir);
  return Array.from({ length: n }, () => cardCodeOf(db, secrets, rng.pick(rng.chance(0.9) ? inUse : any).id));
}

/** Verification through the real dispatcher as a partner's till, and the desk's card lists and report. */
async function readBenches(ctx: BenchContext): Promise<BenchResult[]> {
  const { backend } = await ctx.backend();
  const till = await verifierOn(backend);
  const codes = sampleCodes(backend.db, ctx.dataDir, VERIFIES, 4001);
  const results = [summarise('cards.till.verify (QR)', await timeEach(codes, (code) => till('till.verify', { code }), 20), VERIFY_BUDGET)];
  // The same cards with their numbers typed in (a QR the scanner cannot read).
  const numbers = codes.map((c) => decodeCardCode(c)!.payload.cardNo);
  results.push(summarise('cards.till.verify (typed number)', await timeEach(numbers, (code) => till('till.verify', { code }), 20), VERIFY_BUDGET));

  const today = shanghaiDate(Date.now());
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
  results.push(summarise('cards.cardReports.month (all partners)', await timeEach(months, (month) => ctx.call('cardReports.month', { month }), 2), REPORT_BUDGET));
  results.push(
    summarise('cards.cardReports.purchases (first page)', await timeEach(months, (month) => ctx.call('cardReports.purchases', { month, limit: 50, offset: 0 }), 2), LIST_BUDGET),
  );

  const rng = new Rng(4002);
  const holders = backend.db.prepare(`SELECT r.name FROM cards c JOIN residents r ON r.id = c.holder_resident_id ORDER BY c.rowid DESC LIMIT 2000`).all() as { name: string }[];
  const page = { limit: 50, offset: 0 };
  const cardLists: Record<string, () => Input<'cards.list'>> = {
    all: () => ({ list: 'all', ...page }),
    active: () => ({ list: 'active', ...page }),
    reviewDue: () => ({ list: 'reviewDue', ...page }),
    expired: () => ({ list: 'expired', ...page }),
    holderName: () => ({ list: 'all', q: rng.pick(holders).name, ...page }),
    cardNumber: () => ({ list: 'all', q: rng.pick(numbers).slice(2, 8), ...page }),
  };
  for (const [name, input] of Object.entries(cardLists)) {
    results.push(summarise(`cards.cards.list.${name}`, await timeEach(Array.from({ length: READS }, input), (i) => ctx.call('cards.list', i)), LIST_BUDGET));
  }
  const householdLists: Record<string, () => Input<'households.list'>> = {
    all: () => page,
    headName: () => ({ q: rng.pick(holders).name, ...page }),
    hardship: () => ({ hardship: rng.pick(['低保', '特困', '低收入', '残疾', '孤寡'] as const), ...page }),
  };
  for (const [name, input] of Object.entries(householdLists)) {
    results.push(summarise(`cards.households.list.${name}`, await timeEach(Array.from({ length: READS }, input), (i) => ctx.call('households.list', i)), LIST_BUDGET));
  }
  return results;
}

/**
 * till.purchase on a copy of the dataset (so the dataset stays as generated): verify, price with the
 * cap left as the screen does, log the purchase. Only the purchase call is timed.
 */
async function purchaseBench(ctx: BenchContext): Promise<BenchResult[]> {
  const { backend: shared } = await ctx.backend();
  shared.db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-cards-'));
  let b: Backend | null = null;
  try {
    const t = Date.now();
    fs.copyFileSync(path.join(ctx.dataDir, DB_FILE_NAME), path.join(dir, DB_FILE_NAME));
    fs.cpSync(path.join(ctx.dataDir, 'secrets'), path.join(dir, 'secrets'), { recursive: true });
    console.error(`  cards: dataset copied for the purchase benchmark in ${Date.now() - t} ms`);
    b = createBackend({ dataDir: dir });
    const till = await verifierOn(b);
    const rng = new Rng(4003);
    const codes = sampleCodes(b.db, dir, PURCHASES * 2, 4004);
    const samples: number[] = [];
    for (const code of codes) {
      if (samples.length >= PURCHASES) break;
      const v = await till('till.verify', { code });
      if (!v.ok || !v.benefit || !v.purchaseId) continue;
      const amountFen = rng.int(500, 8_000);
      const costFen = v.benefit.kind === 'cost' ? Math.round(amountFen * 0.8) : null;
      const price = priceOf({ benefit: v.benefit, amountFen, costFen, capLeftFen: v.capLeftFen });
      const t0 = performance.now();
      await till('till.purchase', { purchaseId: v.purchaseId, code, amountFen, costFen, expectedDiscountFen: price.discountFen, delivery: null });
      samples.push(performance.now() - t0);
    }
    // The first few warm the statements and the page cache of the fresh copy.
    return [summarise('cards.till.purchase', samples.slice(10), null)];
  } finally {
    b?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Scan to verdict on screen (budget: median < 100 ms): the real web host on the dataset, the till page
 * in Chromium logged in as a partner's cashier, codes typed as a USB scanner types them; the page
 * marks the Enter and measures to the verdict's paint (lianxin:scan-to-verdict), read here.
 */
async function screenBench(ctx: BenchContext): Promise<BenchResult[]> {
  const staticRoot = path.join(ctx.repoRoot, 'out', 'renderer');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(path.join(staticRoot, 'index.html'))) {
    console.error('cards.scanToVerdict: skipped, out/renderer not built (npm run build)');
    return [];
  }
  if (!fs.existsSync(executablePath)) {
    console.error(`cards.scanToVerdict: skipped, no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
    return [];
  }
  const { backend } = await ctx.backend();
  const codes = sampleCodes(backend.db, ctx.dataDir, SCANS + SCAN_WARMUP, 4005);
  const host = await startWebHost({ backend, staticRoot, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await new LoginScreen(page).login(BENCH_VERIFIER.username, BENCH_VERIFIER.password);
    const till = new TillScreen(page);
    await till.codeInput().waitFor();
    for (let i = 0; i < codes.length; i++) {
      await till.scan(codes[i]!);
      await page.waitForFunction((n) => performance.getEntriesByName('lianxin:scan-to-verdict', 'measure').length >= n, i + 1, { timeout: 10_000 });
    }
    const measured = await till.measuredScans();
    return [summarise('cards.scanToVerdict (browser)', measured.slice(SCAN_WARMUP), SCREEN_BUDGET)];
  } finally {
    await browser.close();
    await host.close();
  }
}

export const cardsBench: Bench = {
  name: 'cards',
  async run(ctx) {
    return [...(await readBenches(ctx)), ...(await screenBench(ctx)), ...(await purchaseBench(ctx))];
  },
};
