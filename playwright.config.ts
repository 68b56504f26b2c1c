import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real app: each test starts its own web host on a fresh data folder
 * (tests/e2e/fixtures.ts) and clicks through it in Chromium. Debian's Chromium is used where it is
 * installed (Playwright's own browser download is not reachable on these machines).
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // CI runs on a loaded two-core machine: a test that fails is run once more, and the list shows it as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
