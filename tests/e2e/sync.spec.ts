import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from '@playwright/test';
import { startCounty } from '../county/client';
import { shot, startWebHost, stopWebHost, topShot, type WebHostProcess } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CardsScreen } from './pages/CardsScreen';
import { LoginScreen } from './pages/LoginScreen';
import { RequestDrawer, RequestsScreen } from './pages/RequestsScreen';
import { settled } from './pages/settle';
import { SyncScreen } from './pages/SyncScreen';

/**
 * The county journey in Chromium against the reference county (its own process, real HTTP):
 * configure with a wrong credential first, connect, the demo's backlog goes up, a request escalated
 * while the county is down waits (离线 · 待同步 N) and reaches the county once it is back, a county
 * dispatch appears at the desk with its origin, and the badge says 离线 with the reason when the
 * county is down and 已同步 once it is up again.
 */
type County = Awaited<ReturnType<typeof startCounty>>;

const SYNC_ENV = { LIANXIN_SYNC_POLL_MS: '1000', LIANXIN_SYNC_BACKOFF_CEILING_MS: '1500', LIANXIN_SYNC_TIMEOUT_MS: '3000' };
const DISPATCH_TITLE = '小区东门路灯不亮，老人夜间出行不便';

test('county sync: configure, push while down and after, a dispatch comes down, 离线 and back', async ({ page }) => {
  test.setTimeout(120_000);
  const countyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-e2e-county-'));
  let county: County = await startCounty({ dataDir: countyDir });
  const port = Number(new URL(county.url).port);
  let host: WebHostProcess | null = null;
  try {
    host = await startWebHost({ demo: true, env: SYNC_ENV });
    const sync = new SyncScreen(page);
    await page.goto(host.url);
    await new LoginScreen(page).login('admin', 'demo1234');

    // Off by default: no badge, and the tab says the app works without it.
    await sync.openSettings();
    await expect(sync.settings()).toContainText('不开启时本系统所有功能照常使用');
    await expect(sync.badge()).toHaveCount(0);

    // A wrong credential first: a plain answer, nothing saved.
    await sync.fill({ endpoint: county.url, centreCode: county.centreCode, credential: 'not-the-credential' });
    await expect(await sync.testConnection()).toContainText('凭据不正确');
    await settled(page);
    await topShot(page, 'sync-settings-wrong-credential');

    await sync.settings().getByLabel('凭据').fill(county.credential);
    await expect(await sync.testConnection()).toContainText(/连接成功（.+ · .+，时钟相差 \d+ 秒）/);
    await settled(page);
    await topShot(page, 'sync-settings-connected');

    await page.getByTestId('sync-enabled').click();
    await page.getByTestId('sync-save').click();
    await expect(page.getByText('同步设置已保存，已开始同步')).toBeVisible();
    // Saved: the credential is never shown again, only that one is kept.
    await expect(page.getByTestId('sync-credential-saved')).toHaveText('已保存（不显示）');
    await expect(sync.settings().getByLabel('凭据')).toHaveValue('');

    // The demo's changes so far go up: 已同步.
    await expect(sync.badge()).toHaveText('已同步', { timeout: 30_000 });
    expect((await county.control.received()).total).toBeGreaterThan(0);

    // The county goes down; a request escalated at the desk waits, and the badge says so.
    await county.stop(); // SIGTERM: tsx passes it on (a SIGKILL of tsx would leave the county itself running)
    await expect(sync.badge()).toContainText('离线', { timeout: 15_000 });
    const shell = new AppShell(page);
    await shell.menuItem('诉求办理').click();
    const requests = new RequestsScreen(page);
    const form = await requests.openNew();
    await form.chooseService('民政救助');
    await form.channel('窗口');
    await form.field('诉求内容').fill('居民反映低保金本月未到账，需转县民政局核查');
    await form.mode('escalated');
    await form.field('转至部门').fill('县民政局');
    await form.save();
    const drawer = new RequestDrawer(page);
    await expect(drawer.drawer.locator('.ant-drawer-title')).toContainText(/\d{8}-\d{4}/);
    const escalated = await drawer.number();
    await drawer.close();
    // Registering an escalated request writes its steps (受理, 转办) to the outbox: N waiting, N arrive.
    await expect(sync.badge()).toHaveText(/^离线 · 待同步 [1-9]$/, { timeout: 15_000 });
    const waiting = Number((await sync.badge().textContent())!.match(/待同步 (\d+)/)![1]);
    await expect(await sync.badgeTip()).toContainText(`有 ${waiting} 条记录等待上传`);
    await expect(page.getByTestId('sync-badge-tip')).toContainText('无法连接县级平台');
    await settled(page);
    await shot(page, 'sync-badge-offline-pending');

    // Back on the same port and data: the request reaches the county once, and the badge is green again.
    county = await startCounty({ dataDir: countyDir, port });
    await expect(sync.badge()).toHaveText('已同步', { timeout: 30_000 });
    const received = await county.control.received({ stream: 'requests' });
    const ours = received.entries.filter((e) => (e.payload as { number?: string }).number === escalated);
    expect(ours).toHaveLength(waiting);
    for (const e of ours) expect(e).toMatchObject({ deliveries: 1, payload: { mode: 'escalated', department: '县民政局' } });

    // The county dispatches one: it appears at the desk as a request with its origin.
    const [dispatched] = await county.control.dispatch({ records: [{ title: DISPATCH_TITLE }] });
    const ref = dispatched!.ref;
    const row = requests.row(DISPATCH_TITLE);
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row.getByTestId('county-origin')).toHaveText('县级派单');
    await row.click();
    await expect(drawer.drawer.getByTestId('county-origin')).toHaveText(`县级派单 ${ref}`);
    await settled(page);
    await shot(page, 'sync-dispatch-at-desk');
    await drawer.close();

    // County down: 离线 with the reason on hover; up again: caught up.
    await county.stop(); // SIGTERM: tsx passes it on (a SIGKILL of tsx would leave the county itself running)
    await expect(sync.badge()).toContainText('离线', { timeout: 15_000 });
    await expect(await sync.badgeTip()).toContainText('无法连接县级平台');
    county = await startCounty({ dataDir: countyDir, port });
    await expect(sync.badge()).toHaveText('已同步', { timeout: 30_000 });

    // The sync page: what went up and came down.
    await sync.badge().click();
    await expect(page.getByTestId('sync-page')).toBeVisible();
    await expect(page.getByTestId('sync-page-badge')).toHaveText('已同步');
    await expect(page.getByTestId('sync-activity')).toContainText('上传');
    await expect(page.getByTestId('sync-pulls')).toContainText('县级派单');
    // The outage is in the list in plain words, folded into one line however often it was retried.
    await expect(page.getByTestId('sync-activity')).toContainText('无法连接县级平台');
    await expect(page.getByTestId('sync-activity')).toContainText(/县级平台已收下 \d+ 条/);
    await page.mouse.move(600, 400);
    await topShot(page, 'sync-page');
  } finally {
    await county.stop().catch(() => undefined);
    if (host) await stopWebHost(host);
    fs.rmSync(countyDir, { recursive: true, force: true });
  }
});

