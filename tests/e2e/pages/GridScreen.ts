import type { Page } from '@playwright/test';

export class GridScreen {
  constructor(readonly page: Page) {}

  node(name: string) {
    return this.page.locator('.grid-tree .ant-tree-node-content-wrapper').filter({ hasText: name });
  }

  panel() {
    return this.page.getByTestId('grid-node-panel');
  }

  private async nameDialog(name: string) {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(name);
    await dialog.getByRole('textbox').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
  }

  async addArea(name: string) {
    await this.page.getByRole('button', { name: '新增片区' }).click();
    await this.nameDialog(name);
  }

  async addChild(parent: string, kind: '网格' | '楼栋', name: string) {
    await this.node(parent).first().click();
    await this.panel().getByRole('button', { name: `新增${kind}` }).click();
    await this.nameDialog(name);
  }
}
