import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, shot, startWebHost, stopWebHost, test, topShot, type WebHostProcess } from './fixtures';
import { apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { BackupScreen, RestoreForm } from './pages/BackupScreen';
import { LoginScreen } from './pages/LoginScreen';
import { ResidentsScreen } from './pages/ResidentsScreen';
import { settled } from './pages/settle';

/**
 * Issue 8 in Chromium against two real web hosts: the demo centre backs up to a folder (a USB stick)
 * with a passphrase — a too-short one is refused at the field — and the file appears; 设置 → 从备份恢复
 * checks it and names what a restore would replace; then a new PC's first run restores it (a wrong
 * passphrase first: a plain message, nothing changes), and the demo admin logs in to the demo's data;
 * a restore from 设置 there ends the session and comes back to the login, saying what happened.
 * Scrypt takes a second or more per encrypt/decrypt here, so the waits are long.
 */
const PASSPHRASE = 'U盘备份2026';
const SLOW = { timeout: 60_000 };

test('back up the demo centre to a folder, then restore it on a new PC’s first run', async ({ page, app }) => {
  test.setTimeout(240_000);
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-e2e-stick-'));
  // The automatic backup comes a second after start, so the status card has one to show.
  let demo: WebHostProcess | null = await startWebHost({ demo: true, env: { LIANXIN_BACKUP_DELAY_MS: '1000' } });
  try {
    await page.goto(demo.url);
    await new LoginScreen(page).login('admin', 'demo1234');
    await expect(new AppShell(page).userMenu()).toContainText('王主任');
    const backup = new BackupScreen(page);
    await backup.open();
    await expect(backup.status()).toContainText(/最近一次成功备份：.+ · \d+\.\d MB（自动）/, SLOW);
    await expect(page.getByTestId('backup-kept')).toContainText('每日');
    await expect(backup.status()).toContainText('保留最近 14 份每日备份和 12 份每月备份');
    // No desktop bridge in a browser: no 选择文件夹… button, and a hint to type the path.
    await expect(backup.now().getByRole('button', { name: /选择文件夹/ })).toHaveCount(0);
    await expect(backup.now()).toContainText('在浏览器里请填写这台电脑上的完整路径');

    // A too-short passphrase is refused at the field, before anything is written.
    await backup.backUp(stick, 'short12');
    await expect(backup.nowError('备份密码')).toHaveText('备份密码至少 8 位：备份里有困难家庭的个人信息');
    // Two different ones: the second field says so.
    await backup.backUp(stick, PASSPHRASE, `${PASSPHRASE}x`);
    await expect(backup.nowError('再次输入备份密码')).toHaveText('两次输入的备份密码不一致');
    await settled(page);
    await topShot(page, 'backup-settings-short-passphrase');
    expect(fs.readdirSync(stick)).toEqual([]);

    // A folder that is not there: a plain answer at the folder field.
    await backup.backUp(path.join(stick, '没有这个文件夹'), PASSPHRASE);
    await expect(backup.nowError('备份到哪个文件夹')).toHaveText('找不到这个文件夹：请核对位置（U盘是否插好）', SLOW);

    await backup.backUp(stick, PASSPHRASE);
    const done = page.getByTestId('backup-now-done');
    await expect(done).toContainText('备份完成', SLOW);
    const files = fs.readdirSync(stick);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^连心前台备份-\d{8}-\d{6}\.lxbk$/);
    const file = path.join(stick, files[0]!);
    await expect(done).toContainText(`备份文件：${file}`);
    await expect(done).toContainText(/备份时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await expect(backup.status()).toContainText('（导出）');
    await topShot(page, 'backup-settings-done');

    // What the backup holds, told by the backend: the first run must show the same.
    const { summary } = await apiOk(page, 'backup.inspect', { file, passphrase: PASSPHRASE });
    expect(summary.residents).toBeGreaterThan(100);
    const { rows } = await apiOk(page, 'residents.search', { q: '', limit: 1 });
    const someone = rows[0]!.name;

    // 设置 → 从备份恢复 on the demo centre: both columns, and the confirmation names what would be replaced.
    const restore = new RestoreForm(backup.restore());
    await restore.inspect(file, PASSPHRASE);
    await expect(restore.row('居民')).toContainText(`${summary.residents} 人`, SLOW);
    await expect(restore.summary().locator('thead')).toContainText('当前数据');
    await restore.restoreButton().click();
    const confirm = page.getByTestId('backup-restore-confirm');
    await expect(confirm).toContainText(`当前全部数据（居民 ${summary.residents} 人、诉求 ${summary.requests} 件`);
    await expect(confirm).toContainText('恢复后所有人需重新登录');
    await settled(page);
    await page.screenshot({ path: path.join(__dirname, 'screenshots', 'backup-settings-restore-confirm.png') });
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await expect(confirm).toHaveCount(0);
    await stopWebHost(demo);
    demo = null;

    // A new PC's first run: another host on a fresh data folder (another origin, so no session is shared).
    const fresh = page;
    await fresh.goto(app.url);
    await expect(fresh).toHaveURL(/\/setup$/);
    await fresh.getByText('从备份恢复').click();
    const firstRun = new RestoreForm(fresh.getByTestId('first-run-restore'));
    await expect(firstRun.scope).toContainText('在浏览器里请填写这台电脑上的完整路径');

    // The wrong passphrase: a plain message, nothing shown, nothing changed.
    await firstRun.inspect(file, 'not-the-passphrase');
    await expect(firstRun.error('备份密码')).toHaveText('备份密码不对：请核对密码后再试', SLOW);
    await expect(firstRun.summary()).toHaveCount(0);
    await settled(fresh);
    await shot(fresh, 'backup-first-run-wrong-passphrase');

    await firstRun.inspect(file, PASSPHRASE);
    await expect(firstRun.row('居民')).toContainText(`${summary.residents} 人`, SLOW);
    await expect(firstRun.row('诉求')).toContainText(`${summary.requests} 件`);
    await expect(firstRun.row('爱心卡')).toContainText(`${summary.cards} 张`);
    await expect(firstRun.row('预约')).toContainText(`${summary.appointments} 条`);
    await expect(firstRun.row('账号')).toContainText(`${summary.users} 个`);
    await settled(fresh);
    await shot(fresh, 'backup-first-run-summary');

    // The page starts afresh at the login (a reload: the first run is over, the data is another).
    let reloaded = fresh.waitForEvent('load', SLOW);
    await firstRun.restoreButton().click();
    await reloaded;
    const login = new LoginScreen(fresh);
    await expect(login.heading()).toBeVisible();
    await expect(fresh.getByTestId('login-restored')).toHaveText('已恢复，请用原来的账号登录');
    await settled(fresh);
    await shot(fresh, 'backup-first-run-login');

    await login.login('admin', 'demo1234');
    await expect(new AppShell(fresh).userMenu()).toContainText('王主任');
    await new AppShell(fresh).goTo('居民档案');
    const residents = new ResidentsScreen(fresh);
    await expect(fresh.getByText(`共 ${summary.residents} 人`)).toBeVisible();
    await residents.search(someone);
    await expect(residents.row(someone).first()).toBeVisible();

    // 设置 → 从备份恢复 to the end: every session ends, so the page starts again at the login and says why.
    const settings = new BackupScreen(fresh);
    await settings.open();
    const again = new RestoreForm(settings.restore());
    await again.inspect(file, PASSPHRASE);
    await expect(again.row('账号')).toContainText(`${summary.users} 个`, SLOW);
    await again.restoreButton().click();
    reloaded = fresh.waitForEvent('load', SLOW);
    await fresh.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
    await reloaded;
    await expect(login.heading()).toBeVisible();
    await expect(fresh.getByTestId('login-restored')).toHaveText(/^已恢复为 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 的备份，请重新登录$/);
    await expect(fresh.getByText('登录已过期')).toHaveCount(0);
    await login.login('admin', 'demo1234');
    await expect(new AppShell(fresh).userMenu()).toContainText('王主任');
  } finally {
    if (demo) await stopWebHost(demo);
    fs.rmSync(stick, { recursive: true, force: true });
  }
});
