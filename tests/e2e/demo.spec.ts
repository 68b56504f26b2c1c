import { expect, shot, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { GridScreen } from './pages/GridScreen';
import { LoginScreen } from './pages/LoginScreen';
import { ResidentsScreen } from './pages/ResidentsScreen';
import { settled } from './pages/settle';

test('the demo centre: the login hint, a full resident list with filters, the grid with counts', async ({ page, demoApp }) => {
  await page.goto(demoApp.url);
  const login = new LoginScreen(page);
  await expect(page.getByText('演示账号：admin / demo1234')).toBeVisible();
  await shot(page, 'login-demo');
  await login.login('qiantai', 'demo1234');
  const shell = new AppShell(page);
  await expect(shell.userMenu()).toContainText('前台');
  await expect(shell.menuItem('系统设置')).toHaveCount(0);
  await expect(shell.menuItem('审计日志')).toHaveCount(0);
  await expect(page).toHaveURL(/\/queue$/);
  // The demo has overdue requests: the menu says so wherever the worker is.
  await expect(page.getByTestId('nav-overdue')).toHaveText(/^[1-9]\d*$/);

  await shell.goTo('居民档案');
  const residents = new ResidentsScreen(page);
  await expect(residents.rows()).toHaveCount(20);
  await expect(page.getByText(/^共 \d+ 人$/)).toBeVisible();
  await settled(page);
  await shot(page, 'residents-demo');

  await page.getByRole('combobox', { name: '按标签筛选' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '独居老人' }).click();
  await expect(residents.rows().first()).toContainText('独居老人');

  await shell.goTo('网格管理');
  const grid = new GridScreen(page);
  await expect(page.locator('.grid-tree .ant-tree-node-content-wrapper').first()).toHaveText(/（\d+人）$/);
  await expect(page.getByRole('button', { name: '新增片区' })).toHaveCount(0);
  await settled(page);
  await shot(page, 'grid-demo');
  await grid.node('网格').first().click();
  await expect(grid.panel()).toContainText('只有管理员可以修改网格结构');
  const count = Number((await grid.panel().textContent())!.match(/居民人数[：:]?\s*(\d+) 人/)![1]);
  await grid.panel().getByRole('button', { name: '查看居民' }).click();
  await expect(page).toHaveURL(/\/residents\?grid=/);
  await expect(page.getByText(`共 ${count} 人`)).toBeVisible();
});
