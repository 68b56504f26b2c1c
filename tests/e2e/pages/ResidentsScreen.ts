import type { Locator, Page } from '@playwright/test';
import { fieldError } from './forms';

export class ResidentsScreen {
  constructor(readonly page: Page) {}

  searchBox() {
    return this.page.getByRole('textbox', { name: '查找居民' });
  }

  async search(q: string) {
    await this.searchBox().fill(q);
  }

  table() {
    return this.page.locator('.ant-table');
  }

  row(name: string) {
    return this.page.locator('.ant-table-row').filter({ hasText: name });
  }

  rows() {
    return this.page.locator('.ant-table-row');
  }

  async openAdd() {
    await this.page.getByRole('button', { name: '新增居民' }).click();
    return new ResidentForm(this.page);
  }

  async open(name: string) {
    await this.row(name).first().click();
    return new ResidentDrawer(this.page);
  }
}

export class ResidentForm {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title') }).last();
  }

  field(label: string) {
    return this.dialog.getByLabel(label, { exact: true });
  }

  error(label: string) {
    return fieldError(this.dialog, label);
  }

  async chooseBuilding(path: string[]) {
    await this.field('住址（楼栋）').click();
    const leaf = path[path.length - 1]!;
    await this.field('住址（楼栋）').fill(leaf);
    await this.page.locator('.ant-select-tree-node-content-wrapper', { hasText: leaf }).first().click();
  }

  async addTag(tag: string) {
    await this.field('标签').click();
    await this.page.locator('.ant-select-item-option', { hasText: tag }).first().click();
    await this.field('标签').press('Escape');
  }

  async save() {
    await this.dialog.getByRole('button', { name: /保\s*存/ }).click();
  }
}

export class ResidentDrawer {
  readonly drawer: Locator;
  constructor(readonly page: Page) {
    this.drawer = page.locator('.ant-drawer').filter({ hasText: '居民详情' });
  }

  value(field: 'idNumber' | 'phone') {
    return this.drawer.getByTestId(`${field}-value`);
  }

  revealButton(field: 'idNumber' | 'phone') {
    return this.drawer.getByRole('button', { name: field === 'idNumber' ? '显示完整身份证号' : '显示完整电话' });
  }

  async close() {
    await this.page.keyboard.press('Escape');
  }
}
