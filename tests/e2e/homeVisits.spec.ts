import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test, topShot } from './fixtures';
import { apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { HomeVisitsScreen, VisitForm } from './pages/HomeVisitsScreen';
import { LoginScreen } from './pages/LoginScreen';
import { RequestDrawer, RequestsScreen } from './pages/RequestsScreen';
import { settled } from './pages/settle';
import { signedInAdmin } from './pages/signIn';

async function seedCentre(page: Page) {
  const area = await apiOk(page, 'grid.create', { parentId: null, name: '东片区' });
  const grid = await apiOk(page, 'grid.create', { parentId: area.id, name: '第一网格' });
  const building = await apiOk(page, 'grid.create', { parentId: grid.id, name: '3号楼' });
  await apiOk(page, 'services.save', { category: '为老服务', name: '老年服务', prefix: 'C', defaultMode: 'homevisit', timeLimitDays: 5, counters: [1] });
  await apiOk(page, 'staff.save', { name: '陈志强', roles: ['社工'] });
  await apiOk(page, 'staff.save', { name: '李敏', roles: ['网格员'] });
  await apiOk(page, 'residents.create', { name: '张小芳', gender: 'F', birthDate: '1948-03-05', phone: '13800001234', buildingId: building.id, unit: '2', room: '301' });
}

const ADDRESS = '东片区 / 第一网格 / 3号楼 2单元 301室';

test('a 上门办 request taken at the desk → 安排上门 → on the social worker’s day plan → 完成 resolves the request', async ({ page, app }) => {
  test.setTimeout(150_000);
  await HomeVisitsScreen.recordPrints(page);
  await signedInAdmin(page, app.url);
  await seedCentre(page);
  await page.evaluate(() => localStorage.setItem('lianxin.counter', '1'));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const shell = new AppShell(page);
  const requests = new RequestsScreen(page);

  // The desk takes the request: 老年服务 is 上门办, the address comes from the resident.
  await shell.menuItem('诉求办理').click();
  const form = await requests.openNew();
  await form.findResident('138', '张小芳');
  await form.chooseService('老年服务');
  await expect(form.field('上门地址')).toHaveValue(ADDRESS);
  await form.field('诉求内容').fill('独居老人，卫生间扶手松动，需上门查看');
  await form.save();
  const drawer = new RequestDrawer(page);
  await expect(drawer.status()).toHaveText('已受理');
  const number = await drawer.number();
  const section = drawer.drawer.getByTestId('request-home-visits');
  await expect(section).toContainText('还没有安排上门');

  // 安排上门: address and purpose come from the request; the day can be today, not yesterday.
  await section.getByTestId('plan-home-visit').click();
  const plan = new VisitForm(page, `安排上门 · 诉求 ${number}`);
  await expect(plan.field('上门地址')).toHaveValue(ADDRESS);
  await expect(plan.field('事由')).toHaveValue('独居老人，卫生间扶手松动，需上门查看');
  await plan.save();
  await expect(plan.error('上门人员')).toHaveText(['请选择上门人员']);
  await plan.staff('陈志强');
  await plan.day(today);
  await plan.time('08:00');
  await settled(page);
  await shot(page, 'homeVisits-plan-dialog');
  await plan.save();
  await expect(page.getByText(/已安排上门：.*08:00–09:00 陈志强/)).toBeVisible();
  await expect(drawer.status()).toHaveText('已分派');
  await expect(section.getByTestId('request-home-visit')).toContainText('待上门');
  await expect(section.getByTestId('request-home-visit')).toContainText('陈志强');
  await expect(section.getByTestId('plan-home-visit')).toBeHidden();
  await expect(drawer.drawer.getByTestId('request-steps')).toContainText('安排上门');
  await settled(page);
  await shot(page, 'homeVisits-request-planned');
  await drawer.close();

  // The day plan: a second, direct visit that overlaps 陈志强's is refused at its time, then put after it.
  await shell.menuItem('上门服务').click();
  const screen = new HomeVisitsScreen(page);
  await screen.chooseStaff('陈志强');
  await expect(screen.card(ADDRESS)).toContainText('08:00–09:00');
  await page.getByRole('button', { name: /新建上门$/ }).click();
  const direct = new VisitForm(page, '新建上门服务');
  await direct.staff('陈志强');
  await direct.day(today);
  await direct.time('08:30');
  await direct.field('上门地址').fill('幸福路12号');
  await direct.field('事由').fill('送药上门');
  await direct.save();
  await expect(direct.error('开始时间')).toHaveText([`这位工作人员 08:00–09:00 已安排上门（${ADDRESS}），时间冲突`]);
  await direct.time('09:00');
  await direct.save();
  await expect(direct.dialog).toBeHidden();

  const card = screen.card(ADDRESS);
  await expect(card).toContainText('张小芳');
  await expect(card).toContainText('138****1234');
  await expect(card).toContainText(`诉求 ${number}`);
  await expect(screen.plan().getByTestId('visit-card')).toHaveCount(2);
  await expect(screen.plan().getByTestId('visit-card').first()).toContainText('08:00–09:00');
  await topShot(page, 'homeVisits-day-plan');

  // The A4 sheet to take along: both visits in time order, phones masked.
  await page.getByTestId('visit-print').click();
  const sheet = await screen.sheetPreview();
  await expect(sheet).toContainText('上门服务日程');
  await expect(sheet).toContainText('陈志强');
  await expect(sheet).toContainText('138****1234');
  await expect(sheet).not.toContainText('13800001234');
  const dir = path.resolve(__dirname, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await sheet.screenshot({ path: path.join(dir, 'homeVisits-sheet.png') });
  await page.evaluate(() => document.getElementById('sheet-preview')?.remove());

  // 完成 with the outcome: the visit is done and its request resolved with it.
  const done = await screen.complete(ADDRESS, '已上门加固扶手，老人满意');
  await expect(done).toContainText(`诉求 ${number} 随之办结`);
  await settled(page);
  await shot(page, 'homeVisits-complete-dialog');
  await done.getByRole('button', { name: /登记完成$/ }).click();
  await expect(page.getByText(`已登记完成，诉求 ${number} 已办结`)).toBeVisible();
  await expect(card.getByTestId('visit-status')).toHaveText('已完成');
  await expect(card).toContainText('结果：已上门加固扶手，老人满意');
  await topShot(page, 'homeVisits-day-plan-done');

  // The direct visit: 改期 to 10:30 with 李敏, then 取消上门 with a reason — off the plan.
  await screen.chooseStaff('全部工作人员');
  await screen.card('幸福路12号').getByRole('button', { name: /改期$/ }).click();
  const move = new VisitForm(page, '上门改期');
  await move.staff('李敏');
  await move.time('10:30');
  await move.save(/^(loading\s+)?改期$/);
  await expect(page.getByText(/已改期：.*10:30–11:30 李敏/)).toBeVisible();
  await expect(screen.plan().getByTestId('visit-staff-plan').filter({ hasText: '李敏' })).toContainText('幸福路12号');
  await screen.card('幸福路12号').getByRole('button', { name: /取消上门$/ }).click();
  const cancel = page.getByRole('dialog').filter({ hasText: '取消上门 ·' });
  await cancel.getByRole('button', { name: /取消这次上门$/ }).click();
  await expect(cancel.getByText('请填写取消原因')).toBeVisible();
  await cancel.getByRole('textbox').fill('居民已自行到驿站领药');
  await cancel.getByRole('button', { name: /取消这次上门$/ }).click();
  await expect(page.getByText('已取消这次上门')).toBeVisible();
  await expect(screen.card('幸福路12号')).toHaveCount(0);

  // The request shows 办结 with the visit's outcome as its result.
  await shell.menuItem('诉求办理').click();
  const d = await requests.open(number);
  await expect(d.status()).toHaveText('已办结·待回访');
  await expect(d.drawer).toContainText('已上门加固扶手，老人满意');
  await expect(d.drawer.getByTestId('request-home-visit')).toContainText('已完成');
  await settled(page);
  await shot(page, 'homeVisits-request-resolved');
});

test('the demo centre: today’s home visits of the social workers, from the desk’s 上门办 requests', async ({ page, demoApp }) => {
  await page.goto(demoApp.url);
  await new LoginScreen(page).login('zhiban', 'demo1234');
  const shell = new AppShell(page);
  await shell.menuItem('上门服务').click();
  const screen = new HomeVisitsScreen(page);
  await expect(screen.plan().getByTestId('visit-staff-plan').first()).toBeVisible();
  await expect(screen.plan().getByTestId('visit-card').filter({ hasText: /诉求 \d{8}-\d{4}/ }).first()).toBeVisible();
  await expect(screen.plan()).not.toContainText(/1[3-9]\d{9}/);
  await topShot(page, 'homeVisits-demo-today');
});
