import type { Locator, Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';

/**
 * The admin's settings screens and the audit log, clicked through as the centre head would:
 * accounts, the service catalogue, stations, staff PINs, the holiday calendar, then the audit trail.
 */

/** A button's name: antd puts a space between two Chinese characters (取 消, 保 存). */
const b = (text: string) => new RegExp([...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'));

/** The settings screens, one method per thing the admin does there. */
class SettingsScreen {
  constructor(readonly page: Page) {}

  /** Logs in as the demo admin, then opens `path` (the login keeps the path, not the ?tab= query). */
  async login(baseUrl: string, path = '/settings') {
    await this.page.goto(`${baseUrl}/login`);
    await this.page.getByLabel('用户名').fill('admin');
    await this.page.getByLabel('密码').fill('demo1234');
    await this.page.getByRole('button', { name: b('登录') }).click();
    await expect(this.page).not.toHaveURL(/\/login/);
    await this.page.goto(`${baseUrl}${path}`);
  }

  async openTab(name: string) {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name, selected: true })).toBeVisible();
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByText(title) });
  }

  row(text: string | RegExp): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  /** The message antd shows under a form field (the field's own error line). */
  fieldError(scope: Locator, text: string | RegExp): Locator {
    return scope.locator('.ant-form-item-explain-error').filter({ hasText: text });
  }

  /** Picks an option and waits until the select shows it (a click during the dropdown's opening animation can be lost). */
  async pickOption(scope: Locator, label: string, option: string) {
    const field = scope.locator('.ant-form-item').filter({ has: this.page.locator('.ant-form-item-label').getByText(label, { exact: true }) });
    const dropdown = this.page.locator('.ant-select-dropdown:visible');
    // On a loaded machine the dropdown opens slowly: open it only if it is not open (a second click would
    // close it) and never click an option already taken (in a multi-select that would drop it again).
    await expect(async () => {
      if ((await field.textContent())?.includes(option)) return;
      if ((await dropdown.count()) === 0) await scope.getByLabel(label).click();
      await dropdown.getByTitle(option, { exact: true }).click({ timeout: 5_000 });
      await expect(field).toContainText(option, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  }

  /** A searchable select: type to narrow the list, Enter takes the match. */
  async searchOption(scope: Locator, label: string, option: string) {
    await scope.getByLabel(label).fill(option);
    await expect(this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true })).toBeVisible();
    await this.page.keyboard.press('Enter');
  }
}

