import type { Page } from '@playwright/test';
import { openOption } from './forms';

/** 签到签退: the station's machine. */
export class CheckinScreen {
  constructor(readonly page: Page) {}

  async chooseStation(name: string) {
    await this.page.getByTestId('checkin-station').click();
    await openOption(this.page, name).click();
  }

  tile(name: string) {
    return this.page.getByTestId(`checkin-person-${name}`);
  }

  pad() {
    return this.page.getByTestId('pin-pad');
  }

  /** Taps the name, the PIN's digits on the pad, then 签到 or 签退. */
  async punch(name: string, pin: string, action: '签到' | '签退') {
    await this.tile(name).click();
    const pad = this.pad();
    for (const d of pin) await pad.getByRole('button', { name: d, exact: true }).click();
    await pad.getByRole('button', { name: new RegExp(`^${action[0]}\\s?${action[1]}$`) }).click();
  }

  done() {
    return this.page.getByTestId('punch-done');
  }
}
