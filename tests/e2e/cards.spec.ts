import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { formatCardNumber } from '../../shared/rules/cardNumber';
import { decodeCardCode } from '../../shared/rules/cardPayload';
import { shanghaiDate, formatChineseDate } from '../../shared/rules/time';
import { expect, test, topShot } from './fixtures';
import { apiOk } from './pages/api';
import { AppShell } from './pages/AppShell';
import { CardsScreen } from './pages/CardsScreen';
import { settled } from './pages/settle';
import { signedInAdmin } from './pages/signIn';

const daysAgo = (n: number) => shanghaiDate(Date.now() - n * 86_400_000);

/**
 * A picture of a screen with a drawer: the success messages gone, and the window made tall enough
 * for the whole drawer (it scrolls inside itself, which a full-page picture does not show).
 */
async function drawerShot(page: Page, name: string) {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 8_000 });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 1500 });
  await settled(page);
  await topShot(page, name);
  await page.setViewportSize(size);
}

/** A building and three residents: the head of the household, her husband, and a neighbour for a second application. */
async function seedResidents(page: Page) {
  const area = await apiOk(page, 'grid.create', { parentId: null, name: '东片区' });
  const grid = await apiOk(page, 'grid.create', { parentId: area.id, name: '第一网格' });
  const building = await apiOk(page, 'grid.create', { parentId: grid.id, name: '3号楼' });
  const home = { buildingId: building.id, unit: '2', room: '301' };
  await apiOk(page, 'residents.create', { name: '张小芳', gender: 'F', birthDate: '1948-03-05', phone: '13800001234', ...home });
  await apiOk(page, 'residents.create', { name: '李建国', gender: 'M', birthDate: '1946-07-12', phone: '13900005678', ...home });
  return apiOk(page, 'residents.create', { name: '王秀英', gender: 'F', birthDate: '1950-06-15', buildingId: building.id, unit: '1', room: '102' });
}

/** A second application, through the API, whose notice runs until the day after tomorrow: approval must wait. */
async function applicationInNotice(page: Page, headResidentId: string) {
  const h = await apiOk(page, 'households.save', { headResidentId, address: '东片区 / 第一网格 / 3号楼 1单元 102室', hardshipTypes: ['特困'] });
  const a = await apiOk(page, 'cardApplications.create', { householdId: h.id, benefit: { kind: 'cost', value: 0 }, reason: '特困供养人员' });
  await apiOk(page, 'cardApplications.review', { id: a.id, meetingDate: daysAgo(5), present: '居委会 5 人', votesFor: 5, votesAgainst: 0, votesAbstain: 0, decision: 'approve' });
  await apiOk(page, 'cardApplications.postNotice', { id: a.id, startDate: daysAgo(4), days: 7, place: '社区公告栏' });
  return { ...a, noticeEnd: shanghaiDate(Date.now() + 2 * 86_400_000) };
}

