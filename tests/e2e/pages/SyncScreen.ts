import { expect, type Page } from '@playwright/test';

/** 设置 → 县级平台同步, the header badge and the /sync page. */
export class SyncScreen {
  constructor(readonly page: Page) {}

  settings() {
    return this.page.getByTestId('sync-settings');
  }

  async openSettings() {
    // Right after login the menu may still shift (badges load): click until the settings page is open.
    await expect(async () => {
      await this.page.locator('.side-menu').getByRole('menuitem', { name: '系统设置' }).click();
      await expect(this.page).toHaveURL(/\/settings/, { timeout: 2_000 });
    }).toPass();
    await this.page.getByRole('tab', { name: '县级平台同步' }).click();
    await expect(this.settings()).toBeVisible();
  }

  async fill(v: { endpoint: string; centreCode: string; credential: string }) {
    const s = this.settings();
    await s.getByLabel('县级平台地址').fill(v.endpoint);
    await s.getByLabel('中心编码').fill(v.centreCode);
    await s.getByLabel('凭据').fill(v.credential);
  }

  async testConnection() {
    await this.page.getByTestId('sync-test').click();
    return this.page.getByTestId('sync-test-result');
  }

  badge() {
    return this.page.getByTestId('sync-badge');
  }

  /** Hovers the badge and returns its tooltip (last success, what waits, the last problem). */
  async badgeTip() {
    await this.badge().hover();
    const tip = this.page.getByTestId('sync-badge-tip');
    await expect(tip).toBeVisible();
    return tip;
  }
}
