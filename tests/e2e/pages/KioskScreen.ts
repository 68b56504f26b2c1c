import type { Locator, Page } from '@playwright/test';

/** The kiosk (/kiosk): big service buttons, the priority question, the number. */
export class KioskScreen {
  constructor(readonly page: Page) {}

  service(name: string): Locator {
    return this.page.locator('.kiosk-service').filter({ hasText: name });
  }

  /** Takes a number: the service, then a priority reason or 不需要; returns the number shown. */
  async take(service: string, priority = '不需要'): Promise<string> {
    await this.service(service).click();
    await this.page.getByRole('button', { name: priority, exact: true }).click();
    const number = this.page.locator('.kiosk-number');
    await number.waitFor();
    return (await number.textContent())!.trim();
  }

  result(): Locator {
    return this.page.getByTestId('kiosk-result');
  }

  async backToStart() {
    await this.page.getByRole('button', { name: /^完成/ }).click();
  }
}
