import type { Page } from '@playwright/test';

/** 统计报表: the period picker, the KPI cards, the charts and the tables. */
export class FiguresScreen {
  constructor(readonly page: Page) {}

  async period(label: '今天' | '本周' | '本月' | '上月' | '今年' | '自选日期') {
    await this.page.locator('.ant-segmented-item').filter({ hasText: label }).click();
  }

  kpi(key: string) {
    return this.page.getByTestId(`kpi-${key}`).locator('.kpi-value');
  }

  chart(key: 'trend' | 'service' | 'channel' | 'mode' | 'grid' | 'staff') {
    return this.page.getByTestId(`chart-${key}`);
  }

  async tab(label: string) {
    await this.page.getByRole('tab', { name: label }).click();
  }

  table(dimension: string) {
    return this.page.getByTestId(`table-${dimension}`);
  }
}
