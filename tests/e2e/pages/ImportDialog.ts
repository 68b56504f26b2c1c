import type { Page } from '@playwright/test';
import { pickOption } from './forms';

export class ImportDialog {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByRole('dialog').filter({ hasText: '从 Excel 导入居民' });
  }

  async open() {
    await this.page.getByRole('button', { name: '导入 Excel' }).click();
  }

  async chooseFile(path: string) {
    await this.dialog().locator('input[type=file]').setInputFiles(path);
  }

  counts() {
    return this.dialog().getByTestId('import-counts');
  }

  countOf(title: string) {
    return this.counts().locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');
  }

  async toggleMapping() {
    await this.dialog().getByText(/^列对应/).click();
  }

  async mapField(field: string, option: string) {
    await pickOption(this.page, this.dialog().getByTestId(`mapping-${field}`), option);
  }

  rowErrors() {
    return this.dialog().getByTestId('import-row-error');
  }

  async commit() {
    await this.dialog().getByRole('button', { name: /确认导入/ }).click();
  }

  result() {
    return this.dialog().getByTestId('import-result');
  }

  async finish() {
    await this.dialog().getByRole('button', { name: '完成' }).click();
  }
}
