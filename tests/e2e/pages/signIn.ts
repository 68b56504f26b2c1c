import { expect, type Page } from '@playwright/test';
import { AppShell } from './AppShell';
import { LoginScreen } from './LoginScreen';

export const ADMIN = { username: 'admin', password: 'Admin2026x', displayName: '陈书记' };

/** A centre that has been set up, with the admin signed in through the login page. */
export async function signedInAdmin(page: Page, url: string): Promise<void> {
  const res = await page.request.post(`${url}/api/system.setup`, { data: { centreName: '幸福社区党群服务中心', ...ADMIN } });
  expect(res.ok()).toBe(true);
  await page.goto(url);
  await expect(new LoginScreen(page).heading()).toBeVisible();
  const sessionRead = page.waitForResponse((r) => r.url().endsWith('/api/session.get'));
  await new LoginScreen(page).login(ADMIN.username, ADMIN.password);
  await expect(new AppShell(page).userMenu()).toContainText(ADMIN.displayName);
  await sessionRead;
}
