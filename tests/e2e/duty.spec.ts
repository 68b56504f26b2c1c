import { expect, shot, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { apiOk } from './pages/api';
import { CheckinScreen } from './pages/CheckinScreen';
import { LoginScreen } from './pages/LoginScreen';
import { settled } from './pages/settle';
import { signedInAdmin } from './pages/signIn';

const shanghaiNow = () => new Date(Date.now() + 8 * 3600_000);
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const ALL_DAY = { open: '00:00', close: '23:59' };

test('a planned shift → wrong PIN refused in words → check-in with the PIN pad → on duty at the desk → check-out → the month', async ({ page, browser, app }) => {
  test.setTimeout(150_000);
  await signedInAdmin(page, app.url);

  // The rota: today at 东湖驿站, a shift around now for 王小梅 and 李建国.
  const now = shanghaiNow();
  const today = now.toISOString().slice(0, 10);
  const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
  const start = Math.max(0, Math.min(minute - 30, 1440 - 240)) - (Math.max(0, Math.min(minute - 30, 1440 - 240)) % 5);
  const hours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ALL_DAY]));
  const station = await apiOk(page, 'stations.save', { name: '东湖驿站', address: '东湖路1号', hours });
  const shift = await apiOk(page, 'rota.shifts.save', { stationId: station.id, name: '值班', start: hhmm(start), end: hhmm(start + 240), minStaff: 1, weekdays: [1, 2, 3, 4, 5, 6, 7] });
  for (const [name, pin] of [['王小梅', '4826'], ['李建国', '7391']] as const) {
    const s = await apiOk(page, 'staff.save', { name, roles: ['网格员'], stationIds: [station.id] });
    await apiOk(page, 'staff.setPin', { id: s.id, pin });
    await apiOk(page, 'rota.assign', { day: today, shiftId: shift.id, staffId: s.id });
  }
  await apiOk(page, 'users.create', { username: 'zhiban', displayName: '值班电脑', role: 'duty', password: 'Duty2026x' });

  // The station's PC, signed in as 值班人员: choose the station once, then the names as tiles.
  const stationPc = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await stationPc.goto(app.url);
  await new LoginScreen(stationPc).login('zhiban', 'Duty2026x');
  await new AppShell(stationPc).menuItem(/签到签退/).click();
  const checkin = new CheckinScreen(stationPc);
  await checkin.chooseStation('东湖驿站');
  await expect(checkin.tile('王小梅')).toContainText('未签到');
  await settled(stationPc);
  await shot(stationPc, 'duty-checkin-board');

  // A wrong PIN: refused with the tries left, nothing recorded.
  await checkin.punch('李建国', '0000', '签到');
  await expect(stationPc.getByTestId('pin-error')).toContainText('PIN 不正确，还可以再试 4 次');
  await expect(stationPc.getByTestId('pin-dots')).not.toContainText('0');
  await settled(stationPc);
  await shot(stationPc, 'duty-wrong-pin');
  await checkin.pad().getByRole('button', { name: /取\s?消/ }).click();

  // The right PIN: a big green confirmation.
  await checkin.punch('王小梅', '4826', '签到');
  await expect(checkin.done()).toContainText('王小梅');
  await expect(checkin.done()).toContainText('签到成功');
  await expect(checkin.done()).toContainText('东湖驿站');
  await settled(stationPc);
  await shot(stationPc, 'duty-checked-in');
  await checkin.done().getByRole('button', { name: /好\s?的/ }).click();
  await expect(checkin.tile('王小梅')).toContainText(/已签到|迟到/);

  // At the desk: 在岗人员 shows her.
  await new AppShell(page).menuItem(/叫号/).click();
  const onDuty = page.getByTestId('on-duty-panel');
  await expect(onDuty).toContainText('东湖驿站');
  await expect(onDuty).toContainText('王小梅');
  await expect(onDuty).not.toContainText('李建国');
  await settled(page);
  await shot(page, 'duty-on-duty-desk');

  // A second check-in is refused in words; then the check-out.
  await checkin.punch('王小梅', '4826', '签到');
  await expect(stationPc.getByTestId('pin-error')).toContainText('已于');
  await checkin.pad().getByRole('button', { name: /取\s?消/ }).click();
  await checkin.punch('王小梅', '4826', '签退');
  await expect(checkin.done()).toContainText('签退成功');
  await settled(stationPc);
  await shot(stationPc, 'duty-checked-out');
  await checkin.done().getByRole('button', { name: /好\s?的/ }).click();
  await expect(checkin.tile('王小梅')).toContainText('已签退');
  await expect(onDuty).toContainText('此刻没有人签到在岗');

  // The month: her shift and her attendance.
  await new AppShell(page).menuItem(/考勤统计/).click();
  const table = page.getByTestId('attendance-table');
  await expect(table).toContainText('王小梅');
  await expect(table).toContainText('李建国');
  await settled(page);
  await shot(page, 'duty-attendance');
  const download = page.waitForEvent('download');
  await page.getByTestId('attendance-export').click();
  expect((await download).suggestedFilename()).toMatch(/^考勤统计-\d{4}年\d{1,2}月\.xlsx$/);

  // The rules, for the admin.
  await page.getByTestId('duty-rules').click();
  const rules = page.getByRole('dialog', { name: '签到规则' });
  await expect(rules.getByLabel('迟到宽限')).toHaveValue('5');
  await settled(page);
  await shot(page, 'duty-rules');
  await rules.getByLabel('迟到宽限').fill('10');
  await rules.getByRole('button', { name: /保\s?存/ }).click();
  await expect(rules).toBeHidden();
  expect((await apiOk(page, 'duty.rules.get', {})).lateGraceMinutes).toBe(10);
});

test('a badge from 设置 → 工作人员, printed at card size; scanned at the station it checks in, scanned again it checks out', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  const hours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), ALL_DAY]));
  const station = await apiOk(page, 'stations.save', { name: '西苑驿站', address: '西苑街2号', hours });
  await apiOk(page, 'staff.save', { name: '王小梅', roles: ['网格员'], stationIds: [station.id] });
  await new AppShell(page).goTo('系统设置');
  await page.getByRole('tab', { name: '工作人员' }).click();
  await page.getByRole('row', { name: /王小梅/ }).getByRole('button', { name: /工\s?牌/ }).click();
  const face = page.getByTestId('badge-face');
  await expect(face).toContainText('王小梅');
  await expect(face).toContainText('工作证');
  const code = (await face.locator('[data-qr-text]').getAttribute('data-qr-text'))!;
  expect(code).toMatch(/^LXS1:/);
  await settled(page);
  await shot(page, 'duty-badge');
  await page.keyboard.press('Escape');

  // A USB scanner types the code and Enter, fast: no shift today, so an unscheduled presence.
  await new AppShell(page).menuItem(/签到签退/).click();
  const checkin = new CheckinScreen(page);
  await checkin.chooseStation('西苑驿站');
  await expect(page.getByTestId('checkin-station-name')).toHaveText('西苑驿站');
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(checkin.done()).toContainText('签到成功');
  await expect(checkin.done()).toContainText('非排班');
  await checkin.done().getByRole('button', { name: /好\s?的/ }).click();
  await expect(page.getByText('非排班到岗')).toBeVisible();
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(checkin.done()).toContainText('签退成功');
});
