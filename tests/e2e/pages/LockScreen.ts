import type { Page } from '@playwright/test';
import { fieldError } from './forms';

export class LockScreen {
  constructor(readonly page: Page) {}

  overlay() {
    return this.page.getByRole('dialog', { name: '屏幕已锁定' });
  }

  async unlock(password: string) {
    await this.overlay().getByLabel('密码').fill(password);
    await this.overlay().getByRole('button', { name: '解锁' }).click();
  }

  passwordError() {
    return fieldError(this.overlay(), '密码');
  }
}
