import { expect, type Page } from '@playwright/test';

/** The partner's till: 核验收银 and the pages beside it. */
export class TillScreen {
  constructor(readonly page: Page) {}

  codeInput() {
    return this.page.getByTestId('till-code');
  }

  verdict() {
    return this.page.getByTestId('verdict');
  }

  amount() {
    return this.page.getByTestId('purchase-amount');
  }

  /** As a USB scanner in keyboard mode types: a burst of keys a few ms apart, then Enter, into whatever has the focus. */
  async scan(code: string) {
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  /** As a person types: slowly. */
  async typeSlowly(text: string) {
    await this.page.keyboard.type(text, { delay: 140 });
  }

  async expectVerdict(state: 'valid' | 'invalid', reason?: string) {
    await expect(this.verdict()).toHaveAttribute('data-state', state);
    await expect(this.verdict()).not.toHaveClass(/is-checking/);
    if (reason) await expect(this.verdict()).toHaveAttribute('data-reason', reason);
  }

  /** How many scans the page has measured from Enter to the painted verdict (the bench reads these). */
  measuredScans() {
    return this.page.evaluate(() => performance.getEntriesByName('lianxin:scan-to-verdict', 'measure').map((m) => m.duration));
  }

  menu(name: '核验收银' | '消费记录' | '送货上门' | '数据包') {
    return this.page.locator('.side-menu').getByRole('menuitem', { name });
  }
}
