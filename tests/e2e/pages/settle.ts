import type { Page } from '@playwright/test';

const MOVING =
  '.ant-form-show-help-item-appear, .ant-form-show-help-item-leave, [class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]';

/** Waits (at most a few seconds) until antd's visible enter/leave animations are over, so a screenshot shows the settled screen. */
export async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      (selector) => [...document.querySelectorAll(selector)].every((el) => el.getClientRects().length === 0),
      MOVING,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}
