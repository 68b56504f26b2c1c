import { expect, shot, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { LoginScreen } from './pages/LoginScreen';
import { RotaScreen } from './pages/RotaScreen';
import { apiOk } from './pages/api';
import { fieldError, pickOption } from './pages/forms';
import { settled } from './pages/settle';
import { signedInAdmin } from './pages/signIn';
import { skipOnHoliday } from './pages/dateGuards';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (d: string) => plusDays(d, 1 - (new Date(`${d}T00:00:00Z`).getUTCDay() || 7));
/** 12/5 as the grid and the shift picker write a date. */
const md = (d: string) => `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`;

test('next week from the rotating template → the Saturday-evening gap in red → filled → published → a swap asked, accepted by PIN, approved → the wall sheet', async ({ page, demoApp }) => {
  test.setTimeout(180_000);
  await RotaScreen.recordPrints(page);
  await page.goto(demoApp.url);
  await new LoginScreen(page).login('admin', 'demo1234');
  await new AppShell(page).menuItem('值班表').click();
  const rota = new RotaScreen(page);
  const nextMonday = plusDays(mondayOf(shanghaiToday()), 7);
  const saturday = plusDays(nextMonday, 5);
  skipOnHoliday(saturday, 'next Saturday');

  // Next week is a draft; plan it from 东湖驿站's rotating template.
  await page.getByTestId('rota-next-week').click();
  await rota.chooseStation('东湖驿站');
  await expect(rota.summary()).toContainText('草稿');
  const { dialog, result } = await rota.fillFromTemplate();
  await expect(result).toContainText('已排入');
  await dialog.getByRole('button', { name: /完\s?成/ }).click();

  // The template leaves Saturday evening empty: a red 缺 1 人.
  const evening = rota.cell('东湖驿站', saturday, '晚班');
  await expect(evening).toContainText('缺 1 人');
  await expect(evening).toHaveCSS('background-color', 'rgb(255, 241, 240)');
  await expect(rota.summary()).toContainText('缺人 1 处');
  await settled(page);
  await shot(page, 'rota-week-gap');

  // Fixed by adding 王丽华 from the front desk.
  await evening.click();
  await rota.addPerson('王丽华');
  await settled(page);
  await shot(page, 'rota-assign-dialog');
  await page.getByTestId('rota-assign-dialog').page().getByRole('button', { name: /完\s?成/ }).click();
  await expect(evening).not.toContainText('缺');
  await expect(evening).toContainText('王丽华');
  await expect(rota.summary()).toContainText('各班人数已够');
  await rota.publish();

  // 换班: 刘晓梅 asks 吴静 to cover one of her shifts next week, with her own PIN.
  await rota.tab('换班').click();
  await rota.askSelect('申请人（本人）', '刘晓梅');
  const nextWeek = Array.from({ length: 7 }, (_, i) => md(plusDays(nextMonday, i)).replace('/', '\\/'));
  await rota.askSelect('要换出的班', new RegExp(` (${nextWeek.join('|')}) 东湖驿站`));
  const shiftLabel = (await page.getByTestId('rota-ask').locator('.ant-form-item').nth(1).locator('.ant-select-content, .ant-select-selection-item').first().textContent())!.trim();
  await rota.askSelect('替班的同事', '吴静');
  await page.getByTestId('rota-ask-reason').fill('孩子学校开家长会');
  await page.getByTestId('rota-ask-pin').fill('1103');
  await page.getByTestId('rota-ask-submit').click();
  const swap = page.getByTestId('rota-swap').filter({ hasText: '刘晓梅 请 吴静 替班' });
  await expect(swap).toContainText('等对方同意');

  // 吴静 accepts with her PIN; a wrong one first is refused with the tries left.
  await swap.getByTestId('rota-swap-accept').click();
  const step = page.getByRole('dialog', { name: '吴静 同意替 刘晓梅 上班' });
  await step.getByTestId('rota-step-pin').fill('0000');
  await step.getByRole('button', { name: /同\s?意/ }).click();
  await expect(step).toContainText('PIN 不正确，还可以再试 4 次');
  await step.getByTestId('rota-step-pin').fill('1107');
  await step.getByRole('button', { name: /同\s?意/ }).click();
  await expect(step).toBeHidden();
  await expect(swap).toContainText('等管理员批准');

  // The admin approves: the plan changes; the history keeps every step.
  await swap.getByTestId('rota-swap-approve').click();
  const approve = page.getByRole('dialog', { name: '批准 刘晓梅 与 吴静 换班' });
  await approve.getByTestId('rota-step-note').fill('同意');
  await approve.getByRole('button', { name: /批\s?准/ }).click();
  await expect(approve).toBeHidden();
  await expect(page.getByTestId('rota-open-swaps')).not.toContainText('刘晓梅 请 吴静');
  const history = page.locator('.ant-table-row', { hasText: '刘晓梅 → 吴静' });
  await expect(history).toContainText('已批准');
  await history.locator('.ant-table-row-expand-icon').click();
  await expect(page.locator('.ant-timeline')).toContainText('吴静 同意替班');
  await settled(page);
  await shot(page, 'rota-swaps');

  // Back on the week: 吴静 is on 刘晓梅's shift, and the change after publication is listed.
  await rota.tab('值班表').click();
  await expect(rota.station('东湖驿站')).toContainText('吴静');
  await expect(page.locator('.rota-edits')).toContainText('刘晓梅 → 吴静');
  expect(shiftLabel).toContain('东湖驿站');

  // The wall sheet: landscape A4, names big.
  await page.getByTestId('rota-print').click();
  const preview = page.getByTestId('rota-sheet-preview');
  await expect(preview).toContainText('东湖驿站 值班表');
  await expect(preview).toContainText('王丽华');
  await settled(page);
  await shot(page, 'rota-wall-sheet-preview');
  await preview.locator('.wall-sheet').first().screenshot({ path: 'tests/e2e/screenshots/rota-wall-sheet.png' });
  await page.getByTestId('rota-sheet-print').click();
  await expect.poll(async () => (await rota.printed()).length).toBe(1);
  const printed = (await rota.printed())[0]!;
  expect(printed).toContain('东湖驿站 值班表');
  expect(printed).toContain('吴静');
});

test('班次与模板: a shift ending before it starts is refused at 下班; a rotating template made in the grid plans the week', async ({ page, app }) => {
  test.setTimeout(150_000);
  await signedInAdmin(page, app.url);
  const open = { open: '08:00', close: '20:00' };
  const station = await apiOk(page, 'stations.save', { name: '翠竹驿站', address: '翠竹巷9号', hours: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), open])), closedDates: [] });
  for (const name of ['许春燕', '韩卫东', '曹雅琴']) await apiOk(page, 'staff.save', { name, roles: ['网格员'], stationIds: [station.id] });
  await new AppShell(page).menuItem('值班表').click();
  const rota = new RotaScreen(page);
  await rota.tab('班次与模板').click();

  // A night shift typed the wrong way round: refused, said at 下班.
  await page.getByRole('button', { name: '新建班次' }).click();
  const shiftDialog = page.getByRole('dialog', { name: '新建班次' });
  await shiftDialog.getByLabel('名称').fill('夜班');
  await shiftDialog.getByLabel('上班').fill('20:00');
  await shiftDialog.getByLabel('下班').fill('08:00');
  await shiftDialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(fieldError(shiftDialog, '下班')).toHaveText('下班时间（08:00）必须晚于上班时间（20:00）；跨夜的班请分成两个班次');
  await settled(page);
  await shot(page, 'rota-shift-refused');
  await shiftDialog.getByLabel('名称').fill('上午班');
  await shiftDialog.getByLabel('上班').fill('08:00');
  await shiftDialog.getByLabel('下班').fill('12:00');
  await shiftDialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(shiftDialog).toBeHidden();
  await expect(page.locator('.ant-table-row', { hasText: '上午班' })).toContainText('08:00–12:00');

  // A rotating template: three members, one person a morning, Monday to Sunday.
  await page.getByRole('button', { name: '新建模板' }).click();
  const tplDialog = page.getByRole('dialog', { name: '新建模板' });
  await tplDialog.getByLabel('模板名称').fill('翠竹轮班');
  const members = tplDialog.locator('label.rota-field', { hasText: '轮换人员' }).locator('.ant-select');
  // one open dropdown, three picks in order (a multiple select stays open)
  await members.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  for (const name of ['许春燕', '韩卫东', '曹雅琴']) {
    await dropdown.locator('.ant-select-item-option', { hasText: name }).click();
    await expect(members).toContainText(name);
  }
  await page.keyboard.press('Escape');
  const row = tplDialog.locator('table.rota-template-grid tbody tr', { hasText: '上午班' });
  const names = ['许春燕', '韩卫东', '曹雅琴'];
  for (let d = 0; d < 7; d++) {
    await pickOption(page, row.locator('td').nth(d).locator('.ant-select'), names[d % 3]!);
    await page.keyboard.press('Escape');
  }
  await settled(page);
  await shot(page, 'rota-template-dialog');
  await tplDialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect(tplDialog).toBeHidden();
  await expect(page.locator('.ant-table-row', { hasText: '翠竹轮班' })).toContainText('轮换');

  // This week from it: every morning has its person, nothing missing.
  await rota.tab('值班表').click();
  const { dialog } = await rota.fillFromTemplate();
  await dialog.getByRole('button', { name: /完\s?成/ }).click();
  await expect(rota.station('翠竹驿站').locator('.rota-name')).not.toHaveCount(0);
  await expect(rota.summary()).toContainText('各班人数已够');
});
