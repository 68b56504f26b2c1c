import { expect, type Locator, type Page } from '@playwright/test';
import { openOption } from './forms';

/** 爱心卡: the four tabs, the household / application / card drawers and their dialogs. */
export class CardsScreen {
  constructor(readonly page: Page) {}

  async tab(name: '申请审批' | '困难家庭' | '持卡' | '年审到期') {
    await this.page.getByRole('tab', { name }).click();
  }

  rows() {
    return this.page.locator('.app-content .ant-table-row');
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }

  /** The topmost open dialog with this title. */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.locator('.ant-modal-title', { hasText: title }) }).last();
  }

  drawer(title: string | RegExp): Locator {
    return this.page.locator('.ant-drawer-section').filter({ has: this.page.locator('.ant-drawer-title', { hasText: title }) }).last();
  }

  /** Picks a resident in a person field: types, waits for the match, takes the first with Enter. */
  async pickPerson(scope: Locator, index: number, q: string, name: string) {
    const box = scope.getByRole('combobox', { name: '查找居民' }).nth(index);
    await box.fill(q);
    await expect(this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(name);
    await box.press('Enter');
    await expect(scope.getByTestId('person-chosen').filter({ hasText: name })).toBeVisible();
  }

  async choose(scope: Locator, label: string, option: string | RegExp) {
    await scope.getByLabel(label, { exact: true }).click();
    await openOption(this.page, option).click();
  }

  /**
   * The error under the form item labelled `label`, found by the label's text: a resident picker is
   * named by its own aria-label (查找居民), not by the form item's label.
   */
  error(scope: Locator, label: string) {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return scope
      .locator('.ant-form-item')
      .filter({ has: this.page.locator('.ant-form-item-label > label', { hasText: new RegExp(`^${escaped}$`) }) })
      .first()
      .locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)');
  }

  /** A button in a drawer's action row; the icon's name comes first in the accessible name. */
  action(drawer: Locator, testId: string, name: string) {
    return drawer.getByTestId(testId).getByRole('button', { name: new RegExp(`(^|\\s)${name}$`) });
  }

  /** Types a date into an antd date picker (it also takes 2026-11-22). */
  async setDate(scope: Locator, label: string, isoDate: string) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(isoDate);
    await input.press('Enter');
  }
}
