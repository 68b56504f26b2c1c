import type { FormInstance } from 'antd';
import type { AppErrorValue } from '../../../shared/contract';
import { ApiError } from '../api/client';
import { errorText, t } from '../i18n';

export function appErrorOf(err: unknown): AppErrorValue {
  if (err instanceof ApiError) return err.value;
  return { code: 'INTERNAL', key: 'error.internal' };
}

/**
 * Shows a backend error where the user looks: at the form field it names when the form has that
 * field, otherwise through `showMessage`. `wording` swaps a message for one that fits the screen
 * better (the login's 用户名或密码错误 on a screen that asks only for a password). Returns true when
 * it went to a field.
 */
export function showApiError(
  err: unknown,
  showMessage: (text: string) => void,
  form?: FormInstance,
  fieldNames: readonly string[] = [],
  wording: Record<string, string> = {},
): boolean {
  const original = appErrorOf(err);
  const e = { ...original, key: wording[original.key] ?? original.key };
  if (e.code === 'UNAUTHENTICATED' || e.code === 'LOCKED') return false;
  const field = e.field?.split('.')[0];
  if (form && field && fieldNames.includes(field)) {
    form.setFields([{ name: field, errors: [errorText(e)] }]);
    form.scrollToField(field);
    return true;
  }
  showMessage(errorText(e) || t('error.internal'));
  return false;
}
