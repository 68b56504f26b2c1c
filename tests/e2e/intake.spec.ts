import { expect, shot, test, topShot } from './fixtures';
import { apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { HALL, openPage, slips } from './pages/browsers';
import { DisplayScreen } from './pages/DisplayScreen';
import { FiguresScreen } from './pages/FiguresScreen';
import { KioskScreen } from './pages/KioskScreen';
import { LoginScreen } from './pages/LoginScreen';
import { QueueScreen } from './pages/QueueScreen';
import { RequestDrawer, RequestForm, RequestsScreen } from './pages/RequestsScreen';
import { settled } from './pages/settle';
import { signedInAdmin } from './pages/signIn';
import { workbookOf } from './xlsxFiles';

/**
 * The whole walk-in story of issue 3 in one go, with the kiosk, the counter and the hall display
 * open at once (each its own browser context, so no session leaks from one to another): numbers
 * taken, called and shown in the hall, three requests routed 马上办 / 上门办 / 专人办, seen through to
 * feedback, and the day's figures — on the screen and in the exported workbook — counting exactly
 * what was done here.
 */

const DESK = { username: 'qiantai', password: 'Desk2026x', displayName: '李前台' };
const STAFF_NAME = '陈志强';

/** What this test did to each request, from which the expected figures are counted. */
interface Done {
  number: string;
  resolved: boolean;
  feedback: '满意' | '基本满意' | '不满意' | null;
}

const rate = (n: number, d: number) => (d === 0 ? '—' : `${((n / d) * 100).toFixed(1)}%`);

test('walk-in intake: kiosk → counter 2 calls → hall display → 马上办, 上门办, 专人办 → feedback → figures → Excel', async ({ browser, app }) => {
  test.setTimeout(180_000);

  // The centre head sets up the centre through the API: a grid address, three services, a staff member, a desk account, two residents.
  const head = await openPage(browser);
  await signedInAdmin(head, app.url);
  const area = await apiOk(head, 'grid.create', { parentId: null, name: '东片区' });
  const grid = await apiOk(head, 'grid.create', { parentId: area.id, name: '第一网格' });
  const building = await apiOk(head, 'grid.create', { parentId: grid.id, name: '3号楼' });
  await apiOk(head, 'services.save', { category: '社会保障', name: '社保医保', prefix: 'A', defaultMode: 'immediate', timeLimitDays: 3 });
  await apiOk(head, 'services.save', { category: '民政服务', name: '民政救助', prefix: 'B', defaultMode: 'assigned', timeLimitDays: 10 });
  await apiOk(head, 'staff.save', { name: STAFF_NAME, roles: ['社工'] });
  await apiOk(head, 'users.create', { ...DESK, role: 'desk' });
  await apiOk(head, 'residents.create', { name: '王建国', gender: 'M', birthDate: '1962-07-11', phone: '13700005678' });
  await apiOk(head, 'residents.create', {
    name: '张小芳',
    gender: 'F',
    birthDate: '1948-03-05',
    phone: '13800001234',
    buildingId: building.id,
    unit: '2',
    room: '301',
  });

  // The hall display on a 1080p TV, no login; speech recorded.
  const hall = await openPage(browser, HALL);
  await DisplayScreen.fakeSpeech(hall);
  const display = new DisplayScreen(hall);
  await hall.goto(`${app.url}/display`);
  await expect(display.counterNumber(2)).toHaveText('未开放');
  if (await display.soundButton().isVisible()) await display.soundButton().click();
  const waitingA = display.waiting().locator('li').filter({ hasText: '社保医保' });
  await expect(waitingA).toHaveText(/0 人$/);

  // 1. Two residents take numbers at the kiosk.
  const kioskPage = await openPage(browser, HALL);
  const kiosk = new KioskScreen(kioskPage);
  await kioskPage.goto(`${app.url}/kiosk`);
  expect(await kiosk.take('社保医保')).toBe('A001');
  await expect(kiosk.result()).toContainText('前面没有人');
  await shot(kioskPage, 'intake-kiosk-A001');
  await kiosk.backToStart();
  expect(await kiosk.take('社保医保')).toBe('A002');
  await expect(kiosk.result()).toContainText('前面还有 1 人');
  await kiosk.backToStart();
  await expect.poll(() => slips(kioskPage)).toHaveLength(2); // a slip each
  await expect(waitingA).toHaveText(/2 人$/);
  const ticketsIssued = 2;

  // 2. The desk worker opens counter 2 and calls the next number: A001, shown and spoken in the hall.
  const desk = await openPage(browser);
  await desk.goto(app.url);
  await new LoginScreen(desk).login(DESK.username, DESK.password);
  await expect(desk).toHaveURL(/\/queue/);
  const queue = new QueueScreen(desk);
  await queue.chooseCounter(2);
  await queue.openCounter();
  await expect(queue.counterStatus()).toHaveText('开放中');
  await expect(display.counterNumber(2)).toHaveText('请稍候');
  await expect(queue.waitingRows()).toHaveCount(2);
  await queue.action('下一位').click();
  await expect(queue.currentNumber()).toHaveText('A001');
  await expect(display.counterNumber(2)).toHaveText('A001', { timeout: 2_000 });
  await expect(display.counter(2)).toContainText('2 号窗口');
  await expect(display.counter(2)).toContainText('社保医保');
  await expect(waitingA).toHaveText(/1 人$/);
  // The kiosk's part is over: closed, so the rest runs on the three screens still in use.
  await kioskPage.context().close();
  await expect.poll(() => display.spoken()).toContain('请 A 零 零 一 号到 2 号窗口办理');
  await topShot(desk, 'intake-counter-A001');
  await settled(hall);
  await shot(hall, 'intake-display-A001');

  // 3. 登记诉求 for A001: the resident found inline, 马上办 solved on the spot.
  const done: Done[] = [];
  await queue.action('登记诉求').click();
  let form = new RequestForm(desk);
  await expect(form.dialog).toContainText('登记诉求 · 号码 A001');
  await form.findResident('wjg', '王建国');
  await expect(form.modeCard('immediate')).toHaveClass(/ant-radio-wrapper-checked/);
  await form.field('诉求内容').fill('打印社保缴费证明');
  await form.field('当场办结（可不填）').fill('已当场打印缴费证明交给居民');
  await settled(desk);
  await shot(desk, 'intake-form-immediate');
  await form.save();
  const createdMsg = queue.message(/已登记诉求 \d{8}-\d{4}，当场办结/);
  await expect(createdMsg).toBeVisible();
  const immediate = (await createdMsg.textContent())!.match(/\d{8}-\d{4}/)![0];
  await expect(form.dialog).toHaveCount(0);
  done.push({ number: immediate, resolved: true, feedback: null });

  // 4. Next: A001 is done, A002 is called and shown; her request goes 上门办 to the address on file.
  await queue.action('下一位').click();
  await expect(queue.currentNumber()).toHaveText('A002');
  await expect(display.counterNumber(2)).toHaveText('A002', { timeout: 2_000 });
  await expect(display.recent()).toContainText('A001');
  await expect(waitingA).toHaveText(/0 人$/);
  await expect.poll(() => display.spoken()).toContain('请 A 零 零 二 号到 2 号窗口办理');
  let ticketsServed = 1;
  await desk.keyboard.press('F7');
  form = new RequestForm(desk);
  await expect(form.dialog).toContainText('登记诉求 · 号码 A002');
  await form.findResident('zxf', '张小芳');
  await form.mode('homevisit');
  await expect(form.field('上门地址')).toHaveValue('东片区 / 第一网格 / 3号楼 2单元 301室');
  await form.field('诉求内容').fill('医保卡丢失，行动不便，需上门帮办补卡');
  await settled(desk);
  await shot(desk, 'intake-form-homevisit');
  await form.save();
  const homeMsg = queue.message(/^已登记诉求 \d{8}-\d{4}$/);
  await expect(homeMsg).toBeVisible();
  const homevisit = (await homeMsg.textContent())!.match(/\d{8}-\d{4}/)![0];
  done.push({ number: homevisit, resolved: false, feedback: null });
  await queue.action('办完').click();
  await expect(queue.message('A002 已办完')).toBeVisible();
  ticketsServed++;
  await expect(queue.today()).toContainText(new RegExp(`${ticketsServed}\\s*已办完`));
  await settled(hall);
  await shot(hall, 'intake-display-A002');

  // 5. A phone call, no ticket: 专人办 for 王建国, assigned to a staff member.
  const shell = new AppShell(desk);
  const requests = new RequestsScreen(desk);
  await shell.menuItem('诉求办理').click();
  form = await requests.openNew();
  await form.findResident('137', '王建国');
  await form.chooseService('民政救助');
  await form.channel('电话');
  await expect(form.modeCard('assigned')).toHaveClass(/ant-radio-wrapper-checked/);
  await form.field('诉求内容').fill('来电咨询低保复核需要哪些材料');
  await form.chooseStaff(STAFF_NAME);
  await settled(desk);
  await shot(desk, 'intake-form-assigned');
  await form.save();
  const drawer = new RequestDrawer(desk);
  await expect(drawer.status()).toHaveText('已分派');
  await expect(drawer.drawer).toContainText(`承办人：${STAFF_NAME}`);
  await expect(drawer.drawer).toContainText('电话');
  const assigned = await drawer.number();
  done.push({ number: assigned, resolved: false, feedback: null });
  await drawer.close();

  // 6. 诉求办理: all three listed; the 上门办 and 专人办 resolved, then feedback on all three.
  await expect(requests.rows()).toHaveCount(3);
  await expect(requests.row(immediate)).toContainText('已办结·待回访');
  await expect(requests.row(homevisit)).toContainText('上门办');
  await expect(requests.row(assigned)).toContainText('专人办');
  await topShot(desk, 'intake-requests-list');
  const mark = (number: string, change: Partial<Done>) => Object.assign(done.find((d) => d.number === number)!, change);

  let d = await requests.open(homevisit);
  await expect(d.drawer).toContainText('号码 A002');
  await expect(d.drawer).toContainText('2 号窗口');
  await d.start();
  await d.resolve('已上门帮办补卡，新卡寄到家');
  mark(homevisit, { resolved: true });
  let fb = await d.feedback('满意', '居民很满意');
  await fb.getByRole('button', { name: '保存回访' }).click();
  await expect(d.status()).toHaveText('已回访·结案');
  mark(homevisit, { feedback: '满意' });
  await d.close();

  d = await requests.open(assigned);
  await d.start();
  await d.resolve('已电话告知所需材料');
  mark(assigned, { resolved: true });
  fb = await d.feedback('不满意', '材料清单没讲清楚');
  await expect(fb.getByTestId('reopen-warning')).toContainText('重新打开');
  await fb.getByRole('button', { name: '保存回访' }).click();
  await expect(d.status()).toHaveText('办理中');
  await expect(d.drawer).toContainText('曾因不满意重新办理 1 次');
  await expect(d.action('回访')).toHaveCount(0);
  mark(assigned, { resolved: false, feedback: '不满意' });
  await expect(desk.locator('.ant-message-notice')).toHaveCount(0); // the toasts cover the drawer's header for 3 s
  await topShot(desk, 'intake-request-reopened');
  await d.close();

  d = await requests.open(immediate);
  await expect(d.drawer).toContainText('号码 A001');
  fb = await d.feedback('基本满意', '办得快');
  await fb.getByRole('button', { name: '保存回访' }).click();
  await expect(d.status()).toHaveText('已回访·结案');
  mark(immediate, { feedback: '基本满意' });
  await d.close();
  await expect(requests.row(assigned)).toContainText('办理中');
  await expect(requests.row(homevisit)).toContainText('已回访·结案');
  await expect(requests.row(immediate)).toContainText('已回访·结案');

  // 7. The centre head's figures for today count exactly this.
  const received = done.length;
  const resolved = done.filter((r) => r.resolved).length;
  const withFeedback = done.filter((r) => r.feedback !== null).length;
  const content = done.filter((r) => r.feedback === '满意' || r.feedback === '基本满意').length;
  const figures = new FiguresScreen(head);
  await new AppShell(head).menuItem('统计报表').click();
  await figures.period('今天');
  await expect(figures.kpi('issued')).toHaveText(String(ticketsIssued));
  await expect(figures.kpi('served')).toHaveText(String(ticketsServed));
  await expect(figures.kpi('received')).toHaveText(String(received));
  await expect(figures.kpi('resolutionRate')).toHaveText(rate(resolved, received));
  await expect(figures.kpi('onTimeRate')).toHaveText(rate(resolved, resolved)); // all resolved the same day, long before due
  await expect(figures.kpi('satisfactionRate')).toHaveText(rate(content, withFeedback));
  await expect(head.getByTestId('kpi-satisfactionRate')).toContainText(`满意及基本满意 ${content} / 回访 ${withFeedback}`);
  await expect(figures.kpi('open')).toHaveText(String(received - resolved));
  await expect(figures.kpi('overdue')).toHaveText('0');
  await expect(figures.chart('mode').locator('canvas')).toBeVisible();
  await topShot(head, 'intake-figures-today');

  // 8. Exported to Excel and read back: the 总览 sheet says the same.
  const download = head.waitForEvent('download');
  await head.getByRole('button', { name: '导出 Excel' }).click();
  const book = await workbookOf(await download);
  const lines = new Map<string, unknown>();
  book.getWorksheet('总览')!.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(lines.get('取号数')).toBe(ticketsIssued);
  expect(lines.get('已办理')).toBe(ticketsServed);
  expect(lines.get('受理诉求')).toBe(received);
  expect(lines.get('已办结')).toBe(resolved);
  expect(lines.get('办结率')).toBeCloseTo(resolved / received, 6);
  expect(lines.get('已回访')).toBe(withFeedback);
  expect(lines.get('满意')).toBe(done.filter((r) => r.feedback === '满意').length);
  expect(lines.get('基本满意')).toBe(done.filter((r) => r.feedback === '基本满意').length);
  expect(lines.get('不满意')).toBe(done.filter((r) => r.feedback === '不满意').length);
  expect(lines.get('满意率')).toBeCloseTo(content / withFeedback, 6);
  expect(lines.get('未办结（截至导出时）')).toBe(received - resolved);
  const byMode = book.getWorksheet('按办理方式')!;
  expect(byMode.getColumn(1).values).toEqual(expect.arrayContaining(['马上办', '上门办', '专人办']));

  // Nothing a resident could be recognised by reached the hall.
  for (const name of ['王建国', '张小芳']) await expect(hall.locator('body')).not.toContainText(name);
});
