import { expect, type Locator, type Page } from '@playwright/test';
import { fieldError, openOption } from './forms';

/** 上门服务: the day plan with its day and staff pickers, the visit dialogs, and the printed sheet. */
export class HomeVisitsScreen {
  constructor(readonly page: Page) {}

  /** Printing is recorded instead of opening a dialog: the sheet's HTML in `__visitSheet`. Call before the first page load. */
  static async recordPrints(page: Page): Promise<void> {
    await page.addInitScript(() => {
      window.print = () => {
        const sheet = document.getElementById('lianxin-home-visit-sheet');
        (window as unknown as { __visitSheet: string }).__visitSheet = sheet?.innerHTML ?? '';
      };
    });
  }

  plan() {
    return this.page.getByTestId('visit-day-plan');
  }

  card(text: string) {
    return this.plan().getByTestId('visit-card').filter({ hasText: text });
  }

  async chooseStaff(name: string) {
    await this.page.getByTestId('visit-plan-staff').click();
    await openOption(this.page, new RegExp(`^${name}$`)).click();
  }

  async complete(cardText: string, outcome: string) {
    await this.card(cardText).getByRole('button', { name: /完成$/ }).click();
    const d = this.page.getByRole('dialog').filter({ hasText: '上门完成' });
    await d.getByRole('textbox').fill(outcome);
    return d;
  }

  /** The printed sheet, put on the screen at A4 width for a picture of the paper. */
  async sheetPreview(): Promise<Locator> {
    await this.page.evaluate(() => {
      const html = (window as unknown as { __visitSheet: string }).__visitSheet;
      document.body.insertAdjacentHTML(
        'beforeend',
        `<div id="sheet-preview" style="background:#fff;width:190mm;padding:12mm 10mm;position:absolute;left:0;top:0;z-index:9999">${html}</div>`,
      );
    });
    return this.page.locator('#sheet-preview');
  }
}

/** 安排上门 / 新建上门 / 改期. */
export class VisitForm {
  readonly dialog: Locator;
  constructor(readonly page: Page, title: string | RegExp) {
    this.dialog = page.getByRole('dialog').filter({ hasText: title });
  }

  field(label: string) {
    return this.dialog.getByLabel(label, { exact: true });
  }

  error(label: string) {
    return fieldError(this.dialog, label);
  }

  async staff(name: string) {
    await this.field('上门人员').click();
    await openOption(this.page, new RegExp(`^${name}$`)).click();
  }

  async day(isoDate: string) {
    const input = this.field('日期');
    await input.click();
    await input.fill(isoDate);
    // Enter would also submit the form: Tab takes the typed day and moves on.
    await input.press('Tab');
    await expect(input).toHaveValue(isoDate);
  }

  async time(hhmm: string) {
    // The list is virtual (only the options near the chosen time exist): type the time to find it.
    const box = this.field('开始时间');
    await box.click();
    await box.fill(hhmm);
    await openOption(this.page, new RegExp(`^${hhmm}$`)).click();
  }

  async save(name: RegExp = /^(loading\s+)?安排$/) {
    await this.dialog.getByRole('button', { name }).click();
  }
}
