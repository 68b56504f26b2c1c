import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { ADMIN } from './pages/signIn';
import { expect, shot, test } from './fixtures';
import { settled } from './pages/settle';
import { apiAs, apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { GridScreen } from './pages/GridScreen';
import { ImportDialog } from './pages/ImportDialog';
import { LoginScreen } from './pages/LoginScreen';
import { ResidentsScreen } from './pages/ResidentsScreen';
import { SetupScreen } from './pages/SetupScreen';
import { maskIdNumber } from '../../shared/rules/mask';
import { validId, wrongCheckDigit, writeXlsx } from './xlsxFiles';

const DUTY = { username: 'zhiban1', password: 'Duty2026x', displayName: '王值班' };
const ZHANG_ID = '11010519500302124';

test('first run to import and export: the desk’s day-one flow', async ({ page, app }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const residents = new ResidentsScreen(page);

  await test.step('first run asks for the centre and the admin', async () => {
    await page.goto(app.url);
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
    const setup = new SetupScreen(page);
    await setup.fill({ centreName: '幸福社区党群服务中心', ...ADMIN, confirm: 'different1' });
    await setup.submit();
    await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
    await settled(page);
    await shot(page, 'setup');
    await page.getByLabel('再次输入密码').fill(ADMIN.password);
    await setup.submit();
    await expect(page).toHaveURL(/\/residents$/);
    await expect(page.getByTestId('centre-name')).toHaveText('幸福社区党群服务中心');
    await expect(shell.userMenu()).toContainText('陈书记');
    await expect(shell.userMenu()).toContainText('管理员');
  });

  await test.step('the admin builds a small grid', async () => {
    await shell.goTo('网格管理');
    const grid = new GridScreen(page);
    await grid.addArea('东片区');
    await grid.addChild('东片区', '网格', '第一网格');
    await grid.addChild('第一网格', '楼栋', '1号楼');
    await expect(grid.node('1号楼（0人）')).toBeVisible();
  });

  await test.step('a wrong check digit is shown at the ID field and nothing is saved', async () => {
    await shell.goTo('居民档案');
    await expect(residents.searchBox()).toBeFocused();
    const form = await residents.openAdd();
    await form.field('姓名').fill('张小芳');
    await form.field('身份证号').fill(wrongCheckDigit(ZHANG_ID));
    await form.field('电话').click();
    await expect(form.error('身份证号')).toHaveText(['身份证号校验位不对，请核对是否输错']);
    await form.field('电话').fill('13912345678');
    await form.save();
    await expect(form.error('身份证号')).toHaveText(['身份证号校验位不对，请核对是否输错']);
    await settled(page);
    await shot(page, 'resident-form-error');
    expect((await apiOk(page, 'residents.search', { q: '' })).total).toBe(0);

    await form.field('身份证号').fill(validId(ZHANG_ID));
    await expect(form.error('身份证号')).toHaveCount(0);
    await expect(form.dialog.getByTestId('id-derived')).toHaveText('由身份证号得出：1950年3月2日出生，女');
    await form.chooseBuilding(['东片区', '第一网格', '1号楼']);
    await form.field('单元').fill('2');
    await form.field('房号').fill('301');
    await form.addTag('独居老人');
    await settled(page);
    await shot(page, 'resident-form-valid');
    await form.save();
    await expect(page.getByText('已登记居民 张小芳')).toBeVisible();
    await expect(form.dialog).toBeHidden();
    await page.keyboard.press('Escape');
  });

  await test.step('found by pinyin initials; the admin reveals the ID and the look is audited', async () => {
    await residents.search('zxf');
    await expect(residents.rows()).toHaveCount(1);
    const row = residents.row('张小芳');
    await expect(row).toContainText(maskIdNumber(validId(ZHANG_ID)));
    await expect(row).toContainText('139****5678');
    await expect(row).toContainText('东片区 / 第一网格 / 1号楼 2单元 301室');
    await expect(row).toContainText('独居老人');
    await settled(page);
    await shot(page, 'residents-list');
    const drawer = await residents.open('张小芳');
    await expect(drawer.value('idNumber')).toHaveText(/^110105\*+\w{4}$/);
    await drawer.revealButton('idNumber').click();
    await expect(drawer.value('idNumber')).toHaveText(validId(ZHANG_ID));
    await expect(drawer.drawer.getByText(/秒后自动隐藏/)).toBeVisible();
    await settled(page);
    await shot(page, 'resident-detail');
    const audit = await apiOk(page, 'audit.list', { action: 'resident.revealIdNumber' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]!.username).toBe('admin');
    await drawer.close();
  });

  await test.step('a duty-staff user may look but not reveal', async () => {
    await apiOk(page, 'users.create', { ...DUTY, role: 'duty' });
    await shell.logout();
    const login = new LoginScreen(page);
    await expect(login.heading()).toBeVisible();
    await settled(page);
    await shot(page, 'login');
    await login.login(DUTY.username, DUTY.password);
    await expect(shell.userMenu()).toContainText('值班人员');
    await expect(shell.menuItem('系统设置')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '新增居民' })).toHaveCount(0);
    await residents.search('zxf');
    const drawer = await residents.open('张小芳');
    await expect(drawer.value('idNumber')).toHaveText(/\*/);
    await expect(drawer.drawer.getByRole('button', { name: /显示/ })).toHaveCount(0);
    await expect(drawer.drawer.getByRole('button', { name: '编辑' })).toHaveCount(0);
    const refused = await apiAs(page, 'residents.reveal', { id: (await apiOk(page, 'residents.search', { q: 'zxf' })).rows[0]!.id, field: 'idNumber' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    await drawer.close();
    await shell.logout();
    await login.login(ADMIN.username, ADMIN.password);
    await expect(shell.userMenu()).toContainText('管理员');
  });

  const headers = ['姓名', '公民身份号码', '性别', '出生日期', '联系电话', '片区', '网格', '楼栋', '单元', '房号', '人员类别'];
  const rows = [
    ['李建国', validId('11010519420715003'), '', '', '13800138001', '东片区', '第一网格', '1号楼', '1', '101', '独居老人、党员'],
    ['王秀英', '', '女', '1938-05-06', '13800138002', '西片区', '第二网格', '5号楼', '3', '502', '低保'],
    ['赵福来', '', '男', '1955/1/9', '', '', '', '', '', '', '退役军人'],
    ['钱有误', wrongCheckDigit('11010519600101001'), '', '', '13800138004', '', '', '', '', '', ''],
    ['孙缺性别', '', '', '', '13800138005', '', '', '', '', '', ''],
    ['周电话', '', '男', '', '12345', '', '', '', '', '', ''],
  ];

  await test.step('import: the preview reports each bad row, only good rows are written', async () => {
    const file = await writeXlsx('居民花名册.xlsx', headers, rows);
    const dlg = new ImportDialog(page);
    await dlg.open();
    await dlg.chooseFile(file);
    await expect(dlg.countOf('新增')).toHaveText('3');
    await expect(dlg.countOf('已存在')).toHaveText('0');
    await expect(dlg.countOf('有错误')).toHaveText('3');
    await expect(dlg.rowErrors()).toHaveText([
      '身份证号：身份证号校验位不对，请核对是否输错',
      '性别：没有身份证号时请选择性别',
      '电话：电话号码不正确：手机号为 11 位，座机请带区号，如 010-12345678',
    ]);
    await settled(page);
    await shot(page, 'import-preview');
    await dlg.toggleMapping();
    await expect(dlg.dialog().getByTestId('mapping-idNumber')).toContainText('B 列：公民身份号码');
    await dlg.mapField('phone', '（不导入）');
    await expect(dlg.countOf('新增')).toHaveText('4');
    await expect(dlg.countOf('有错误')).toHaveText('2');
    await settled(page);
    await shot(page, 'import-mapping');
    await dlg.mapField('phone', 'E 列：联系电话');
    await expect(dlg.countOf('有错误')).toHaveText('3');
    await dlg.commit();
    await expect(dlg.result()).toHaveText('新增 3 人，已存在 0 人（未改动），跳过有错误的 3 行');
    await settled(page);
    await shot(page, 'import-result');
    await dlg.finish();
    expect((await apiOk(page, 'residents.search', { q: '钱有误' })).total).toBe(0);
    expect((await apiOk(page, 'residents.search', { q: '李建国' })).rows[0]!.address).toBe('东片区 / 第一网格 / 1号楼');
    await residents.search('');
    await expect(residents.rows()).toHaveCount(4);

    await dlg.open();
    await dlg.chooseFile(file);
    await expect(dlg.countOf('新增')).toHaveText('0');
    await expect(dlg.countOf('已存在')).toHaveText('3');
    await dlg.commit();
    await expect(dlg.result()).toHaveText('新增 0 人，已存在 3 人（未改动），跳过有错误的 3 行');
    await dlg.finish();
    expect((await apiOk(page, 'residents.search', { q: '' })).total).toBe(4);
  });

  await test.step('the grid counts the imported residents', async () => {
    await shell.goTo('网格管理');
    const grid = new GridScreen(page);
    await expect(grid.node('东片区（2人）')).toBeVisible();
    await expect(grid.node('西片区（1人）')).toBeVisible();
    await grid.node('第一网格').first().click();
    await expect(grid.panel()).toContainText('东片区 / 第一网格');
    await settled(page);
    await shot(page, 'grid');
  });

  await test.step('export downloads the list as .xlsx', async () => {
    await shell.goTo('居民档案');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^居民名单-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    const saved = await download.path();
    const bytes = fs.readFileSync(saved);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const names = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['张小芳', '李建国', '王秀英', '赵福来']));
    await expect(page.getByText(/已导出 4 人/)).toBeVisible();
  });
});
