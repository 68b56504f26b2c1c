import type { Page } from '@playwright/test';
import { fieldError } from './forms';

export class LoginScreen {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: '登录' });
  }

  async login(username: string, password: string) {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByLabel('密码').press('Enter');
  }

  passwordError() {
    return fieldError(this.page, '密码');
  }
}
