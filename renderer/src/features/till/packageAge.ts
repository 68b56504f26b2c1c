import type { TillStatus } from '../../../../shared/contract/till';

/** A package older than this is shown in orange: cards revoked since may still read as valid. */
export const PACKAGE_STALE_DAYS = 7;

/** Whole days since the package in use was made at the centre; null at the centre itself. */
export function packageAgeDays(status: TillStatus, now: number): number | null {
  if (status.mode !== 'partner' || status.packageIssuedAt === null) return null;
  return Math.max(0, Math.floor((now - status.packageIssuedAt) / 86_400_000));
}
