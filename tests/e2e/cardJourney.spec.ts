import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { formatCardNumber } from '../../shared/rules/cardNumber';
import { decodeCardCode } from '../../shared/rules/cardPayload';
import { shanghaiDate } from '../../shared/rules/time';
import { expect, startWebHost, stopWebHost, test, topShot } from './fixtures';
import { AppShell } from './pages/AppShell';
import { openPage } from './pages/browsers';
import { CardsScreen } from './pages/CardsScreen';
import { LoginScreen } from './pages/LoginScreen';
import { ResidentDrawer, ResidentsScreen } from './pages/ResidentsScreen';
import { SetupScreen } from './pages/SetupScreen';
import { ADMIN } from './pages/signIn';
import { TillScreen } from './pages/TillScreen';

/**
 * The journey across two PCs, all through the screens: at the centre an application goes
 * through the committee's review, the public notice and approval, and the card face is printed; the
 * centre exports the shop's package through 爱心商户; the shop's PC (its own web host and data
 * folder) is set up from that file; the cashier logs in, scans as a scanner types, sees green and
 * logs a purchase; the centre revokes the card in 持卡 and exports a new package; the till imports it
 * through 数据包 and the same scan is red, saying the card is revoked. The details of each screen are
 * cards.spec's and till.spec's; this one is about the journey.
 */

const CASHIER = { username: 'shouyin1', password: 'Shop2026x', displayName: '收银员小李' };

const daysAgo = (n: number) => shanghaiDate(Date.now() - n * 86_400_000);

