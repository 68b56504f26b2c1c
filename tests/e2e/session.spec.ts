import { ADMIN, signedInAdmin } from './pages/signIn';
import { expect, shot, test } from './fixtures';
import { settled } from './pages/settle';
import { apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { fieldError } from './pages/forms';
import { LockScreen } from './pages/LockScreen';
import { LoginScreen } from './pages/LoginScreen';
import { ResidentsScreen } from './pages/ResidentsScreen';



test('lock and unlock: the button, a wrong password, the backend’s own lock, leaving from the lock screen', async ({ page, app }) => {
  const shell = new AppShell(page);
  const lock = new LockScreen(page);
  await signedInAdmin(page, app.url);

  await shell.lock();
  await expect(lock.overlay()).toBeVisible();
  await expect(lock.overlay()).toContainText('陈书记（管理员）已锁定屏幕');
  await expect(lock.overlay().getByLabel('密码')).toBeFocused();
  await lock.unlock('wrong-pass1');
  await expect(lock.passwordError()).toHaveText(['密码不对，请重新输入']);
  await settled(page);
  await shot(page, 'lock-screen');
  await lock.unlock(ADMIN.password);
  await expect(lock.overlay()).toBeHidden();

  await apiOk(page, 'session.lock', {});
  await new ResidentsScreen(page).search('zxf');
  await expect(lock.overlay()).toBeVisible();
  await lock.unlock(ADMIN.password);
  await expect(lock.overlay()).toBeHidden();

  await shell.lock();
  await lock.overlay().getByRole('button', { name: '不是本人？退出登录' }).click();
  await expect(new LoginScreen(page).heading()).toBeVisible();
});

test('the screen locks itself after the idle time, over an open form, and unlocks from the keyboard', async ({ page, app }) => {
  await page.clock.install();
  await signedInAdmin(page, app.url);
  const form = await new ResidentsScreen(page).openAdd();
  await form.field('姓名').fill('未保存的名字');
  await page.clock.fastForward('09:00');
  await expect(new LockScreen(page).overlay()).toBeHidden();
  await page.clock.fastForward('01:30');
  await expect(new LockScreen(page).overlay()).toBeVisible();
  expect((await apiOk(page, 'session.get', {})).locked).toBe(true);
  await expect(page.getByText('未保存的名字')).toBeHidden();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(new LockScreen(page).overlay()).toBeHidden();
  await expect(form.field('姓名')).toHaveValue('未保存的名字');
});

test('an expired session goes back to the login with a message', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  await apiOk(page, 'session.logout', {});
  // The app learns it at its next call to the backend: a search it has not cached (a menu click
  // may be served from the cache and call nothing). A refresh of its own may get there first and
  // take the search box away.
  await new ResidentsScreen(page).searchBox().fill('未缓存的查询', { timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByText('登录已过期，请重新登录。')).toBeVisible();
  await expect(new LoginScreen(page).heading()).toBeVisible();
});

test('login: wrong password, lockout after five, disabled account', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  await apiOk(page, 'users.create', { username: 'qiantai', displayName: '李前台', role: 'desk', password: 'Desk2026x' });
  await new AppShell(page).logout();
  const login = new LoginScreen(page);
  await login.login('qiantai', 'nope12345');
  await expect(login.passwordError()).toHaveText(['用户名或密码错误']);
  await expect(page.getByLabel('密码')).toBeFocused();
  await settled(page);
  await shot(page, 'login-wrong-password');
  for (let i = 0; i < 4; i++) {
    await login.login('qiantai', 'nope12345');
    await expect(login.passwordError()).toHaveCount(1);
  }
  await expect(login.passwordError()).toHaveText([/^密码错误次数过多，账号已锁定，请 15 分钟后再试/]);
  await login.login('qiantai', 'Desk2026x');
  await expect(login.passwordError()).toHaveText([/^密码错误次数过多/]);
  await settled(page);
  await shot(page, 'login-locked-out');
});

test('change password from the user menu', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  const shell = new AppShell(page);
  const dialog = page.getByRole('dialog').filter({ hasText: '修改密码' });
  await shell.chooseFromUserMenu('修改密码', dialog);
  await dialog.getByLabel('当前密码').fill('wrong-old1');
  await dialog.getByLabel('新密码').fill('short');
  await dialog.getByLabel('再次输入密码').fill('short');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(dialog, '新密码')).toHaveText(['密码至少 8 位']);
  await dialog.getByLabel('新密码').fill('Newpass2026');
  await dialog.getByLabel('再次输入密码').fill('Newpass2026');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(dialog, '当前密码')).toHaveText(['密码不对，请重新输入']);
  await settled(page);
  await shot(page, 'change-password-error');
  await dialog.getByLabel('当前密码').fill(ADMIN.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('密码已修改')).toBeVisible();
  await shell.logout();
  await new LoginScreen(page).login(ADMIN.username, 'Newpass2026');
  await expect(shell.userMenu()).toContainText(ADMIN.displayName);
});

test('a partner verifier sees the till, not the staff menu', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  await apiOk(page, 'users.create', { username: 'shanghu', displayName: '爱心超市收银', role: 'partner', password: 'Shop2026x' });
  await new AppShell(page).logout();
  await new LoginScreen(page).login('shanghu', 'Shop2026x');
  await expect(page.getByRole('heading', { name: '核验收银' })).toBeVisible();
  await expect(page.locator('.side-menu .ant-menu-item')).toHaveText(['核验收银', '消费记录', '送货上门', '数据包']);
  // a staff screen typed into the address bar is not for a partner's cashier
  await page.goto(`${app.url}/residents`);
  await expect(page).toHaveURL(/\/verify$/);
  await settled(page);
  await shot(page, 'partner-home');
  await page.getByRole('button', { name: '退出' }).click();
  await expect(new LoginScreen(page).heading()).toBeVisible();
});
