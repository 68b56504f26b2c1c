import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/rules/workdays';
import { shanghaiDate } from '../../shared/rules/time';
import { skipLateInTheDay, skipOnHoliday } from './pages/dateGuards';
import { expect, test, topShot } from './fixtures';
import { apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { fieldError } from './pages/forms';
import { AppointmentsScreen } from './pages/AppointmentsScreen';
import { openPage, slips } from './pages/browsers';
import { LoginScreen } from './pages/LoginScreen';
import { QueueScreen } from './pages/QueueScreen';
import { settled } from './pages/settle';
import { signedInAdmin } from './pages/signIn';

/**
 * Station appointments as the desk and the station's duty worker use them: an elderly resident is
 * booked for a haircut on the phone and a slip printed; at the station she is checked in and called
 * before a walk-in who came earlier; the haircut is completed with an outcome. Also what must not
 * happen: a full slot offered, a resident booked twice at one time; and a cancellation with its reason.
 *
 * The centre is set up through the API (a fresh one, nothing random), its stations open all day every
 * day so that "today" always has slots left whenever the test runs (except in the last hour and a half
 * of a Shanghai day, or on a public holiday of the bundled calendar).
 */

const DESK = { username: 'qiantai', password: 'Desk2026x', displayName: '李前台' };
const ALL_DAY = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { open: '00:00', close: '23:59' }]));

