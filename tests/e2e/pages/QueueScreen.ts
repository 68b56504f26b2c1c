import type { Locator, Page } from '@playwright/test';
import { openOption } from './forms';

/** The counter page (叫号): one method or locator per thing the front desk does there. */
export class QueueScreen {
  constructor(readonly page: Page) {}

  async chooseCounter(n: number) {
    await this.page.getByRole('combobox', { name: '我的窗口' }).click();
    await openOption(this.page, `${n} 号窗口`).click();
  }

  counterStatus(): Locator {
    return this.page.locator('.counter-status');
  }

  async openCounter() {
    await this.page.getByRole('button', { name: /^开窗$|^继续叫号$/ }).click();
  }

  /**
   * One of the big buttons (下一位 F1, 重呼 F2, …), found by its word: by text, not by accessible
   * name, which carries a "loading" prefix for as long as antd's spinner takes to fade out.
   */
  action(name: '下一位' | '重呼' | '过号' | '办完' | '转窗' | '登记诉求'): Locator {
    return this.page.locator('.queue-actions button').filter({ hasText: name });
  }

  current(): Locator {
    return this.page.getByTestId('current-ticket');
  }

  currentNumber(): Locator {
    return this.page.locator('.current-number');
  }

  waitingList(): Locator {
    return this.page.locator('.waiting-list');
  }

  waitingRows(): Locator {
    return this.waitingList().locator('.ant-table-tbody tr.ant-table-row');
  }

  noShowList(): Locator {
    return this.page.locator('.noshow-list');
  }

  today(): Locator {
    return this.page.getByTestId('queue-today');
  }

  issuePanel(): Locator {
    return this.page.locator('.issue-panel');
  }

  /** 取号 at the desk: a service, a priority reason, optionally a resident found by what is typed. */
  async issueAtDesk(service: string, opts: { reason?: string; residentSearch?: string; residentName?: string } = {}) {
    const panel = this.issuePanel();
    await panel.getByRole('combobox', { name: '服务事项' }).click();
    await openOption(this.page, service).click();
    if (opts.reason) await panel.getByText(opts.reason, { exact: true }).click();
    if (opts.residentSearch) {
      await panel.getByRole('combobox', { name: '居民（可不填）' }).fill(opts.residentSearch);
      await openOption(this.page, opts.residentName ?? opts.residentSearch).click();
    }
    await panel.getByRole('button', { name: '取号' }).click();
  }

  message(text: string | RegExp): Locator {
    return this.page.locator('.ant-message-notice').filter({ hasText: text });
  }
}
