import { expect, type Locator, type Page } from '@playwright/test';
import { settled } from './settle';

/** The frame around the staff screens: menu, who is signed in, lock and sign-out. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** A menu item by its name (the icon's name comes first: /\s爱心卡$/ is 爱心卡 alone, not 爱心卡报表). */
  menuItem(name: string | RegExp) {
    return this.page.locator('.side-menu').getByRole('menuitem', { name });
  }

  async goTo(name: '居民档案' | '网格管理' | '系统设置' | '审计日志') {
    await this.menuItem(name).click();
  }

  userMenu() {
    return this.page.getByTestId('user-menu');
  }

  /** Chooses an item of the user menu once its opening animation is over (a click on a moving menu is lost), until `opens` shows. */
  async chooseFromUserMenu(item: string, opens: Locator) {
    const entry = this.page.getByRole('menuitem', { name: item });
    await expect(async () => {
      if (await opens.isVisible()) return;
      if (!(await entry.isVisible())) await this.userMenu().click({ timeout: 5_000 });
      await settled(this.page);
      await entry.click({ timeout: 5_000 });
      await expect(opens).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  }

  async lock() {
    await this.page.getByRole('button', { name: '锁屏' }).click();
  }

  async logout() {
    await this.page.locator('.header-bar').getByRole('button', { name: '退出' }).click();
  }
}
