import type { Page } from '@playwright/test';
import { expect, shot, test, topShot } from './fixtures';
import { apiAs, apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { FiguresScreen } from './pages/FiguresScreen';
import { RequestDrawer, RequestsScreen } from './pages/RequestsScreen';
import { LoginScreen } from './pages/LoginScreen';
import { settled } from './pages/settle';
import { signedInAdmin } from './pages/signIn';
import { validId, workbookOf, wrongCheckDigit } from './xlsxFiles';

/** A small centre: one building, two services' worth of staff, one resident with an address. */
async function seedCentre(page: Page) {
  const area = await apiOk(page, 'grid.create', { parentId: null, name: '东片区' });
  const grid = await apiOk(page, 'grid.create', { parentId: area.id, name: '第一网格' });
  const building = await apiOk(page, 'grid.create', { parentId: grid.id, name: '3号楼' });
  await apiOk(page, 'services.save', { category: '社会保障', name: '社保医保', prefix: 'A', defaultMode: 'immediate', timeLimitDays: 3, counters: [1] });
  await apiOk(page, 'services.save', { category: '民政服务', name: '民政救助', prefix: 'B', defaultMode: 'assigned', timeLimitDays: 10, counters: [1] });
  await apiOk(page, 'services.save', { category: '为老服务', name: '老年服务', prefix: 'C', defaultMode: 'homevisit', timeLimitDays: 5, counters: [1] });
  await apiOk(page, 'staff.save', { name: '陈志强', roles: ['社工'] });
  await apiOk(page, 'residents.create', {
    name: '张小芳',
    gender: 'F',
    birthDate: '1948-03-05',
    phone: '13800001234',
    buildingId: building.id,
    unit: '2',
    room: '301',
  });
}

/** A day at least a week ahead that the calendar does not count as a working day (a Sunday that is no 调休). */
async function restDayAhead(page: Page, today: string): Promise<string> {
  for (let d = new Date(`${today}T00:00:00Z`).getTime() + 7 * 86_400_000; ; d += 86_400_000) {
    const day = new Date(d);
    if (day.getUTCDay() !== 0) continue;
    const iso = day.toISOString().slice(0, 10);
    const cal = await apiOk(page, 'calendar.list', { year: day.getUTCFullYear() });
    if (!cal.days.some((x) => x.date === iso && x.kind === 'workday')) return iso;
  }
}

test('a counter records requests 马上办, 上门办 and 专人办, sees them through to feedback, and the figures follow', async ({ page, app }) => {
  test.setTimeout(150_000);
  await signedInAdmin(page, app.url);
  await seedCentre(page);
  // This PC is counter 1 (the counter page remembers it the same way).
  await page.evaluate(() => localStorage.setItem('lianxin.counter', '1'));
  const shell = new AppShell(page);
  const figures = new FiguresScreen(page);
  const screen = new RequestsScreen(page);

  // The figures before anything was received.
  await shell.menuItem('统计报表').click();
  await figures.period('今天');
  await expect(figures.kpi('received')).toHaveText('0');
  await expect(figures.kpi('resolutionRate')).toHaveText('—');

  await shell.menuItem('诉求办理').click();
  await expect(page.getByText('没有符合条件的诉求')).toBeVisible();

  // Bad paths: the form names what is missing, and what each mode needs.
  let form = await screen.openNew();
  await expect(form.dialog.locator('.ant-radio-button-wrapper-checked')).toHaveText('窗口');
  await form.save();
  await expect(form.error('服务事项')).toHaveText(['请选择服务事项']);
  await expect(form.error('诉求内容')).toHaveText(['请写明居民要办什么事']);
  await form.chooseService('民政救助');
  await expect(form.modeCard('assigned')).toHaveClass(/ant-radio-wrapper-checked/);
  await form.field('诉求内容').fill('申请临时救助');
  await form.save();
  await expect(form.error('承办人')).toHaveText(['专人办要选定承办人']);
  await form.mode('homevisit');
  await form.save();
  await expect(form.error('上门地址')).toHaveText(['上门办要写明上门地址']);
  await form.mode('onsite');
  await form.save();
  await expect(form.error('办理地点')).toHaveText(['现场办要写明办理地点']);
  await form.mode('escalated');
  await form.save();
  await expect(form.error('转至部门')).toHaveText(['转办联办要写明转到哪个部门']);
  await settled(page);
  await shot(page, 'requests-form-missing');
  await form.dialog.getByRole('button', { name: '取消' }).click();

  // 1. 马上办, solved on the spot: the resident found by pinyin initials and Enter.
  form = await screen.openNew();
  await form.findResident('zxf', '张小芳');
  await form.chooseService('社保医保');
  await expect(form.modeCard('immediate')).toHaveClass(/ant-radio-wrapper-checked/);
  await expect(form.dialog).toContainText(/按时限 3 个工作日，\d{4}年\d{1,2}月\d{1,2}日 到期/);
  await form.field('诉求内容').fill('打印社保缴费证明');
  await form.field('当场办结（可不填）').fill('已当场打印缴费证明交给居民');
  await settled(page);
  await shot(page, 'requests-form-immediate');
  await form.save();
  await expect(page.getByText(/已登记诉求 \d{8}-\d{4}，当场办结/)).toBeVisible();
  const drawer = new RequestDrawer(page);
  await expect(drawer.status()).toHaveText('已办结·待回访');
  const immediate = await drawer.number();
  await expect(drawer.drawer.getByTestId('request-steps')).toContainText('受理登记');
  await drawer.close();

  // 2. 上门办: the visit address comes from the resident's address.
  form = await screen.openNew();
  await form.findResident('138', '张小芳');
  await form.chooseService('老年服务');
  await expect(form.field('上门地址')).toHaveValue('东片区 / 第一网格 / 3号楼 2单元 301室');
  await form.field('诉求内容').fill('独居老人，卫生间扶手松动，需上门查看');
  await settled(page);
  await shot(page, 'requests-form-homevisit');
  await form.save();
  await expect(drawer.status()).toHaveText('已受理');
  const homevisit = await drawer.number();
  await drawer.close();

  // 3. 专人办 for a resident created on the spot; a wrong check digit and a rest day are refused at their fields.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  form = await screen.openNew();
  await form.dialog.getByRole('combobox', { name: '查找居民' }).fill('王秀英');
  await form.newResident();
  await expect(form.field('姓名')).toHaveValue('王秀英');
  await form.field('身份证号').fill(wrongCheckDigit('11010519500615002'));
  await form.dialog.getByRole('textbox', { name: '电话' }).fill('13912345678');
  await form.chooseService('民政救助');
  await form.channel('电话');
  await form.field('诉求内容').fill('低保复核材料咨询');
  await form.chooseStaff('陈志强');
  await form.save();
  await expect(form.error('身份证号')).toHaveText(['身份证号校验位不对，请核对是否输错']);
  await form.field('身份证号').fill(validId('11010519500615002'));
  const sunday = await restDayAhead(page, today);
  await form.setDueDate(sunday);
  await form.save();
  await expect(form.error('办结期限')).toContainText('是节假日或休息日');
  await settled(page);
  await shot(page, 'requests-form-assigned-refused');
  // The resident was saved with the first try: the form now shows her as chosen, not as a second new one.
  await expect(form.dialog.getByTestId('resident-chosen')).toContainText('王秀英');
  const workday = (await apiOk(page, 'calendar.addWorkingDays', { from: today, days: 12 })).date;
  await form.setDueDate(workday);
  await form.save();
  await expect(drawer.status()).toHaveText('已分派');
  const assigned = await drawer.number();
  await expect(drawer.drawer).toContainText('承办人：陈志强');
  await drawer.close();
  expect((await apiOk(page, 'residents.search', { q: '王秀英' })).total).toBe(1);

  // The to-do lists: mine (taken by me, nobody else's), my counter's.
  await shell.menuItem('我的待办').click();
  await expect(screen.todoTab('mine')).toContainText('1');
  await expect(screen.todoTab('counter')).toContainText('1 号窗口');
  await expect(screen.todoTab('counter')).toContainText('2');
  await expect(screen.todoTab('overdue')).toContainText('0');
  await expect(screen.rows()).toHaveCount(1);
  await expect(screen.row(homevisit)).toContainText('上门办');
  await screen.todoTab('counter').click();
  await expect(screen.rows()).toHaveCount(2);
  await expect(screen.row(assigned)).toContainText('陈志强');
  await settled(page);
  await shot(page, 'requests-todo');

  // 上门办 through to a satisfied feedback.
  let d = await screen.open(homevisit);
  await expect(d.action('回访')).toHaveCount(0);
  await d.start();
  await d.resolve('已上门加固扶手');
  let fb = await d.feedback('满意', '居民很满意');
  await fb.getByRole('button', { name: '保存回访' }).click();
  await expect(d.status()).toHaveText('已回访·结案');
  await expect(d.drawer.getByTestId('request-steps')).toContainText('结案');
  await d.close();

  // 专人办: unsatisfied reopens it — and the dialog says so before saving.
  d = await screen.open(assigned);
  await d.start();
  await d.resolve('已告知需补交的材料');
  fb = await d.feedback('不满意', '材料清单不清楚');
  await expect(fb.getByTestId('reopen-warning')).toContainText('重新打开');
  await settled(page);
  await shot(page, 'requests-feedback-unsatisfied');
  await fb.getByRole('button', { name: '保存回访' }).click();
  await expect(d.status()).toHaveText('办理中');
  await expect(d.drawer).toContainText('曾因不满意重新办理 1 次');
  await expect(d.drawer.getByTestId('request-steps')).toContainText('回访不满意，重新办理');
  // Feedback is not offered on a request that is not resolved, and the backend refuses it too.
  await expect(d.action('回访')).toHaveCount(0);
  const refused = await apiAs(page, 'requests.feedback', { id: (await apiOk(page, 'requests.list', { q: assigned })).rows[0]!.id, satisfaction: 'satisfied' });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.key).toBe('request.feedback.notResolved');
  await settled(page);
  await shot(page, 'requests-detail-reopened');
  await d.close();

  // The list: all three, filtered to the open ones, exported as the filter shows it.
  await shell.menuItem('诉求办理').click();
  await expect(screen.rows()).toHaveCount(3);
  await expect(screen.row(immediate)).toContainText('已办结·待回访');
  await settled(page);
  await shot(page, 'requests-list');
  await screen.filterStatus('未办结');
  await expect(screen.rows()).toHaveCount(1);
  await expect(screen.row(assigned)).toContainText('办理中');
  const listDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const listFile = await listDownload;
  expect(listFile.suggestedFilename()).toMatch(/^诉求列表-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
  const listSheet = (await workbookOf(listFile)).worksheets[0]!;
  expect(listSheet.getRow(1).getCell(1).value).toBe('诉求编号');
  expect(listSheet.getColumn(1).values.slice(2)).toEqual([assigned]);
  await expect(page.getByText(/已导出 1 条诉求/)).toBeVisible();

  // The figures now count them: 3 received, 2 resolved, 1 satisfied of 2 with feedback.
  await shell.menuItem('统计报表').click();
  await figures.period('今天');
  await expect(figures.kpi('received')).toHaveText('3');
  await expect(figures.kpi('resolutionRate')).toHaveText('66.7%');
  await expect(figures.kpi('onTimeRate')).toHaveText('100.0%');
  await expect(figures.kpi('satisfactionRate')).toHaveText('50.0%');
  await expect(figures.kpi('open')).toHaveText('1');
  await expect(figures.kpi('overdue')).toHaveText('0');
  await expect(figures.chart('mode').locator('canvas')).toBeVisible();
  await figures.tab('按办理方式');
  await expect(figures.table('mode').locator('.ant-table-row').filter({ hasText: '上门办' })).toContainText('100.0%');
  await topShot(page, 'figures-today');
  const figuresDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const figuresBook = await workbookOf(await figuresDownload);
  const overview = figuresBook.getWorksheet('总览')!;
  const lines = new Map<string, unknown>();
  overview.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(lines.get('受理诉求')).toBe(3);
  expect(lines.get('已办结')).toBe(2);
  const byMode = figuresBook.getWorksheet('按办理方式')!;
  expect(byMode.getColumn(1).values).toEqual(expect.arrayContaining(['马上办', '上门办', '专人办']));
});

test('the demo centre: overdue requests stand out in 我的待办 and the list; the month in charts', async ({ page, demoApp }) => {
  test.setTimeout(120_000);
  await page.goto(demoApp.url);
  await new LoginScreen(page).login('admin', 'demo1234');
  const shell = new AppShell(page);
  const screen = new RequestsScreen(page);
  await shell.menuItem('我的待办').click();
  // The demo has requests past their due date: a red banner says how many, and the tab counts the same.
  const banner = page.getByText(/^有 \d+ 件诉求已经逾期，请优先办理$/);
  await expect(banner).toBeVisible();
  const overdueCount = Number((await banner.textContent())!.match(/\d+/)![0]);
  expect(overdueCount).toBeGreaterThan(0);
  await expect(screen.todoTab('overdue')).toContainText(String(overdueCount));
  await page.getByRole('button', { name: '查看逾期' }).click();
  await expect(page.locator('.request-row-overdue').first()).toBeVisible();
  await expect(page.locator('.request-row-overdue').first()).toContainText('逾期');
  await settled(page);
  await shot(page, 'requests-todo-overdue-demo');

  await shell.menuItem('诉求办理').click();
  await screen.filterStatus('已逾期');
  await expect(page.getByText(`共 ${overdueCount} 条`)).toBeVisible();
  const first = (await page.locator('.request-row-overdue .request-number').first().textContent())!;
  const d = await screen.open(first);
  await expect(d.drawer.getByTestId('request-overdue')).toBeVisible();
  await settled(page);
  await shot(page, 'requests-detail-overdue-demo');
  await d.close();

  await shell.menuItem('统计报表').click();
  const figures = new FiguresScreen(page);
  await expect(page.getByTestId('figures-period')).toContainText('至');
  await expect(figures.chart('trend').locator('canvas')).toBeVisible();
  await expect(figures.kpi('received')).not.toHaveText('0');
  await expect(figures.kpi('resolutionRate')).toHaveText(/^\d{1,3}\.\d%$/);
  await settled(page);
  await shot(page, 'figures-month-demo');
  await figures.period('上月');
  await expect(page.getByTestId('figures-period')).toContainText('至');
  await figures.period('自选日期');
  // A custom range starts from the period shown before (上月): the first of a month to its last day.
  await expect(page.getByPlaceholder('开始日期')).toHaveValue(/^\d{4}-\d{2}-01$/);
  await expect(page.getByPlaceholder('结束日期')).toHaveValue(/^\d{4}-\d{2}-(28|29|30|31)$/);
});
