/**
 * Errors cross the boundary as plain values: a code the program branches on, a message key the UI
 * turns into words in the user's language, and the field it is about (for forms).
 */
export type ErrorCode =
  | 'BAD_REQUEST' // malformed request: not JSON, too large, unknown method
  | 'VALIDATION' // a value is wrong; `field` says which
  | 'UNAUTHENTICATED' // no session, or it expired
  | 'LOCKED' // the session is locked after idle time; unlock with the password
  | 'FORBIDDEN' // the role may not make this call
  | 'NOT_FOUND'
  | 'CONFLICT' // duplicate, stale state
  | 'INTERNAL';

export interface AppErrorValue {
  code: ErrorCode;
  /** A key of the message catalogue, e.g. `resident.idNumber.checkDigit`. */
  key: string;
  /** Path of the offending field in the input, dot-separated (`idNumber`, `rows.3.phone`). */
  field?: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly value: AppErrorValue;
  constructor(code: ErrorCode, key: string, extra: { field?: string; params?: Record<string, string | number> } = {}) {
    super(`${code}: ${key}${extra.field ? ` (${extra.field})` : ''}`);
    this.name = 'AppError';
    this.value = { code, key, ...extra };
  }
}

export function isAppErrorValue(v: unknown): v is AppErrorValue {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as AppErrorValue).code === 'string' &&
    typeof (v as AppErrorValue).key === 'string'
  );
}

export const fail = {
  validation: (key: string, field?: string, params?: Record<string, string | number>) =>
    new AppError('VALIDATION', key, { field, params }),
  notFound: (key = 'error.notFound') => new AppError('NOT_FOUND', key),
  conflict: (key: string, field?: string, params?: Record<string, string | number>) =>
    new AppError('CONFLICT', key, { field, params }),
  forbidden: (key = 'error.forbidden') => new AppError('FORBIDDEN', key),
};
