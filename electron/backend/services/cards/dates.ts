import { fail } from '../../../../shared/contract/errors';
import { isValidDate } from '../../../../shared/rules/idNumber';

/** The contract checks the shape (YYYY-MM-DD); this refuses a day that does not exist, like 2026-02-30. */
export function checkRealDate(date: string, field: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (!isValidDate(y, m, d)) throw fail.validation('validation.badDate', field);
  return date;
}

/** 'YYYY-MM' of a Shanghai calendar date: the month a card's cap counts in. */
export const monthOf = (date: string): string => date.slice(0, 7);
