import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { HTTP_SESSION_HEADER } from '../../shared/contract/transport';
import { startWebHost } from '../../electron/backend/web/server';
import { BENCH_ADMIN } from './generators/accounts';
import { summarise, type Bench } from './harness';

/** Calls measured (after a few unmeasured ones that warm the page and the stream). */
const CALLS = 20;
const WARMUP = 3;
const BUDGET_MS = 300;

/**
 * Display update (SPEC §3.3, budget: median < 300 ms): the real web host on the bench dataset, the
 * hall display open in Chromium, and "call next" made from a second page in the same browser. Both
 * times are read in the browser: Date.now() just before the call leaves the counter's page, and
 * Date.now() when a MutationObserver on the display sees the number at that counter.
 */
export const displayBench: Bench = {
  name: 'display',
  async run(ctx) {
    const staticRoot = path.join(ctx.repoRoot, 'out', 'renderer');
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!fs.existsSync(path.join(staticRoot, 'index.html'))) {
      console.error('display.callToScreen: skipped, out/renderer not built (npm run build)');
      return [];
    }
    if (!fs.existsSync(executablePath)) {
      console.error(`display.callToScreen: skipped, no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
      return [];
    }
    const { backend } = await ctx.backend();
    const host = await startWebHost({ backend, staticRoot, host: '127.0.0.1', port: 0 });
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const hall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const desk = await browser.newPage();
      await desk.goto(`${host.url}/kiosk`);

      // The counter's page: a session of its own, then the calls it makes, timed where they leave.
      const api = (method: string, input: unknown) =>
        desk.evaluate(
          async ({ method, input, header }) => {
            const w = window as unknown as { __token?: string };
            const sentAt = Date.now();
            const res = await fetch(`/api/${method}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', ...(w.__token ? { [header]: w.__token } : {}) },
              body: JSON.stringify(input),
            });
            const token = res.headers.get(header);
            if (token) w.__token = token;
            return { sentAt, body: (await res.json()) as { ok: boolean; value?: unknown; error?: unknown } };
          },
          { method, input, header: HTTP_SESSION_HEADER },
        );
      const ok = async <T>(method: string, input: unknown): Promise<{ sentAt: number; value: T }> => {
        const r = await api(method, input);
        if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`);
        return { sentAt: r.sentAt, value: r.body.value as T };
      };

      await ok('session.login', BENCH_ADMIN);
      const rules = await ok<{ counterCount: number }>('queue.rules', {});
      const services = await ok<{ id: string; active: boolean; needsAppointment: boolean; counters: number[] }[]>('services.list', {});
      const service = services.value.find((s) => s.active && !s.needsAppointment);
      if (!service) throw new Error('the bench dataset has no service to take a number for');
      // a counter that serves it (a service with no counters listed is served by all)
      const counter = service.counters.length ? Math.min(...service.counters) : rules.value.counterCount;
      for (let i = 0; i < CALLS + WARMUP; i++) await ok('queue.issue', { serviceId: service.id, priorityReason: null, residentId: null });
      const opened = await ok<{ current: { id: string } | null }>('queue.openCounter', { counter });

      await hall.goto(`${host.url}/display`);
      await hall.getByTestId(`display-counter-${counter}`).waitFor();
      // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
      await hall.evaluate(`(() => {
        window.__shown = {};
        new MutationObserver(() => {
          const el = document.querySelector('[data-testid="display-counter-${counter}"] [data-testid="display-number"]');
          const text = el && el.textContent ? el.textContent.trim() : '';
          if (text && !(text in window.__shown)) window.__shown[text] = Date.now();
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      })()`);

      const samples: number[] = [];
      let current: string | null = opened.value.current?.id ?? null;
      for (let i = 0; i < CALLS + WARMUP; i++) {
        const r = await ok<{ current: { id: string; number: string } | null }>('queue.callNext', { counter, after: current });
        if (!r.value.current) throw new Error('call next found nobody waiting');
        current = r.value.current.id;
        const number = r.value.current.number;
        const shownAt = await hall
          .waitForFunction((number) => (window as unknown as { __shown: Record<string, number> }).__shown[number], number, { timeout: 5_000 })
          .then((h) => h.jsonValue() as Promise<number>);
        if (i >= WARMUP) samples.push(shownAt - r.sentAt);
      }
      // Leave today as it was found: serve what this run put in the queue, then close the counter.
      for (let i = 0; i < 1000 && current; i++) {
        const r = await ok<{ current: { id: string } | null }>('queue.callNext', { counter, after: current });
        current = r.value.current?.id ?? null;
      }
      await ok('queue.closeCounter', { counter });
      return [summarise('display.callToScreen', samples, BUDGET_MS)];
    } finally {
      await browser.close();
      await host.close();
    }
  },
};