test('the centre: household → application → review → notice → approval → card face → revoked → partner, cashier and package', async ({ page, app }) => {
  test.setTimeout(240_000);
  // Printing is recorded instead of opening a dialog: the text of the card face at the moment of printing.
  await page.addInitScript(() => {
    const w = window as unknown as { __printed: string[] };
    w.__printed = [];
    window.print = () => void w.__printed.push(document.getElementById('lianxin-card-face')?.innerText ?? '');
  });
  await signedInAdmin(page, app.url);
  const neighbour = await seedResidents(page);
  const shell = new AppShell(page);
  const cards = new CardsScreen(page);

  // The menu item's name is its icon's and its label: 爱心卡 alone, not 爱心卡报表.
  await page.locator('.side-menu').getByRole('menuitem', { name: /\s爱心卡$/ }).click();
  await expect(page.getByRole('heading', { name: '爱心卡' })).toBeVisible();
  await expect(page.getByTestId('applications-table')).toContainText('没有符合条件的申请');

  // 困难家庭: the form names what is missing, then the head and her husband are found by pinyin initials.
  await cards.tab('困难家庭');
  await page.getByRole('button', { name: '登记困难家庭' }).click();
  const form = cards.dialog('登记困难家庭');
  await form.getByRole('button', { name: /^(loading\s+)?登记$/ }).click();
  await expect(cards.error(form, '户主')).toHaveText(['请选择户主']);
  await expect(cards.error(form, '住址')).toHaveText(['请填写住址']);
  await cards.pickPerson(form, 0, 'zxf', '张小芳');
  await expect(form.getByLabel('住址', { exact: true })).toHaveValue('东片区 / 第一网格 / 3号楼 2单元 301室');
  await form.getByRole('button', { name: '添加家庭成员' }).click();
  await cards.pickPerson(form, 0, 'ljg', '李建国');
  await form.getByLabel('与户主关系', { exact: true }).fill('配偶');
  await form.getByRole('checkbox', { name: '低保' }).check();
  await form.getByRole('checkbox', { name: '残疾' }).check();
  await form.getByLabel('低保证号', { exact: true }).fill('DB2026-0317');
  await settled(page);
  await topShot(page, 'cards-household-form');
  await form.getByRole('button', { name: /^(loading\s+)?登记$/ }).click();

  const household = cards.drawer('困难家庭 · 户主 张小芳');
  await expect(household.getByTestId('household-members')).toContainText('李建国');
  await expect(household.getByTestId('household-members')).toContainText('配偶');
  // Phones are masked in the drawer, never shown in full.
  await expect(household.getByTestId('household-members')).toContainText('138****1234');
  await expect(household).not.toContainText('13800001234');
  await drawerShot(page, 'cards-household-detail');

  // 申请爱心卡 from the household: 九折, ¥300 a month, home delivery.
  await household.getByRole('button', { name: '申请爱心卡' }).click();
  const apply = cards.dialog('申请爱心卡 · 户主 张小芳');
  await expect(apply.getByText('即 九折')).toBeVisible();
  await apply.getByLabel('每月优惠额度（可不填）', { exact: true }).fill('300.555');
  await apply.getByLabel('申请理由', { exact: true }).fill('低保户，老两口都年过七十，李建国腿脚不便');
  await apply.getByRole('switch').click();
  await apply.getByRole('button', { name: /^(loading\s+)?登记申请$/ }).click();
  await expect(cards.error(apply, '每月优惠额度（可不填）')).toHaveText(['请填写金额，如 300 或 300.50']);
  await apply.getByLabel('每月优惠额度（可不填）', { exact: true }).fill('300');
  await settled(page);
  await topShot(page, 'cards-application-form');
  await apply.getByRole('button', { name: /^(loading\s+)?登记申请$/ }).click();

  const application = cards.drawer(/爱心卡申请 · SQ\d{4}-\d{4}/);
  await expect(application.getByTestId('application-status')).toHaveText('待评议');
  await expect(application).toContainText('每月 ¥300.00');
  const number = (await application.locator('.ant-drawer-title').textContent())!.replace(/^.*·\s*/, '').trim();

  // 记录民主评议
  await cards.action(application, 'application-actions', '记录民主评议').click();
  const review = cards.dialog('记录民主评议');
  // The meeting was ten days ago; the notice below cannot start before it.
  await cards.setDate(review, '评议日期', daysAgo(10));
  await review.getByLabel('参会人员', { exact: true }).fill('王主任、李委员、居民代表 5 人，共 7 人');
  await review.getByLabel('同意票数', { exact: true }).fill('6');
  await review.getByLabel('反对票数', { exact: true }).fill('0');
  await review.getByLabel('弃权票数', { exact: true }).fill('1');
  await settled(page);
  await topShot(page, 'cards-review-form');
  await review.getByRole('button', { name: /^(loading\s+)?保存评议结果$/ }).click();
  await expect(application.getByTestId('application-status')).toHaveText('待公示');
  await expect(application.getByTestId('application-progress')).toContainText('表决：同意 6 票，反对 0 票，弃权 1 票');

  // 张贴公示: posted eight days ago for seven days, so it ended yesterday and approval is open.
  await cards.action(application, 'application-actions', '张贴公示').click();
  const notice = cards.dialog('张贴公示');
  await cards.setDate(notice, '公示开始日期', daysAgo(8));
  await expect(notice).toContainText(`公示到 ${formatChineseDate(daysAgo(2))} 为止`);
  await notice.getByLabel('公示天数', { exact: true }).fill('7');
  await expect(notice).toContainText(`公示到 ${formatChineseDate(daysAgo(2))} 为止`);
  await notice.getByLabel('公示地点', { exact: true }).fill('社区公告栏');
  await notice.getByRole('button', { name: /^(loading\s+)?开始公示$/ }).click();
  await expect(application.getByTestId('application-status')).toHaveText('公示中');
  await expect(application.getByTestId('application-progress')).toContainText('公示期内无异议');
  await expect(cards.action(application, 'application-actions', '审批发卡')).toBeEnabled();
  // The notice is over: no more objections can be lodged.
  await expect(cards.action(application, 'application-actions', '登记异议')).toHaveCount(0);
  await expect(application.getByTestId('approval-blocked')).toHaveCount(0);
  await drawerShot(page, 'cards-application-notice-over');

  // 审批发卡
  await cards.action(application, 'application-actions', '审批发卡').click();
  const approve = cards.dialog('审批发卡');
  await expect(approve).toContainText('九折');
  await approve.getByRole('button', { name: /^(loading\s+)?审批通过并发卡$/ }).click();
  await expect(application.getByTestId('application-status')).toHaveText('已发卡');
  await expect(application.getByTestId('application-progress')).toContainText('审批通过，已发卡');
  await drawerShot(page, 'cards-application-approved');

  // 打印卡面: real size, the signed QR, the masked name; 打印 prints the card and nothing else.
  await cards.action(application, 'application-actions', '打印卡面').click();
  const faceModal = cards.dialog('打印卡面');
  const face = faceModal.getByTestId('card-face');
  await expect(face).toBeVisible();
  const qrText = (await faceModal.getByTestId('card-qr-text').textContent())!;
  const decoded = decodeCardCode(qrText);
  expect(decoded).not.toBeNull();
  const cardNo = decoded!.payload.cardNo;
  expect(decoded!.payload.maskedName).toBe('张*芳');
  expect(decoded!.payload.benefit).toEqual({ kind: 'percent', value: 10 });
  await expect(faceModal.getByTestId('card-face-number')).toHaveText(formatCardNumber(cardNo));
  await expect(face).toContainText('张*芳');
  await expect(face).toContainText('九折');
  await expect(face).toContainText('送货上门');
  await expect(face).not.toContainText('张小芳');
  // CR80 at 96 px per inch: 85.6 mm ≈ 323.5 px; the QR 25 mm ≈ 94.5 px.
  const faceBox = (await face.boundingBox())!;
  expect(Math.round(faceBox.width)).toBeGreaterThanOrEqual(322);
  expect(Math.round(faceBox.width)).toBeLessThanOrEqual(325);
  const qrBox = (await face.locator('svg').first().boundingBox())!;
  expect(qrBox.width).toBeGreaterThanOrEqual(83); // ≥ 22 mm
  await settled(page);
  await topShot(page, 'cards-card-face');
  await faceModal.getByTestId('card-face-print').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: string[] }).__printed)).toHaveLength(1);
  const printed = (await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed))[0]!;
  expect(printed).toContain(formatCardNumber(cardNo));
  expect(printed).toContain('张*芳');
  await expect(page.locator('#lianxin-card-face')).toHaveCount(0);
  await faceModal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await application.locator('.ant-drawer-close').click();
  await household.locator('.ant-drawer-close').click();

  // A second application still in its notice: 审批发卡 is disabled and says until when.
  const waiting = await applicationInNotice(page, neighbour.id);
  await cards.tab('申请审批');
  await expect(cards.row(number)).toContainText('已发卡');
  await cards.row(waiting.number).click();
  const waitingDrawer = cards.drawer(`爱心卡申请 · ${waiting.number}`);
  await expect(waitingDrawer.getByTestId('approval-blocked')).toHaveText(`公示期至${formatChineseDate(waiting.noticeEnd)}，期满后才能审批`);
  await expect(cards.action(waitingDrawer, 'application-actions', '审批发卡')).toBeDisabled();
  await expect(cards.action(waitingDrawer, 'application-actions', '登记异议')).toBeVisible();
  await drawerShot(page, 'cards-application-notice-running');
  await waitingDrawer.locator('.ant-drawer-close').click();

  // 持卡: the card in the list; 注销 says what happens at the shops, wants a reason, and takes effect.
  await cards.tab('持卡');
  await expect(cards.row(formatCardNumber(cardNo))).toContainText('九折');
  await expect(cards.row(formatCardNumber(cardNo))).toContainText('每月 ¥300.00');
  await settled(page);
  await topShot(page, 'cards-list');
  await cards.row(formatCardNumber(cardNo)).click();
  const card = cards.drawer(`爱心卡 · ${formatCardNumber(cardNo)}`);
  await expect(card.getByTestId('card-status')).toHaveText('有效');
  await expect(card.getByTestId('card-month-used')).toContainText('已用 ¥0.00 / 额度 ¥300.00，还剩 ¥300.00');
  await expect(card.getByTestId('card-events')).toContainText('打印卡面');
  await cards.action(card, 'card-actions', '注销').click();
  const revoke = cards.dialog(/注销爱心卡/);
  await expect(revoke.getByTestId('card-action-warning')).toContainText('商户下次导入数据包后');
  await revoke.getByRole('button', { name: /^(loading\s+)?确认注销$/ }).click();
  await expect(cards.error(revoke, '注销原因')).toHaveText(['请写明原因']);
  await revoke.getByLabel('注销原因', { exact: true }).fill('家庭收入已超过低保标准');
  await settled(page);
  await topShot(page, 'cards-revoke-confirm');
  await revoke.getByRole('button', { name: /^(loading\s+)?确认注销$/ }).click();
  await expect(card.getByTestId('card-status')).toHaveText('已注销');
  await expect(card).toContainText('原因：家庭收入已超过低保标准');
  await expect(cards.action(card, 'card-actions', '打印卡面')).toHaveCount(0);
  await drawerShot(page, 'cards-card-revoked');
  await card.locator('.ant-drawer-close').click();

  // 爱心商户: a shop, its cashier account, and the signed package carrying the revocation.
  await shell.menuItem('爱心商户').click();
  await page.getByRole('button', { name: '登记商户' }).click();
  const partnerForm = cards.dialog('登记爱心商户');
  await partnerForm.getByLabel('商户名称', { exact: true }).fill('惠民爱心超市');
  await partnerForm.getByLabel('地址', { exact: true }).fill('幸福路 8 号');
  await partnerForm.getByLabel('联系人', { exact: true }).fill('王经理');
  await partnerForm.getByLabel('联系电话', { exact: true }).fill('1390000');
  await partnerForm.getByLabel('优惠内容（可不填）', { exact: true }).fill('米面粮油、日用品九折');
  await partnerForm.getByRole('button', { name: /^(loading\s+)?登记$/ }).click();
  await expect(cards.error(partnerForm, '联系电话')).toHaveText([/^联系电话格式不正确/]);
  await partnerForm.getByLabel('联系电话', { exact: true }).fill('13900002222');
  await partnerForm.getByRole('button', { name: /^(loading\s+)?登记$/ }).click();
  const partnerRow = page.getByTestId('partners-table').locator('.ant-table-row').filter({ hasText: '惠民爱心超市' });
  await expect(partnerRow).toContainText('139****2222');
  await expect(partnerRow).toContainText('还没导出过数据包');

  await partnerRow.getByRole('button', { name: '收银账号' }).click();
  const verifiers = cards.drawer('收银账号 · 惠民爱心超市');
  await verifiers.getByRole('button', { name: '新建收银账号' }).click();
  const cashier = cards.dialog('新建收银账号');
  await cashier.getByLabel('用户名（登录用）', { exact: true }).fill('shouyin1');
  await cashier.getByLabel('收银员姓名', { exact: true }).fill('收银员小李');
  await cashier.getByLabel('密码', { exact: true }).fill('Shop2026x');
  await cashier.getByLabel('再输入一次', { exact: true }).fill('Shop2026x');
  await cashier.getByRole('button', { name: /^(loading\s+)?建立账号$/ }).click();
  await expect(verifiers.getByTestId('verifiers-table')).toContainText('shouyin1');
  await drawerShot(page, 'partners-verifiers');
  await verifiers.locator('.ant-drawer-close').click();
  await expect(partnerRow).toContainText('1 个');

  const downloading = page.waitForEvent('download');
  await partnerRow.getByRole('button', { name: '导出数据包' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { format: string; body: string; signature: string };
  expect(file.format).toBe('lianxin-partner-package');
  const body = JSON.parse(Buffer.from(file.body, 'base64').toString('utf8')) as {
    partner: { name: string };
    verifiers: { username: string }[];
    cards: { cardNo: string; status: string; maskedName: string }[];
  };
  expect(body.partner.name).toBe('惠民爱心超市');
  expect(body.verifiers.map((v) => v.username)).toEqual(['shouyin1']);
  expect(body.cards.find((c) => c.cardNo === cardNo)).toMatchObject({ status: 'revoked', maskedName: '张*芳' });
  await expect(partnerRow).toContainText('数据包：');
  await settled(page);
  await topShot(page, 'partners-list');

  // 导入消费记录: a file that is not a till's purchase log is refused in words, and nothing is counted.
  await page.getByRole('button', { name: '导入消费记录' }).click();
  const importDialog = cards.dialog('导入商户消费记录');
  await importDialog.locator('input[type=file]').setInputFiles({ name: '消费记录.json', mimeType: 'application/json', buffer: Buffer.from(fs.readFileSync((await download.path())!)) });
  await expect(importDialog.getByTestId('import-error')).toContainText('这不是连心前台的商户消费记录文件');
  await settled(page);
  await topShot(page, 'partners-import-refused');
  await importDialog.locator('.ant-modal-footer').getByRole('button', { name: '取消' }).click();
  await expect(partnerRow).toContainText('还没导入过消费记录');

  // 爱心卡报表: this month, nothing active any more, one application waiting in its notice.
  await shell.menuItem('爱心卡报表').click();
  await expect(page.getByTestId('kpi-activeCards')).toContainText('0');
  await expect(page.getByTestId('kpi-purchases')).toContainText('0');
  await expect(page.getByTestId('kpi-discount')).toContainText('¥0.00');
  // Every shop has its row, with nothing bought yet, and the totals row under them.
  await expect(page.getByTestId('report-by-partner').locator('.ant-table-row').filter({ hasText: '惠民爱心超市' })).toContainText('¥0.00');
  await expect(page.getByTestId('report-by-partner').locator('.report-total-row')).toContainText('合计');
  await settled(page);
  await topShot(page, 'card-reports-month');

  // 系统设置 → 爱心卡规则: the rules and the signing key with its fingerprint.
  await page.goto(new URL('/settings?tab=cards', app.url).href);
  await expect(page.getByTestId('signing-keys')).toContainText('正在使用');
  await page.getByRole('button', { name: '更换签名密钥' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '更换签名密钥？' })).toContainText('已经发出的卡仍然有效');
  await settled(page);
  await topShot(page, 'cards-settings-rotate');
  await page.getByRole('dialog').filter({ hasText: '更换签名密钥？' }).getByRole('button', { name: '取消' }).click();
});
