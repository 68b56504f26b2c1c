import { expect, type Locator, type Page } from '@playwright/test';
import { formItem, openOption } from './forms';

/** 值班表 at /rota: the week grid, its dialogs, the 换班 tab. */
export class RotaScreen {
  constructor(readonly page: Page) {}

  /** Keeps what each wall-sheet print would have printed (window.print does nothing in a test browser). */
  static async recordPrints(page: Page) {
    await page.addInitScript(() => {
      const w = window as unknown as { __printed: string[] };
      w.__printed = [];
      window.print = () => void w.__printed.push(document.getElementById('lianxin-wall-sheet')?.innerText ?? '');
    });
  }

  printed(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __printed: string[] }).__printed);
  }

  tab(name: '值班表' | '换班' | '班次与模板') {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async chooseStation(name: string) {
    await this.page.getByTestId('rota-station').click();
    await openOption(this.page, name).click();
    await expect(this.station(name)).toBeVisible();
  }

  station(name: string): Locator {
    return this.page.locator(`section.rota-station[data-station="${name}"]`);
  }

  cell(station: string, day: string, shift: string): Locator {
    return this.station(station).locator(`td[data-day="${day}"][data-shift="${shift}"]`);
  }

  summary() {
    return this.page.getByTestId('rota-summary');
  }

  async fillFromTemplate() {
    await this.page.getByTestId('rota-fill').click();
    const dialog = this.page.getByRole('dialog', { name: '按模板排这一周的班' });
    await dialog.getByRole('button', { name: '排 班' }).or(dialog.getByRole('button', { name: '排班' })).click();
    const result = dialog.getByTestId('rota-fill-result');
    await expect(result).toBeVisible();
    return { dialog, result };
  }

  async addPerson(name: string) {
    const dialog = this.page.getByTestId('rota-assign-dialog');
    await dialog.getByTestId('rota-assign-pick').click();
    // the list is long (and virtual): search for the name
    await this.page.keyboard.type(name);
    await openOption(this.page, name).first().click();
    await dialog.getByRole('button', { name: /加\s?入/ }).click();
    await expect(dialog.locator('.rota-assign-row', { hasText: name })).toBeVisible();
  }

  async publish() {
    await this.page.getByTestId('rota-publish').click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: /发\s?布/ }).click();
    await expect(this.summary()).toContainText('已发布');
  }

  /** Picks in an antd select of the ask form by its label. */
  async askSelect(label: string, option: string | RegExp) {
    await formItem(this.page, label).locator('.ant-select').click();
    if (typeof option === 'string') await this.page.keyboard.type(option);
    await openOption(this.page, option).first().click();
  }
}
