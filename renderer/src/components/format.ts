import type { Role } from '../../../shared/contract';
import { formatChineseDate } from '../../../shared/rules/time';
import { t } from '../i18n';

export function roleLabel(role: Role): string {
  return t(`role.${role}`);
}

export function genderLabel(gender: 'M' | 'F'): string {
  return gender === 'M' ? t('gender.M') : t('gender.F');
}

export function chineseDate(isoDate: string | null | undefined): string {
  return isoDate ? formatChineseDate(isoDate) : '';
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function chineseDateTime(ms: number): string {
  return dateTime.format(new Date(ms));
}
