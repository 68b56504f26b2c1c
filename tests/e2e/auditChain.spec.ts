import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, shot, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { signedInAdmin } from './pages/signIn';

/**
 * Issue 8 item 6 in Chromium: the admin checks the audit log from its page and is told it is whole;
 * then someone edits one entry straight in the database file (lifting the append-only trigger), and
 * the same button names that entry.
 */
test('校验审计日志: whole, then the entry edited in the database file is named', async ({ page, app }) => {
  await signedInAdmin(page, app.url);
  await new AppShell(page).goTo('审计日志');
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();

  const check = page.getByRole('button', { name: '校验审计日志' });
  const result = page.getByTestId('audit-chain-result');
  await check.click();
  // setup and the login: two entries before the check
  await expect(result).toContainText('审计日志完整：共 2 条，未发现改动');
  // the check is itself in the log
  await expect(page.getByRole('row').filter({ hasText: '校验审计日志' })).toHaveCount(1);
  await shot(page, 'audit-chain-whole');

  const db = new Database(path.join(app.dataDir, 'lianxin.db'));
  try {
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET username = 'someone' WHERE seq = 2;`);
  } finally {
    db.close();
  }
  await check.click();
  await expect(result).toContainText(/审计日志被改动过：第 2 条（\d{4}年\d+月\d+日 \d\d:\d\d:\d\d，登录）起的记录对不上/);
  await expect(result).toContainText('在它之前的 1 条完整');
  await shot(page, 'audit-chain-broken');
});