/** The printed slip, put back on the screen for a picture of what the 80 mm paper shows. */
async function slipShot(page: Page, name: string) {
  await page.evaluate(() => {
    const html = (window as unknown as { __slipHtml: string }).__slipHtml;
    document.body.insertAdjacentHTML('beforeend', html.replace('id="lianxin-slip"', 'id="slip-preview" style="background:#fff;padding:12px;position:fixed;left:0;top:0;z-index:9999"'));
  });
  const dir = path.resolve(__dirname, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.locator('#slip-preview').screenshot({ path: path.join(dir, `${name}.png`) });
  await page.evaluate(() => document.getElementById('slip-preview')?.remove());
}

/** What the worker sees on the screen right now (a dialog over the page), not the whole scrolled page. */
async function viewShot(page: Page, name: string) {
  await settled(page);
  const dir = path.resolve(__dirname, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** 打印名单: the A4 sheet as it goes to the printer, put back on the screen for a picture. */
async function sheetShot(page: Page, name: string) {
  await page.evaluate(() => {
    const w = window as unknown as { __sheetHtml: string };
    window.print = () => {
      w.__sheetHtml = document.getElementById('lianxin-call-sheet')?.innerHTML ?? '';
    };
  });
  await page.getByRole('button', { name: '打印名单' }).click();
  await page.evaluate(() => {
    const html = (window as unknown as { __sheetHtml: string }).__sheetHtml;
    document.body.insertAdjacentHTML('beforeend', `<div id="sheet-preview" style="background:#fff;padding:40px;width:720px;position:fixed;left:0;top:0;z-index:9999">${html}</div>`);
  });
  await expect(page.locator('#sheet-preview')).toContainText('电话提醒名单');
  const dir = path.resolve(__dirname, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.locator('#sheet-preview').screenshot({ path: path.join(dir, `${name}.png`) });
  await page.evaluate(() => document.getElementById('sheet-preview')?.remove());
}

async function setUpCentre(admin: Page) {
  const haircut = await apiOk(admin, 'services.save', { category: '便民服务', name: '理发', prefix: 'H', defaultMode: 'immediate', timeLimitDays: 0 });
  const donghu = await apiOk(admin, 'stations.save', { name: '东湖驿站', address: '东湖路 12 号一楼', hours: ALL_DAY, closedDates: [] });
  const xihu = await apiOk(admin, 'stations.save', { name: '西湖驿站', address: '西湖路 3 号', hours: ALL_DAY, closedDates: [] });
  const atDonghu = await apiOk(admin, 'stationServices.save', { stationId: donghu.id, serviceId: haircut.id, slotMinutes: 20, capacity: 1 });
  await apiOk(admin, 'stationServices.save', { stationId: xihu.id, serviceId: haircut.id, slotMinutes: 20, capacity: 1 });
  const wang = await apiOk(admin, 'residents.create', { name: '王秀英', gender: 'F', birthDate: '1941-05-06', phone: '13912345678' });
  const li = await apiOk(admin, 'residents.create', { name: '李建国', gender: 'M', birthDate: '1950-09-01', phone: '13800005678' });
  await apiOk(admin, 'users.create', { ...DESK, role: 'desk' });
  return { haircut, donghu, xihu, atDonghu, wang, li };
}

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await new LoginScreen(page).login(DESK.username, DESK.password);
  await expect(page).toHaveURL(/\/queue/);
}

test('book on the phone → slip → check in at the station → called before a walk-in → completed', async ({ browser, app }) => {
  test.setTimeout(180_000);
  skipOnHoliday(shanghaiDate(Date.now()), 'today');
  skipLateInTheDay(22);
  const admin = await openPage(browser);
  await signedInAdmin(admin, app.url);
  const centre = await setUpCentre(admin);
  const today = shanghaiDate(Date.now());
  const tomorrow = addDays(today, 1);

  // The settings tab, as the admin sees it.
  await admin.goto(`${app.url}/settings?tab=appointments`);
  await expect(admin.locator('.appt-settings-table')).toContainText('东湖驿站');
  await expect(admin.getByLabel('最多提前几天预约')).toHaveValue('30');
  await topShot(admin, 'appointments-settings');
  // Offering 理发 at 西湖驿站 a second time is refused at the field, in words.
  await admin.getByRole('button', { name: '开通预约服务' }).click();
  const offer = admin.getByRole('dialog').filter({ hasText: '开通预约服务' });
  const settings = new AppointmentsScreen(admin);
  await settings.pick(offer, '驿站', '西湖驿站');
  await settings.pick(offer, '服务', '理发');
  await offer.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(offer, '服务')).toHaveText('这个驿站已经开通了这项预约服务，请在列表里编辑它');
  await viewShot(admin, 'appointments-settings-duplicate');
  await offer.getByRole('button', { name: '取消' }).click();

  // The desk takes the phone call: 理发 → 东湖驿站 → today → the first free slot → 王秀英.
  const desk = await openPage(browser);
  await signIn(desk, app.url);
  await desk.goto(`${app.url}/appointments`);
  const appts = new AppointmentsScreen(desk);
  await appts.chooseService('理发');
  await appts.chooseStation('东湖驿站');
  await appts.chooseDay(today);
  const time = await appts.chooseFreeSlotAhead();
  await appts.findResident('wxy', '王秀英');
  await expect(appts.residentBookings()).toHaveCount(0);
  await expect(appts.booking()).toContainText(`理发 · 东湖驿站`);
  await topShot(desk, 'appointments-booking');
  await appts.confirmButton().click();

  // The slip: printed at once and shown in the dialog.
  await expect(appts.doneDialog()).toBeVisible();
  const number = ((await appts.doneDialog().locator('.appt-slip-number').textContent()) ?? '').trim();
  expect(number).not.toBe('');
  await expect.poll(() => slips(desk)).toHaveLength(1);
  const slip = (await slips(desk))[0]!;
  expect(slip).toContain(number);
  expect(slip).toContain('王秀英');
  expect(slip).toContain('服务：理发');
  expect(slip).toContain('地点：东湖驿站');
  expect(slip).toContain('地址：东湖路 12 号一楼');
  expect(slip).toMatch(new RegExp(`\\d{4}年\\d{1,2}月\\d{1,2}日 星期. ${time}`));
  expect(slip).toContain('请提前 10 分钟到达');
  expect(slip).not.toContain('13912345678');
  await viewShot(desk, 'appointments-booked-dialog');
  await slipShot(desk, 'appointments-slip');
  await desk.getByRole('button', { name: '继续预约' }).click();

  // Bad paths. The slot just taken (capacity 1) is offered no more: greyed, 已满.
  await expect(appts.slot(time)).toBeDisabled();
  await expect(appts.slot(time)).toContainText('已满');
  // The same resident at the same time at the other station: the hint shows, the backend refuses.
  await appts.chooseStation('西湖驿站');
  await appts.chooseDay(today);
  await appts.slot(time).click();
  await appts.findResident('wxy', '王秀英');
  await expect(appts.residentBookings()).toContainText('已有预约');
  await expect(appts.residentBookings()).toContainText('东湖驿站');
  await appts.confirmButton().click();
  const refusal = appts.booking().locator('.ant-alert-error');
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('已有预约');
  await topShot(desk, 'appointments-double-booking');

  // 李建国 is booked for tomorrow morning (he will cancel from the day view).
  await apiOk(admin, 'appointments.book', { stationServiceId: centre.atDonghu.id, day: tomorrow, startMinute: 600, residentId: centre.li.id });

  // A walk-in for the same service takes a number BEFORE she checks in.
  const walkIn = await apiOk(admin, 'queue.issue', { serviceId: centre.haircut.id, priorityReason: null, residentId: null });

  // At the station on the day: the day view, 签到 gives her a queue number.
  await appts.view('日视图');
  await appts.pick(desk, '驿站', '东湖驿站');
  await expect(appts.bookingCard(number)).toContainText('王秀英');
  await expect(appts.capacityUse()).toContainText('已约 1');
  await topShot(desk, 'appointments-day-view');
  // She hands over her slip: its number finds her booking (from another day, the view turns to hers).
  await desk.getByRole('button', { name: '后一天' }).click();
  await desk.getByLabel('输入预约号查找').fill(number.toLowerCase());
  await desk.getByLabel('输入预约号查找').press('Enter');
  await expect(appts.bookingCard(number)).toHaveClass(/is-marked/);
  await appts.act(number, '签到');
  await expect(appts.message(/王秀英 已签到，排队号 H\d{3}/)).toBeVisible();
  await expect(appts.bookingCard(number)).toContainText('已签到');
  await desk.getByText('只看有预约的时段').click();
  await expect(desk.locator('.appt-day-slot')).toHaveCount(1);
  await topShot(desk, 'appointments-day-view-booked-only');
  const ticket = ((await appts.bookingCard(number).locator('.appt-booking-ticket').textContent()) ?? '').replace('排队号', '').trim();
  expect(ticket).not.toBe(walkIn.ticket.number);

  // The counter calls next: her appointment ticket comes before the walk-in's earlier number.
  await desk.goto(`${app.url}/queue`);
  const queue = new QueueScreen(desk);
  await queue.chooseCounter(1);
  await queue.openCounter();
  await queue.action('下一位').click();
  await expect(queue.currentNumber()).toHaveText(ticket);
  await expect(queue.current()).toContainText('预约');
  await topShot(desk, 'appointments-called-first');
  await queue.action('办完').click();
  await expect(queue.message(`${ticket} 已办完`)).toBeVisible();

  // Back at the day view: completed with what was done.
  await desk.goto(`${app.url}/appointments`);
  await expect(desk.locator('.appt-views .ant-segmented-item-selected')).toHaveText('日视图');
  await appts.act(number, '完成');
  const done = appts.dialog('完成：王秀英');
  await done.getByRole('button', { name: '完成', exact: true }).click();
  await expect(done.locator('.ant-form-item-explain-error')).toHaveText('请写下办理结果');
  await done.getByLabel('办理结果').fill('已理发，下月同一时间再约');
  await done.getByRole('button', { name: '完成', exact: true }).click();
  await expect(appts.message(`${number} 已完成`)).toBeVisible();
  await expect(appts.bookingCard(number)).toContainText('已完成');
  await expect(appts.bookingCard(number)).toContainText('已理发');

  // Tomorrow: 李建国's booking, cancelled with a reason; his place is free again.
  await desk.getByRole('button', { name: '后一天' }).click();
  const liCard = desk.locator('[data-testid="appt-booking"]').filter({ hasText: '李建国' });
  await expect(liCard).toBeVisible();
  const liNumber = (await liCard.getAttribute('data-number'))!;
  await appts.act(liNumber, '取消');
  const cancel = appts.dialog('取消预约：李建国');
  await cancel.getByLabel('原因').fill('居民来电说身体不适');
  await viewShot(desk, 'appointments-cancel');
  await cancel.getByRole('button', { name: '确认取消预约' }).click();
  await expect(appts.message(`${liNumber} 已取消`)).toBeVisible();
  await expect(appts.bookingCard(liNumber)).toHaveCount(0);
  const liBookings = await apiOk(admin, 'appointments.forResident', { residentId: centre.li.id });
  const liBooking = [...liBookings.upcoming, ...liBookings.past].find((a) => a.number === liNumber)!;
  const cancelled = await apiOk(admin, 'appointments.get', { id: liBooking.id });
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.cancelReason).toBe('居民来电说身体不适');

  // The week and the call list.
  await appts.view('周视图');
  await expect(appts.weekTable()).toContainText('理发');
  await topShot(desk, 'appointments-week-view');
  await apiOk(admin, 'appointments.book', { stationServiceId: centre.atDonghu.id, day: tomorrow, startMinute: 620, residentId: centre.wang.id });
  await appts.view('电话提醒');
  await expect(appts.callRows()).toHaveCount(1);
  await expect(appts.callRows().first()).toContainText('王秀英');
  await expect(appts.callRows().first()).toContainText('139 1234 5678');
  await appts.callRows().first().getByRole('checkbox').check();
  await expect(desk.locator('.appt-calls')).toContainText('已提醒 1 / 1');
  await topShot(desk, 'appointments-call-list');
  await sheetShot(desk, 'appointments-call-sheet');

  // She asks to come later that morning: 改约 in the day view, a new number, the old one 已改约.
  await appts.view('日视图');
  const wangTomorrow = desk.locator('[data-testid="appt-booking"]').filter({ hasText: '王秀英' });
  const oldNumber = (await wangTomorrow.getAttribute('data-number'))!;
  await appts.act(oldNumber, '改约');
  const move = appts.dialog('改约：王秀英');
  await expect(move.locator('.appt-slot[data-start="10:20"]')).toBeDisabled();
  await move.locator('.appt-slot[data-start="11:00"]').click();
  await move.getByLabel('改约原因').fill('那天上午要去医院复查');
  await viewShot(desk, 'appointments-reschedule');
  await move.getByRole('button', { name: '确认改约' }).click();
  await expect(appts.message(/已改约到 \d{4}年\d{1,2}月\d{1,2}日 星期. 11:00，新预约号/)).toBeVisible();
  await expect(appts.bookingCard(oldNumber)).toHaveCount(0);
  await expect(desk.locator('[data-testid="appt-booking"]').filter({ hasText: '王秀英' })).toHaveCount(1);
});

test('the demo centre: a busy station day, the week, tomorrow’s call list; duty staff get no phone list', async ({ browser, demoApp }) => {
  const desk = await openPage(browser);
  await desk.goto(demoApp.url);
  await new LoginScreen(desk).login('qiantai', 'demo1234');
  await expect(desk).toHaveURL(/\/queue/);
  await desk.goto(`${demoApp.url}/appointments`);
  const appts = new AppointmentsScreen(desk);
  await appts.chooseService('理发');
  await expect(desk.locator('#appt-stations .ant-radio-button-wrapper').first()).toBeVisible();
  await desk.locator('#appt-stations .ant-radio-button-wrapper').first().click();
  await expect(desk.locator('.appt-calendar .appt-day-mark.is-free').first()).toBeVisible();
  await topShot(desk, 'appointments-demo-booking');

  await appts.view('日视图');
  await expect(desk.getByTestId('appt-day-column').first()).toBeVisible();
  await topShot(desk, 'appointments-demo-day');
  await appts.view('周视图');
  await expect(appts.weekTable().locator('.appt-week-cell').first()).toBeVisible();
  await topShot(desk, 'appointments-demo-week');
  await appts.view('电话提醒');
  await expect(appts.callRows().first()).toBeVisible();
  await expect(desk.locator('.appt-calls .appt-calls-phone').first()).toHaveText(/^1[3-9]\d \d{4} \d{4}$/);
  await topShot(desk, 'appointments-demo-calls');

  // The station's duty worker books and checks in, but never sees the phone list.
  const duty = await openPage(browser);
  await duty.goto(demoApp.url);
  await new LoginScreen(duty).login('zhiban', 'demo1234');
  await expect(new AppShell(duty).userMenu()).toBeVisible();
  await duty.goto(`${demoApp.url}/appointments`);
  await expect(duty.locator('.appt-views')).toContainText('日视图');
  await expect(duty.locator('.appt-views')).not.toContainText('电话提醒');
});
