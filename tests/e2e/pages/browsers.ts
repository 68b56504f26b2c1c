import type { Browser, Page } from '@playwright/test';

/** The hall's 1080p TV, for the display and the kiosk. */
export const HALL = { width: 1920, height: 1080 };

/**
 * A fresh tab in its own browser context (its own session, so none leaks from one screen to
 * another), with printing recorded instead of opening a dialog: each slip's text in `__slips`, the
 * last slip's HTML in `__slipHtml`.
 */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __slips: string[]; __slipHtml: string };
    w.__slips = [];
    window.print = () => {
      const slip = document.getElementById('lianxin-slip');
      w.__slips.push(slip?.innerText ?? '');
      w.__slipHtml = slip?.outerHTML ?? '';
    };
  });
  return page;
}

/** The text of every slip printed in this tab so far. */
export const slips = (page: Page) => page.evaluate(() => (window as unknown as { __slips: string[] }).__slips);
