import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { errorText, t } from '../../i18n';

type Name = (string | number)[];

interface Notify {
  error(content: string): unknown;
}

/** The message for any failure: the backend's typed error in words, or a generic one. */
export function failureText(e: unknown): string {
  return e instanceof ApiError ? errorText(e.value) : t('error.internal');
}

/** `stations.0` → ['stations', 0] (antd form names use numbers for list indexes). */
function toName(field: string): Name {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Shows a failed save where the user will look: a field error next to the field when the form has
 * that field (`fieldFor` maps the backend's field path to the form's name, or says it has none),
 * anything else as a message at the top.
 */
export function showApiError(
  e: unknown,
  notify: Notify,
  form?: FormInstance,
  fieldFor: (field: string) => Name | string | null = (f) => f,
): void {
  // An expired or locked session is handled by the app shell (it shows the login or the lock screen).
  if (e instanceof ApiError && (e.value.code === 'UNAUTHENTICATED' || e.value.code === 'LOCKED')) return;
  if (form && e instanceof ApiError && e.value.field) {
    const target = fieldFor(e.value.field);
    if (target !== null) {
      const name = typeof target === 'string' ? toName(target) : target;
      form.setFields([{ name, errors: [errorText(e.value)] }]);
      form.scrollToField(name, { block: 'center' });
      return;
    }
  }
  notify.error(failureText(e));
}

/** A field map for forms whose field names are the contract's: known names go to the field. */
export function knownFields(...names: string[]): (field: string) => string | null {
  return (field) => {
    const top = field.split('.')[0]!;
    return names.includes(field) ? field : names.includes(top) ? top : null;
  };
}
