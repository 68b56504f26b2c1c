import { expect, type Locator, type Page } from '@playwright/test';
import { fieldError, openOption } from './forms';

/** 诉求办理 and 我的待办: lists of requests, the 登记诉求 form and the detail drawer. */
export class RequestsScreen {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.locator('.ant-table-row');
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }

  async openNew() {
    await this.page.getByRole('button', { name: '新建诉求' }).click();
    const form = new RequestForm(this.page);
    await expect(form.dialog).toBeVisible();
    return form;
  }

  async open(number: string) {
    await this.row(number).first().click();
    const drawer = new RequestDrawer(this.page);
    await expect(drawer.drawer).toContainText(number);
    return drawer;
  }

  async filterStatus(label: string) {
    await this.page.getByRole('combobox', { name: '按状态' }).click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  todoTab(key: 'mine' | 'counter' | 'overdue' | 'dueToday') {
    return this.page.getByTestId(`todo-tab-${key}`);
  }
}

export class RequestForm {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ hasText: '登记诉求' });
  }

  field(label: string) {
    return this.dialog.getByLabel(label, { exact: true });
  }

  error(label: string) {
    return fieldError(this.dialog, label);
  }

  /** Types into the resident search and takes the first match with Enter. */
  async findResident(q: string, name: string) {
    const box = this.dialog.getByRole('combobox', { name: '查找居民' });
    await box.fill(q);
    await expect(this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(name);
    await box.press('Enter');
    await expect(this.dialog.getByTestId('resident-chosen')).toContainText(name);
  }

  async newResident() {
    // a slow press, as a person makes: the search list closes between mouse-down and mouse-up
    await this.dialog.getByRole('button', { name: '新居民' }).click({ delay: 250 });
    await expect(this.dialog.getByTestId('quick-resident')).toBeVisible();
  }

  async chooseService(name: string) {
    await this.field('服务事项').click();
    await openOption(this.page, name).click();
  }

  async channel(label: string) {
    await this.dialog.locator('.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  modeCard(key: 'immediate' | 'onsite' | 'homevisit' | 'assigned' | 'escalated') {
    return this.dialog.locator('.mode-card').filter({ has: this.page.getByTestId(`mode-${key}`) });
  }

  async mode(key: 'immediate' | 'onsite' | 'homevisit' | 'assigned' | 'escalated') {
    await this.modeCard(key).click();
  }

  async chooseStaff(name: string) {
    await this.field('承办人').click();
    await openOption(this.page, name).click();
  }

  async setDueDate(isoDate: string) {
    const input = this.field('办结期限');
    await input.click();
    await input.fill(isoDate);
    await input.press('Enter');
  }

  async save() {
    // After a refused save antd may leave its faded-out spinner (aria-label "loading") in the button's name.
    await this.dialog.getByRole('button', { name: /^(loading\s+)?登记$/ }).click();
  }
}

export class RequestDrawer {
  readonly drawer: Locator;
  constructor(readonly page: Page) {
    this.drawer = page.locator('.ant-drawer').filter({ hasText: '诉求详情' });
  }

  async number(): Promise<string> {
    const title = await this.drawer.locator('.ant-drawer-title').textContent();
    return title!.replace(/^.*·\s*/, '').trim();
  }

  status() {
    return this.drawer.getByTestId('request-status').first();
  }

  action(name: string) {
    // the icon's name comes first in the button's accessible name (play-circle 开始办理)
    return this.drawer.getByTestId('request-actions').getByRole('button', { name: new RegExp(`(^|\\s)${name}$`) });
  }

  actionDialog(title: string) {
    return this.page.getByRole('dialog').filter({ hasText: title }).last();
  }

  async start() {
    await this.action('开始办理').click();
    await expect(this.status()).toHaveText('办理中');
  }

  async resolve(result: string) {
    await this.action('办结').click();
    const d = this.actionDialog('办结 ·');
    await d.getByLabel('办理结果').fill(result);
    await d.getByRole('button', { name: '确认办结' }).click();
    await expect(this.status()).toHaveText('已办结·待回访');
  }

  async feedback(satisfaction: '满意' | '基本满意' | '不满意', note: string) {
    await this.action('回访').click();
    const d = this.actionDialog('回访 ·');
    await d.locator('.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${satisfaction}$`) }).click();
    await d.getByLabel('回访记录').fill(note);
    return d;
  }

  async close() {
    await this.drawer.getByRole('button', { name: '关闭' }).first().click();
    await expect(this.drawer).toBeHidden();
  }
}
