import type { FormRule } from 'antd';
import { t } from '../../i18n';

/** The same rule as the backend's: 8+ characters with a letter and a digit; checked here to answer at once. */
export function newPasswordRules(): FormRule[] {
  return [{ required: true, message: t('validation.required') }, ...passwordStrengthRules()];
}

/** The rule without the "required" part, for forms that word that message themselves. */
export function passwordStrengthRules(): FormRule[] {
  return [
    { min: 8, message: t('user.password.short') },
    {
      validator: (_rule, value: string | undefined) =>
        !value || (/[A-Za-z]/.test(value) && /\d/.test(value)) ? Promise.resolve() : Promise.reject(new Error(t('user.password.weak'))),
    },
  ];
}

export function confirmPasswordRule(field: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: string | undefined) =>
      !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
  });
}
