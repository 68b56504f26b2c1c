import { signedInAdmin } from './pages/signIn';
import { expect, shot, test } from './fixtures';
import { apiOk } from './pages/api';
import { fieldError } from './pages/forms';
import { AppShell } from './pages/AppShell';
import { GridScreen } from './pages/GridScreen';
import { LoginScreen } from './pages/LoginScreen';
import { ResidentsScreen } from './pages/ResidentsScreen';
import { settled } from './pages/settle';
import { validId } from './xlsxFiles';
import { maskIdNumber } from '../../shared/rules/mask';



test('same name and phone asks before saving; the same ID number is refused at the field', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  const id = validId('11010519450808002');
  await apiOk(page, 'residents.create', { name: '刘桂兰', gender: 'F', phone: '13700001111', idNumber: id });
  const residents = new ResidentsScreen(page);

  let form = await residents.openAdd();
  await form.field('姓名').fill('刘桂兰');
  await form.field('电话').fill('137 0000 1111');
  await form.dialog.getByText('女', { exact: true }).click();
  await form.save();
  const confirm = page.getByRole('dialog').filter({ hasText: '可能是重复登记' });
  await expect(confirm).toContainText('已有同名同电话的居民：刘桂兰，137****1111。');
  await settled(page);
  await shot(page, 'resident-duplicate-confirm');
  await confirm.getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByText('已登记居民 刘桂兰')).toBeVisible();
  expect((await apiOk(page, 'residents.search', { q: '刘桂兰' })).total).toBe(2);
  await page.keyboard.press('Escape');

  form = await residents.openAdd();
  await form.field('姓名').fill('刘桂芝');
  await form.field('身份证号').fill(id);
  await form.save();
  await expect(form.error('身份证号')).toHaveText(['该身份证号已登记（刘桂兰），不能重复登记']);
});

test('edit leaves the masked ID number and phone as they are; void needs a reason and hides the record', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  const id = validId('11010519520101003');
  await apiOk(page, 'residents.create', { name: '何国强', phone: '13600002222', idNumber: id, tags: ['党员'] });
  const residents = new ResidentsScreen(page);
  await residents.search('hgq');
  const drawer = await residents.open('何国强');
  await drawer.drawer.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '编辑居民：何国强' });
  await expect(dialog.getByLabel('身份证号')).toHaveValue('');
  await expect(dialog.getByTestId('id-on-file')).toContainText(`已登记 ${maskIdNumber(id)}，留空不改`);
  await expect(dialog.getByTestId('phone-on-file')).toContainText('已登记 136****2222');
  await expect(dialog.getByLabel('女')).toBeDisabled();
  await dialog.getByLabel('房号').fill('1202');
  await settled(page);
  await shot(page, 'resident-edit');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存 何国强 的信息')).toBeVisible();
  await expect(residents.row('何国强')).toContainText('1202室');
  const saved = (await apiOk(page, 'residents.search', { q: 'hgq' })).rows[0]!;
  expect(saved.idNumberMasked).toBe(maskIdNumber(id));
  expect(saved.phoneMasked).toBe('136****2222');
  expect(saved.tags).toEqual(['党员']);
  expect((await apiOk(page, 'audit.list', { action: 'resident.revealIdNumber' })).total).toBe(0);

  await expect(drawer.drawer).toContainText('1202室');
  await drawer.drawer.getByRole('button', { name: '作废' }).click();
  const voidDialog = page.getByRole('dialog').filter({ hasText: '作废居民记录' });
  await voidDialog.getByRole('button', { name: '确认作废' }).click();
  await expect(voidDialog.getByText('请写明作废原因')).toBeVisible();
  await voidDialog.getByLabel('作废原因').fill('重复登记');
  await voidDialog.getByRole('button', { name: '确认作废' }).click();
  await expect(page.getByText('已作废 何国强 的记录')).toBeVisible();
  await expect(residents.rows()).toHaveCount(0);
});

test('grid: a node with residents cannot be deleted; the desk sees the tree read-only', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  const area = await apiOk(page, 'grid.create', { parentId: null, name: '北片区' });
  const grid = await apiOk(page, 'grid.create', { parentId: area.id, name: '第三网格' });
  const building = await apiOk(page, 'grid.create', { parentId: grid.id, name: '8号楼' });
  await apiOk(page, 'grid.create', { parentId: grid.id, name: '9号楼' });
  await apiOk(page, 'grid.create', { parentId: null, name: '南片区' });
  await apiOk(page, 'residents.create', { name: '吴大妈', gender: 'F', buildingId: building.id });
  await apiOk(page, 'users.create', { username: 'qiantai', displayName: '李前台', role: 'desk', password: 'Desk2026x' });

  const shell = new AppShell(page);
  await shell.goTo('网格管理');
  const screen = new GridScreen(page);
  await screen.node('第三网格').click();
  await expect(screen.panel().getByRole('button', { name: '删除' })).toBeDisabled();
  await page.locator('.grid-tree .ant-tree-switcher').nth(1).click();
  await screen.node('9号楼（0人）').click();
  await screen.panel().getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除' }).last().click();
  await expect(page.getByText('已删除“9号楼”')).toBeVisible();
  await screen.node('北片区').click();
  await screen.panel().getByRole('button', { name: '改名' }).click();
  const rename = page.getByRole('dialog').filter({ hasText: '改名：北片区' });
  await rename.getByRole('textbox').fill('南片区');
  await rename.getByRole('textbox').press('Enter');
  await expect(fieldError(rename, '片区名称')).toHaveText(['同一级下已有“南片区”']);
  await settled(page);
  await shot(page, 'grid-rename-taken');
  await rename.getByRole('textbox').fill('北片区（老城）');
  await rename.getByRole('textbox').press('Enter');
  await expect(screen.node('北片区（老城）（1人）')).toBeVisible();

  await shell.logout();
  await new LoginScreen(page).login('qiantai', 'Desk2026x');
  await shell.goTo('网格管理');
  await expect(page.getByRole('button', { name: '新增片区' })).toHaveCount(0);
  await screen.node('北片区（老城）').click();
  await expect(screen.panel()).toContainText('只有管理员可以修改网格结构');
  await expect(screen.panel().getByRole('button')).toHaveText(['查看居民']);
});
