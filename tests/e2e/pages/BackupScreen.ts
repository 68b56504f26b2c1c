import { expect, type Locator, type Page } from '@playwright/test';
import { fieldError } from './forms';

/** 设置 → 备份与恢复: the status, 立即备份 and 从备份恢复 cards. */
export class BackupScreen {
  constructor(readonly page: Page) {}

  async open() {
    // Right after login the menu may still shift (badges load): click until the settings page is open.
    await expect(async () => {
      await this.page.locator('.side-menu').getByRole('menuitem', { name: '系统设置' }).click();
      await expect(this.page).toHaveURL(/\/settings/, { timeout: 2_000 });
    }).toPass();
    await this.page.getByRole('tab', { name: '备份与恢复' }).click();
    await expect(this.status()).toBeVisible();
  }

  status() {
    return this.page.getByTestId('backup-status');
  }

  now() {
    return this.page.getByTestId('backup-now');
  }

  async backUp(folder: string, passphrase: string, repeat = passphrase) {
    const card = this.now();
    await card.getByLabel('备份到哪个文件夹').fill(folder);
    await card.getByLabel('备份密码', { exact: true }).fill(passphrase);
    await card.getByLabel('再次输入备份密码').fill(repeat);
    await this.page.getByTestId('backup-now-submit').click();
  }

  nowError(label: string) {
    return fieldError(this.now(), label);
  }

  restore() {
    return this.page.getByTestId('backup-restore');
  }
}

/** The file + passphrase form of a restore (in 设置 or on the first-run screen) and what it shows. */
export class RestoreForm {
  constructor(readonly scope: Locator) {}

  async inspect(file: string, passphrase: string) {
    await this.scope.getByLabel('备份文件').fill(file);
    await this.scope.getByLabel('备份密码').fill(passphrase);
    await this.scope.getByTestId('backup-inspect').click();
  }

  error(label: string) {
    return fieldError(this.scope, label);
  }

  summary() {
    return this.scope.getByTestId('backup-summary');
  }

  /** The summary row for 居民 / 诉求 / … : [item, in the backup, (now)]. */
  row(item: string) {
    return this.summary().locator('tr').filter({ has: this.scope.page().getByRole('cell', { name: item, exact: true }) });
  }

  restoreButton() {
    return this.scope.getByTestId('backup-restore-submit');
  }
}
