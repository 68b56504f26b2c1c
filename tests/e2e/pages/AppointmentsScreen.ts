import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './forms';

/** 驿站预约: booking, the station's day and week, the call list. One method per thing the desk does. */
export class AppointmentsScreen {
  constructor(readonly page: Page) {}

  async view(name: '预约登记' | '日视图' | '周视图' | '电话提醒') {
    await this.page.locator('.appt-views').getByText(name, { exact: true }).click();
  }

  booking(): Locator {
    return this.page.locator('.appt-book');
  }

  async chooseService(name: string) {
    await this.booking().locator('#appt-services').getByText(name, { exact: true }).click();
  }

  async chooseStation(name: string) {
    await this.booking().locator('#appt-stations').getByText(name, { exact: true }).click();
  }

  /** A day of the calendar by its date (YYYY-MM-DD). */
  day(iso: string): Locator {
    return this.page.locator(`.appt-calendar [data-day="${iso}"]`);
  }

  async chooseDay(iso: string) {
    await this.day(iso).click();
  }

  slots(): Locator {
    return this.page.locator('.appt-slots .appt-slot');
  }

  slot(hhmm: string): Locator {
    return this.page.locator(`.appt-slots .appt-slot[data-start="${hhmm}"]`);
  }

  /**
   * A free slot some way ahead (the 4th free one, or the last when fewer are left), so that it has
   * not started by the time the test looks at it again; returns its time.
   */
  async chooseFreeSlotAhead(): Promise<string> {
    const all = this.page.locator('.appt-slots .appt-slot:not([disabled])');
    await expect(all.first()).toBeVisible();
    const count = await all.count();
    const free = all.nth(Math.min(3, count - 1));
    const start = (await free.getAttribute('data-start'))!;
    await free.click();
    return start;
  }

  /** Types into the resident search and takes the first match with Enter. */
  async findResident(q: string, name: string) {
    const box = this.booking().getByRole('combobox', { name: '查找居民' });
    await box.fill(q);
    await expect(this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(name);
    await box.press('Enter');
    await expect(this.booking().getByTestId('resident-chosen')).toContainText(name);
  }

  residentBookings(): Locator {
    return this.booking().getByTestId('appt-resident-bookings');
  }

  confirmButton(): Locator {
    return this.booking().getByRole('button', { name: '确认预约' });
  }

  doneDialog(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: '预约成功' });
  }

  slipPreview(): Locator {
    return this.doneDialog().locator('.appt-slip');
  }

  /** Day view: a booking by its number. */
  bookingCard(number: string): Locator {
    return this.page.locator(`[data-testid="appt-booking"][data-number="${number}"]`);
  }

  async act(number: string, action: '签到' | '完成' | '未到' | '取消' | '改约') {
    await this.bookingCard(number).getByRole('button', { name: action }).click();
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog').filter({ hasText: title });
  }

  /** Picks an option of the select labelled `label` and waits until the select shows it (see pickOption). */
  async pick(scope: Page | Locator, label: string, option: string) {
    // a required field's name starts with its * mark
    const name = new RegExp(`^(\\* )?${label}$`);
    const box = scope.getByRole('combobox', { name });
    const select = scope.locator('.ant-select').filter({ has: this.page.getByRole('combobox', { name }) });
    await pickOption(this.page, select, option, box);
  }

  message(text: string | RegExp): Locator {
    return this.page.locator('.ant-message-notice').filter({ hasText: text });
  }

  capacityUse(): Locator {
    return this.page.getByTestId('appt-use');
  }

  weekTable(): Locator {
    return this.page.locator('.appt-week');
  }

  callRows(): Locator {
    return this.page.locator('.appt-calls .ant-table-row');
  }
}