test.describe('settings (admin)', () => {
  test('centre settings and accounts: create a desk user, the last admin is kept', async ({ page, demoApp }) => {
    test.slow(); // a long walk through two screens and four dialogs: on a loaded machine it passes a minute
    const s = new SettingsScreen(page);
    await s.login(demoApp.url);
    await expect(page.getByLabel('中心名称')).toHaveValue(/服务中心/);
    await shot(page, 'settings-centre');

    // A bad centre code is refused at the field.
    await page.getByLabel('中心编码').fill('幸福');
    await page.getByRole('button', { name: b('保存设置') }).click();
    await expect(s.fieldError(page.locator('form'), '中心编码只能是 2–20 位字母或数字')).toBeVisible();
    await page.getByLabel('中心编码').fill('XF01');
    await page.getByRole('button', { name: b('保存设置') }).click();
    await expect(page.getByText('中心设置已保存')).toBeVisible();

    await s.openTab('账号管理');
    await expect(page).toHaveURL(/tab=users/);
    await expect(s.row('admin')).toBeVisible();
    await shot(page, 'settings-users');

    await page.getByRole('button', { name: b('新建账号') }).click();
    const create = s.dialog('新建账号');
    await create.getByLabel('用户名（登录用）').fill('qiantai2');
    await create.getByLabel('姓名').fill('李前台');
    // The role defaults to 前台; passwords must match and be strong enough.
    await create.getByLabel('密码', { exact: true }).fill('abc12345');
    await create.getByLabel('再输入一次').fill('abc12346');
    await create.getByRole('button', { name: b('建立账号') }).click();
    await expect(s.fieldError(create, '两次输入的密码不一致')).toBeVisible();
    await create.getByLabel('再输入一次').fill('abc12345');
    await shot(page, 'settings-users-create');
    await create.getByRole('button', { name: b('建立账号') }).click();
    await expect(create).toBeHidden();
    await expect(s.row('qiantai2')).toContainText('李前台');
    await expect(s.row('qiantai2')).toContainText('前台');
    await expect(s.row('qiantai2')).toContainText('启用');

    // Five wrong passwords lock the new account; the admin sees until when, and lifts it.
    for (let i = 0; i < 5; i++) {
      await page.request.post(`${demoApp.url}/api/session.login`, { data: { username: 'qiantai2', password: 'wrong-pass1' } });
    }
    await page.reload();
    await expect(s.row('qiantai2')).toContainText(/锁定至 (\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}/);
    await shot(page, 'settings-users-locked');
    await s.row('qiantai2').getByRole('button', { name: b('解除锁定') }).click();
    await page.getByRole('tooltip').getByRole('button', { name: b('解除锁定') }).click();
    await expect(page.getByText('已解除“李前台”的登录锁定')).toBeVisible();
    await expect(s.row('qiantai2')).toContainText('启用');

    // A username already taken comes back from the backend and is shown at the field.
    await page.getByRole('button', { name: b('新建账号') }).click();
    await create.getByLabel('用户名（登录用）').fill('qiantai2');
    await create.getByLabel('姓名').fill('重复');
    await create.getByLabel('密码', { exact: true }).fill('abc12345');
    await create.getByLabel('再输入一次').fill('abc12345');
    await create.getByRole('button', { name: b('建立账号') }).click();
    await expect(s.fieldError(create, '该用户名已被使用')).toBeVisible();
    await create.getByRole('button', { name: b('取消') }).click();

    // The only admin cannot be turned into a desk clerk: the backend says so at the role field.
    await s.row(/^admin/).getByRole('button', { name: b('编辑') }).click();
    const edit = s.dialog('编辑账号');
    await s.pickOption(edit, '角色', '前台');
    await edit.getByRole('button', { name: b('保存') }).click();
    await expect(s.fieldError(edit, '至少要保留一个启用的管理员账号')).toBeVisible();
    await shot(page, 'settings-users-last-admin');
    await edit.getByRole('button', { name: b('取消') }).click();
  });

  test('services: a bad or taken ticket letter is shown at the field', async ({ page, demoApp }) => {
    const s = new SettingsScreen(page);
    await s.login(demoApp.url, '/settings?tab=services');
    await expect(s.row('社保医保')).toContainText('马上办');
    await expect(s.row('社保医保')).toContainText('3 个工作日');
    await shot(page, 'settings-services');

    await s.row('法律咨询').getByRole('button', { name: b('编辑') }).click();
    const dlg = s.dialog('编辑服务事项');
    const prefix = dlg.getByLabel('取号字母');
    await prefix.fill('1');
    await dlg.getByRole('button', { name: b('保存') }).click();
    await expect(s.fieldError(dlg, '取号字母只能是一个英文字母')).toBeVisible();

    // "a" is turned into "A", which 社保医保 already uses: refused by the backend, shown at the field.
    await prefix.fill('a');
    await expect(prefix).toHaveValue('A');
    await dlg.getByRole('button', { name: b('保存') }).click();
    await expect(s.fieldError(dlg, '该取号字母已被“社保医保”使用')).toBeVisible();
    await shot(page, 'settings-services-prefix-taken');

    await prefix.fill('L');
    await dlg.getByLabel('办理时限').fill('10');
    await dlg.getByRole('button', { name: b('保存') }).click();
    await expect(dlg).toBeHidden();
    await expect(s.row('法律咨询')).toContainText('L');
    await expect(s.row('法律咨询')).toContainText('10 个工作日');
  });

  test('stations: closing before opening is refused; a new station is saved', async ({ page, demoApp }) => {
    const s = new SettingsScreen(page);
    await s.login(demoApp.url, '/settings?tab=stations');
    await expect(s.row('北岸驿站')).toContainText('周日 休息');
    await shot(page, 'settings-stations');

    await page.getByRole('button', { name: b('添加驿站') }).click();
    const dlg = s.dialog('添加驿站');
    await dlg.getByLabel('驿站名称').fill('幸福里驿站');
    await dlg.getByLabel('地址').fill('幸福路12号');
    const close = dlg.getByLabel('周一关门时间');
    await close.click();
    await close.fill('07:30');
    // Enter takes the typed time; it does not save the dialog.
    await close.press('Enter');
    await expect(close).toHaveValue('07:30');
    await dlg.getByRole('button', { name: b('保存') }).click();
    await expect(s.fieldError(dlg, '周一关门时间要晚于开门时间')).toBeVisible();
    await shot(page, 'settings-stations-hours-error');

    await close.click();
    await close.fill('20:00');
    await close.press('Enter');
    // Sunday closed.
    await dlg.getByRole('checkbox', { name: /周日/ }).uncheck();
    await dlg.getByRole('button', { name: b('保存') }).click();
    await expect(dlg).toBeHidden();
    await expect(s.row('幸福里驿站')).toContainText('周一 08:00–20:00');
    await expect(s.row('幸福里驿站')).toContainText('周日 休息');
  });

  test('staff PIN, the holiday calendar, then the audit log shows it all', async ({ page, demoApp }) => {
    const s = new SettingsScreen(page);
    await s.login(demoApp.url, '/settings?tab=staff');
    await expect(s.row('王丽华')).toContainText('139****0101');
    await shot(page, 'settings-staff');

    await s.row('王丽华').getByRole('button', { name: /PIN/ }).click();
    const dlg = s.dialog('设置签到 PIN');
    await dlg.getByLabel('新 PIN（4–8 位数字）').fill('12');
    await dlg.getByLabel('再输入一次').fill('12');
    await dlg.getByRole('button', { name: b('设置 PIN') }).click();
    await expect(s.fieldError(dlg, 'PIN 为 4–8 位数字')).toBeVisible();
    // Typed as a password: never shown on screen.
    await expect(dlg.getByLabel('新 PIN（4–8 位数字）')).toHaveAttribute('type', 'password');
    await dlg.getByLabel('新 PIN（4–8 位数字）').fill('246810');
    await dlg.getByLabel('再输入一次').fill('246810');
    await dlg.getByRole('button', { name: b('设置 PIN') }).click();
    await expect(dlg).toBeHidden();
    await expect(page.getByText('已为“王丽华”设置签到 PIN')).toBeVisible();

    // Editing without retyping the phone keeps the number on file (only the masked one is known here).
    await s.row('王丽华').getByRole('button', { name: b('编辑') }).click();
    const edit = s.dialog('编辑工作人员');
    await s.pickOption(edit, '所在驿站', '东湖驿站');
    await shot(page, 'settings-staff-edit');
    await edit.getByRole('button', { name: b('保存') }).click();
    await expect(edit).toBeHidden();
    await expect(s.row('王丽华')).toContainText('东湖驿站');
    const masked = await s.row('王丽华').textContent();
    expect(masked).toMatch(/1\d\d\*\*\*\*\d{4}/);
    // The box clears it.
    await s.row('王丽华').getByRole('button', { name: b('编辑') }).click();
    await edit.getByText('清除已登记的电话').click();
    await edit.getByRole('button', { name: b('保存') }).click();
    await expect(edit).toBeHidden();
    await expect(s.row('王丽华')).not.toContainText('****');

    await s.openTab('节假日');
    await expect(page.getByText('数据来源')).toBeVisible();
    await expect(s.row('春节')).toBeVisible();
    await expect(page.getByText('到期日：')).toBeVisible();
    await shot(page, 'settings-calendar');

    // Importing a broken file says what is wrong and changes nothing.
    await page.locator('input[type=file]').setInputFiles({
      name: 'holidays.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"years": {"2031": {"holidays": {"2031-02-30": "春节"}}}}'),
    });
    await expect(page.getByText('导入失败')).toBeVisible();
    await expect(page.getByText(/2031-02-30/)).toBeVisible();
    // A good file replaces that year.
    await page.locator('input[type=file]').setInputFiles({
      name: 'holidays-2031.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          years: { '2031': { holidays: { '2031-01-01': '元旦', '2031-10-01': '国庆节', '2031-10-02': '国庆节' }, workdays: { '2031-09-28': '国庆节调休' } } },
        }),
      ),
    });
    await expect(page.getByText('导入成功')).toBeVisible();
    await expect(page.getByText('管理员导入的节假日文件')).toBeVisible();
    await expect(s.row('国庆节')).toContainText('2 天');
    await shot(page, 'settings-calendar-imported');

    await page.goto(`${demoApp.url}/audit`);
    await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
    await expect(s.row('设置PIN')).toContainText('王丽华');
    await expect(s.row('导入节假日')).toContainText('2031');
    await expect(s.row('登录').first()).toContainText('admin');
    await shot(page, 'audit');

    // Filter by one action.
    await s.searchOption(page.locator('body'), '操作类型', '设置PIN');
    await expect(page.getByText('共 1 条')).toBeVisible();
    await expect(s.row('登录')).toHaveCount(0);
  });
});
