import { signedInAdmin } from './pages/signIn';
import { expect, test } from './fixtures';
import { apiOk } from './pages/api';
import { ResidentsScreen } from './pages/ResidentsScreen';

/**
 * Issue 8: text that looks like HTML or a formula is shown as the characters typed — React escapes it;
 * nothing in it runs (no alert, no image element made from it).
 */
const HTML_NAME = '<img src=x onerror=alert(1)>';
const NOTES = '=HYPERLINK("http://x","点我") <script>window.__pwned=1</script>';

test('a resident named like HTML is listed and shown as plain text, and nothing in it runs', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signedInAdmin(page, app.url);
  await apiOk(page, 'residents.create', { name: HTML_NAME, gender: 'F', notes: NOTES });
  await page.reload();
  const residents = new ResidentsScreen(page);
  await expect(residents.row(HTML_NAME)).toBeVisible();
  const drawer = await residents.open(HTML_NAME);
  await expect(drawer.drawer).toContainText(HTML_NAME);
  await expect(drawer.drawer).toContainText(NOTES);
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