/** An open application in the demo and one of its household's ID numbers (read from the centre's own file, as the county would know it). */
function openApplication(dataDir: string): { number: string; idNumber: string } {
  const db = new Database(path.join(dataDir, 'lianxin.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT a.number, r.id_number idNumber FROM card_applications a JOIN residents r ON r.id = a.holder_resident_id
          WHERE a.status IN ('submitted', 'reviewed', 'notice') AND r.id_number IS NOT NULL ORDER BY a.number LIMIT 1`,
      )
      .get() as { number: string; idNumber: string };
  } finally {
    db.close();
  }
}

test('card application review: 县级平台核对 is one grey line before the roster comes, then the roster and a card elsewhere', async ({ page }) => {
  test.setTimeout(90_000);
  const county = await startCounty();
  let host: WebHostProcess | null = null;
  try {
    host = await startWebHost({ demo: true, env: SYNC_ENV });
    const app = openApplication(host.dataDir);
    await county.control.roster([{ idNumber: app.idNumber, householdSize: 3, validFrom: '2026-01-01', validTo: '2027-06-30' }]);
    await county.control.otherCards([{ idNumber: app.idNumber, centreName: '东街社区服务中心', cardNo: 'DJ20260042', status: 'active' }]);

    await page.goto(host.url);
    await new LoginScreen(page).login('admin', 'demo1234');
    const cards = new CardsScreen(page);
    const openIt = async () => {
      await new AppShell(page).menuItem(/\s爱心卡$/).click();
      await cards.tab('申请审批');
      await cards.row(app.number).first().click();
      return cards.drawer(app.number);
    };

    // Sync off: one quiet line, no verdict either way.
    let drawer = await openIt();
    await expect(drawer.getByTestId('roster-check')).toHaveText(/县级平台核对：尚未收到县级平台的低保名单/);
    await expect(drawer.getByTestId('roster-other-cards')).toHaveCount(0);
    await page.keyboard.press('Escape');

    const sync = new SyncScreen(page);
    await sync.openSettings();
    await sync.fill({ endpoint: county.url, centreCode: county.centreCode, credential: county.credential });
    await page.getByTestId('sync-enabled').click();
    await page.getByTestId('sync-save').click();
    await expect(sync.badge()).toHaveText('已同步', { timeout: 30_000 });

    drawer = await openIt();
    await expect(drawer.getByTestId('roster-check')).toContainText('在县级低保名单上：家庭 3 人，有效期 2026年1月1日 至 2027年6月30日');
    await expect(drawer.getByTestId('roster-other-cards')).toContainText('东街社区服务中心 · 卡号');
    await expect(drawer.getByTestId('roster-other-cards')).toContainText('有效');
    await expect(drawer.getByTestId('roster-other-cards')).not.toContainText('DJ20260042');
    await settled(page);
    await shot(page, 'sync-roster-check');
  } finally {
    await county.stop().catch(() => undefined);
    if (host) await stopWebHost(host);
  }
});