/** Saves a download as the person would keep it: under its own name, in a folder of theirs. */
async function keep(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Clicks an upload button and picks the file in the chooser that opens. */
async function chooseFile(page: Page, button: Locator, file: string) {
  const choosing = page.waitForEvent('filechooser');
  await button.click();
  await (await choosing).setFiles(file);
}

/** 爱心商户 → the shop's row → 导出数据包, kept as a file. */
async function exportPackage(centre: Page, shopRow: Locator, dir: string): Promise<string> {
  const downloading = centre.waitForEvent('download');
  await shopRow.getByRole('button', { name: '导出数据包' }).click();
  const file = await keep(await downloading, dir);
  expect(path.basename(file)).toMatch(/\.json$/);
  return file;
}

test('the journey: application → review → notice → approval → card printed → shop PC from the package → scan → green → purchase → revoked → new package → red', async ({ browser, app }) => {
  test.setTimeout(240_000);
  const shop = await startWebHost();
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-journey-'));
  try {
    const centre = await openPage(browser);
    // The card face at the moment it is printed (printing is recorded, not sent to a printer).
    await centre.addInitScript(() => {
      const w = window as unknown as { __printed: string[] };
      w.__printed = [];
      window.print = () => void w.__printed.push(document.getElementById('lianxin-card-face')?.innerText ?? '');
    });
    const shell = new AppShell(centre);
    const cards = new CardsScreen(centre);

    // The centre's first run, then the resident who applies.
    await centre.goto(app.url);
    const setup = new SetupScreen(centre);
    await setup.fill({ centreName: '幸福社区党群服务中心', ...ADMIN });
    await setup.submit();
    await expect(shell.userMenu()).toContainText(ADMIN.displayName);
    await shell.goTo('居民档案');
    const residents = new ResidentsScreen(centre);
    const resident = await residents.openAdd();
    await resident.field('姓名').fill('张小芳');
    await resident.field('电话').fill('13800001234');
    await resident.dialog.getByRole('radio', { name: '女' }).check();
    await resident.save();
    await expect(residents.row('张小芳')).toBeVisible();
    const residentDrawer = new ResidentDrawer(centre);
    await expect(residentDrawer.drawer).toContainText('张小芳');
    await residentDrawer.close();
    await expect(residentDrawer.drawer).toBeHidden();

    // 爱心卡 → 困难家庭: the household, then its application (九折, ¥300 a month, delivery).
    await shell.menuItem(/\s爱心卡$/).click();
    await cards.tab('困难家庭');
    await centre.getByRole('button', { name: '登记困难家庭' }).click();
    const householdForm = cards.dialog('登记困难家庭');
    await cards.pickPerson(householdForm, 0, 'zxf', '张小芳');
    await householdForm.getByLabel('住址', { exact: true }).fill('幸福路 1 号 3 单元 201');
    await householdForm.getByRole('checkbox', { name: '低保' }).check();
    await householdForm.getByRole('button', { name: /^(loading\s+)?登记$/ }).click();
    const household = cards.drawer('困难家庭 · 户主 张小芳');
    await household.getByRole('button', { name: '申请爱心卡' }).click();
    const apply = cards.dialog('申请爱心卡 · 户主 张小芳');
    await apply.getByLabel('每月优惠额度（可不填）', { exact: true }).fill('300');
    await apply.getByLabel('申请理由', { exact: true }).fill('低保户，独居老人');
    await apply.getByRole('switch').click();
    await apply.getByRole('button', { name: /^(loading\s+)?登记申请$/ }).click();
    const application = cards.drawer(/爱心卡申请 · SQ\d{4}-\d{4}/);
    await expect(application.getByTestId('application-status')).toHaveText('待评议');

    // The committee met twenty days ago; the notice ran for seven days from fifteen days ago.
    await cards.action(application, 'application-actions', '记录民主评议').click();
    const review = cards.dialog('记录民主评议');
    await cards.setDate(review, '评议日期', daysAgo(20));
    await review.getByLabel('参会人员', { exact: true }).fill('居委会成员 5 人');
    await review.getByLabel('同意票数', { exact: true }).fill('5');
    await review.getByLabel('反对票数', { exact: true }).fill('0');
    await review.getByLabel('弃权票数', { exact: true }).fill('0');
    await review.getByRole('button', { name: /^(loading\s+)?保存评议结果$/ }).click();
    await expect(application.getByTestId('application-status')).toHaveText('待公示');
    await cards.action(application, 'application-actions', '张贴公示').click();
    const notice = cards.dialog('张贴公示');
    await cards.setDate(notice, '公示开始日期', daysAgo(15));
    await notice.getByLabel('公示天数', { exact: true }).fill('7');
    await notice.getByLabel('公示地点', { exact: true }).fill('社区公告栏');
    await notice.getByRole('button', { name: /^(loading\s+)?开始公示$/ }).click();
    await expect(application.getByTestId('application-status')).toHaveText('公示中');

    // 审批发卡, then the face: the card's number and its signed QR text, printed.
    await cards.action(application, 'application-actions', '审批发卡').click();
    await cards.dialog('审批发卡').getByRole('button', { name: /^(loading\s+)?审批通过并发卡$/ }).click();
    await expect(application.getByTestId('application-status')).toHaveText('已发卡');
    await cards.action(application, 'application-actions', '打印卡面').click();
    const faceModal = cards.dialog('打印卡面');
    await expect(faceModal.getByTestId('card-face')).toBeVisible();
    const code = (await faceModal.getByTestId('card-qr-text').textContent())!.trim();
    const cardNo = decodeCardCode(code)!.payload.cardNo;
    const shownNo = formatCardNumber(cardNo);
    await expect(faceModal.getByTestId('card-face-number')).toHaveText(shownNo);
    // The picture without the approval's success message over it.
    await expect(centre.locator('.ant-message-notice')).toHaveCount(0, { timeout: 8_000 });
    await topShot(centre, 'journey-card-face');
    await faceModal.getByTestId('card-face-print').click();
    await expect.poll(() => centre.evaluate(() => (window as unknown as { __printed: string[] }).__printed)).toEqual([expect.stringContaining(shownNo)]);
    await faceModal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await application.locator('.ant-drawer-close').click();
    await household.locator('.ant-drawer-close').click();

    // 爱心商户: the shop, its cashier, and the package kept as a file for the shop's PC.
    await shell.menuItem('爱心商户').click();
    await centre.getByRole('button', { name: '登记商户' }).click();
    const partnerForm = cards.dialog('登记爱心商户');
    await partnerForm.getByLabel('商户名称', { exact: true }).fill('惠民爱心超市');
    await partnerForm.getByLabel('地址', { exact: true }).fill('幸福路 8 号');
    await partnerForm.getByLabel('联系人', { exact: true }).fill('王经理');
    await partnerForm.getByLabel('联系电话', { exact: true }).fill('13900002222');
    await partnerForm.getByRole('button', { name: /^(loading\s+)?登记$/ }).click();
    const shopRow = centre.getByTestId('partners-table').locator('.ant-table-row').filter({ hasText: '惠民爱心超市' });
    await shopRow.getByRole('button', { name: '收银账号' }).click();
    const verifiers = cards.drawer('收银账号 · 惠民爱心超市');
    await verifiers.getByRole('button', { name: '新建收银账号' }).click();
    const cashier = cards.dialog('新建收银账号');
    await cashier.getByLabel('用户名（登录用）', { exact: true }).fill(CASHIER.username);
    await cashier.getByLabel('收银员姓名', { exact: true }).fill(CASHIER.displayName);
    await cashier.getByLabel('密码', { exact: true }).fill(CASHIER.password);
    await cashier.getByLabel('再输入一次', { exact: true }).fill(CASHIER.password);
    await cashier.getByRole('button', { name: /^(loading\s+)?建立账号$/ }).click();
    await expect(verifiers.getByTestId('verifiers-table')).toContainText(CASHIER.username);
    await verifiers.locator('.ant-drawer-close').click();
    const firstPackage = await exportPackage(centre, shopRow, files);

    // The shop's PC, first run: 本机是爱心商户收银台 → the package file → the cashier logs in.
    const page = await openPage(browser);
    const till = new TillScreen(page);
    await page.goto(shop.url);
    await page.getByText('本机是爱心商户收银台').click();
    await chooseFile(page, page.getByRole('button', { name: '选择商户数据包文件' }), firstPackage);
    await expect(page.getByText('设置完成：惠民爱心超市')).toBeVisible();
    await expect(page.getByTestId('partner-setup-done')).toContainText('幸福社区党群服务中心');
    await topShot(page, 'journey-till-setup-done');
    await page.getByRole('button', { name: '去登录' }).click();
    await new LoginScreen(page).login(CASHIER.username, CASHIER.password);
    await expect(page.getByRole('heading', { name: '核验收银' })).toBeVisible();

    // The scan, as a USB scanner types it → green with the masked name; the amount → logged once.
    await expect(till.codeInput()).toBeFocused();
    await till.scan(code);
    await till.expectVerdict('valid');
    await expect(page.getByTestId('verdict-name')).toHaveText('张*芳');
    await expect(page.getByTestId('verdict-card')).toHaveText(shownNo);
    await expect(page.getByTestId('verdict-cap')).toContainText('¥300.00');
    await expect(till.amount()).toBeFocused();
    await page.keyboard.type('35.55');
    await expect(page.getByTestId('purchase-pay')).toHaveText('¥32.00');
    await topShot(page, 'journey-till-green');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('purchase-done')).toContainText('应付 ¥32.00');
    await expect(page.getByTestId('purchase-done-cap')).toHaveText('本月还剩额度 ¥264.45');
    await till.menu('消费记录').click();
    const purchases = page.getByTestId('purchases-table').locator('tbody tr.ant-table-row');
    await expect(purchases).toHaveCount(1);
    await expect(purchases).toContainText('¥35.55');

    // At the centre: 持卡 → the card (its printing on record) → 注销 with a reason.
    await shell.menuItem(/\s爱心卡$/).click();
    await cards.tab('持卡');
    await cards.row(shownNo).click();
    const card = cards.drawer(`爱心卡 · ${shownNo}`);
    await expect(card.getByTestId('card-status')).toHaveText('有效');
    await expect(card.getByTestId('card-events')).toContainText('打印卡面');
    await cards.action(card, 'card-actions', '注销').click();
    const revoke = cards.dialog(/注销爱心卡/);
    await revoke.getByLabel('注销原因', { exact: true }).fill('家庭收入已超过低保标准');
    await revoke.getByRole('button', { name: /^(loading\s+)?确认注销$/ }).click();
    await expect(card.getByTestId('card-status')).toHaveText('已注销');
    await card.locator('.ant-drawer-close').click();

    // Until the new package arrives the till still knows the card as valid: that is the exchange's price.
    await till.menu('核验收银').click();
    await expect(till.codeInput()).toBeFocused();
    await till.scan(code);
    await till.expectVerdict('valid');

    // The centre's new package → the till's 数据包 → the same scan is red: 已注销.
    await shell.menuItem('爱心商户').click();
    const secondPackage = await exportPackage(centre, shopRow, files);
    await till.menu('数据包').click();
    await chooseFile(page, page.getByTestId('package-import'), secondPackage);
    await expect(page.getByTestId('package-import-result')).toContainText('数据包已导入');
    await expect(page.getByTestId('package-facts')).toContainText('惠民爱心超市');
    await topShot(page, 'journey-till-package-imported');
    await till.menu('核验收银').click();
    await expect(till.codeInput()).toBeFocused();
    await till.scan(code);
    await till.expectVerdict('invalid', 'revoked');
    await expect(page.getByTestId('verdict-reason')).toHaveText('此卡已注销，不能使用');
    await expect(page.getByTestId('purchase-panel')).toHaveCount(0);
    await topShot(page, 'journey-till-red-revoked');
  } finally {
    await stopWebHost(shop);
    fs.rmSync(files, { recursive: true, force: true });
  }
});
