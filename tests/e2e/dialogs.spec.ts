// Dialogs that are reopened for another record must start from that record, and nothing shown in full may outlive the record it belongs to.
import { signedInAdmin } from './pages/signIn';
import { expect, test } from './fixtures';
import { apiOk } from './pages/api';
import { ResidentsScreen } from './pages/ResidentsScreen';


test('a phone shown in full is hidden again after an edit changes it', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  await apiOk(page, 'residents.create', { name: '何国强', gender: 'M', phone: '13600002222' });
  const residents = new ResidentsScreen(page);
  await residents.search('hgq');
  const drawer = await residents.open('何国强');
  await drawer.drawer.getByRole('button', { name: '显示完整电话' }).click();
  await expect(drawer.drawer.getByTestId('phone-value')).toHaveText('13600002222');
  await drawer.drawer.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '编辑居民：何国强' });
  await dialog.getByLabel('电话').fill('13911113333');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存 何国强 的信息')).toBeVisible();
  await expect(drawer.drawer.getByTestId('phone-value')).toHaveText('139****3333');
});

test('the resident form reopened for another resident starts from that resident', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  await apiOk(page, 'residents.create', { name: '何国强', gender: 'M', phone: '13600002222', notes: '甲' });
  await apiOk(page, 'residents.create', { name: '李秀英', gender: 'F', notes: '乙' });
  const residents = new ResidentsScreen(page);
  await residents.search('hgq');
  let drawer = await residents.open('何国强');
  await drawer.drawer.getByRole('button', { name: '编辑' }).click();
  let dialog = page.getByRole('dialog').filter({ hasText: '编辑居民：何国强' });
  await dialog.getByLabel('单元').fill('9');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(drawer.drawer).toBeHidden();
  await residents.search('lxy');
  drawer = await residents.open('李秀英');
  await drawer.drawer.getByRole('button', { name: '编辑' }).click();
  dialog = page.getByRole('dialog').filter({ hasText: '编辑居民：李秀英' });
  await expect(dialog.getByLabel('姓名')).toHaveValue('李秀英');
  await expect(dialog.getByLabel('单元')).toHaveValue('');
  await expect(dialog.getByLabel('备注')).toHaveValue('乙');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(drawer.drawer).toBeHidden();
  await page.getByRole('button', { name: '新增居民' }).click();
  dialog = page.getByRole('dialog').filter({ hasText: '新增居民' });
  await expect(dialog.getByLabel('姓名')).toHaveValue('');
  await expect(dialog.getByLabel('备注')).toHaveValue('');
});

test('the rename dialog reopened for another grid node shows that node’s name', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  await apiOk(page, 'grid.create', { parentId: null, name: '东片区' });
  await apiOk(page, 'grid.create', { parentId: null, name: '西片区' });
  await page.goto(`${app.url}/grid`);
  await page.locator('.grid-tree').getByText('东片区').click();
  await page.getByRole('button', { name: '改名' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox')).toHaveValue('东片区');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.locator('.grid-tree').getByText('西片区').click();
  await page.getByRole('button', { name: '改名' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox')).toHaveValue('西片区');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '新增片区' }).click();
  await expect(page.getByRole('dialog').getByRole('textbox')).toHaveValue('');
});
