import { expect, type Locator, type Page } from '@playwright/test';
import { settled } from './settle';

/** The antd form item that holds the control labelled `label` (its error text lives inside it). */
export function formItem(scope: Page | Locator, label: string | RegExp): Locator {
  const page = 'page' in scope ? scope.page() : scope;
  return scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: typeof label === 'string' }) }).first();
}

/** The error under a field; antd animates messages in and out, so there can be a leaving copy for a moment. */
export function fieldError(scope: Page | Locator, label: string | RegExp): Locator {
  return formItem(scope, label).locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)');
}

/** An option of the antd select whose dropdown is open (closed dropdowns stay in the page, hidden). */
export function openOption(page: Page, text: string | RegExp): Locator {
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text });
}

/**
 * Picks `option` in the antd select `select` as a person does: open it (through `opener`, the select
 * itself unless said), wait for the list's opening animation to end, click the option. A click that
 * lands while the list still moves is lost (the list realigns between mouse down and mouse up), so the
 * pick is repeated until the select shows the option. A select that is open is not clicked again (a
 * second click would close it).
 */
export async function pickOption(page: Page, select: Locator, option: string, opener: Locator = select): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await select.textContent({ timeout: 3_000 }))?.includes(option)) return;
    await settled(page); // a list closed a moment ago may still be leaving
    if ((await dropdown.count()) === 0) await opener.click({ timeout: 5_000 });
    await settled(page);
    await dropdown.getByTitle(option, { exact: true }).click({ timeout: 5_000 });
    await expect(select).toContainText(option, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}
