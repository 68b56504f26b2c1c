import type { Locator, Page } from '@playwright/test';

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
