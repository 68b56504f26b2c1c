import type { Page } from '@playwright/test';

export class SetupScreen {
  constructor(readonly page: Page) {}

  async fill(v: { centreName: string; username: string; displayName: string; password: string; confirm?: string }) {
    await this.page.getByLabel('中心名称').fill(v.centreName);
    await this.page.getByLabel('管理员用户名').fill(v.username);
    await this.page.getByLabel('姓名').fill(v.displayName);
    await this.page.getByLabel('密码', { exact: true }).fill(v.password);
    await this.page.getByLabel('再次输入密码').fill(v.confirm ?? v.password);
  }

  async submit() {
    await this.page.getByRole('button', { name: '完成设置并登录' }).click();
  }
}
