import type { FormInstance } from 'antd';
import type { AppErrorValue } from '../../../shared/contract';
import { ApiError } from '../api/client';
import { errorText, t } from '../i18n';

export function appErrorOf(err: unknown): AppErrorValue {
  if (err instanceof ApiError) return err.value;
  return { code: 'INTERNAL', key: 'error.internal' };
}

/** The message for any failure: the backend's typed error in words, or a generic one. */
export function failureText(err: unknown): string {
  return errorText(appErrorOf(err)) || t('error.internal');
}

type FieldName = (string | number)[];

/**
 * Which form field shows an error about the backend's field path: a list of the form's field names
 * (the path or its first segment must be one of them), or a function for forms whose names differ
 * (returning null when the form has no such field).
 */
export type FieldTarget = readonly string[] | ((field: string) => FieldName | string | null);

/** `hours.3.close` → ['hours', 3, 'close'] (antd form names use numbers for list indexes). */
function toName(field: string): FieldName {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function targetOf(fields: FieldTarget, field: string): FieldName | null {
  if (typeof fields === 'function') {
    const target = fields(field);
    return target === null ? null : typeof target === 'string' ? toName(target) : target;
  }
  const top = field.split('.')[0]!;
  return fields.includes(field) ? toName(field) : fields.includes(top) ? [top] : null;
}

/**
 * Shows a backend error where the user looks: at the form field it names when the form has that
 * field, otherwise through `showMessage`. An expired or locked session is left to the app shell
 * (it shows the login or the lock screen). `wording` swaps a message for one that fits the screen
 * better (the login's 用户名或密码错误 on a screen that asks only for a password). Returns true when
 * it went to a field.
 */
export function showApiError(
  err: unknown,
  showMessage: (text: string) => void,
  form?: FormInstance,
  fields: FieldTarget = [],
  wording: Record<string, string> = {},
): boolean {
  const original = appErrorOf(err);
  const e = { ...original, key: wording[original.key] ?? original.key };
  if (e.code === 'UNAUTHENTICATED' || e.code === 'LOCKED') return false;
  const name = form && e.field ? targetOf(fields, e.field) : null;
  if (form && name) {
    form.setFields([{ name, errors: [errorText(e)] }]);
    form.scrollToField(name, { block: 'center' });
    return true;
  }
  showMessage(errorText(e) || t('error.internal'));
  return false;
}
