import { fail } from '../../../../shared/contract';
import type { Ctx } from '../../context';
import type { Db } from '../../db/open';
import { countUsers } from '../accounts/users';
import { getSetting } from '../centre/settings';
import { MODE_KEY } from '../till/identity';
import { applyPackage } from './packageApply';
import { readPackage } from './packageRead';

/** Only a PC nobody has set up: no account yet and neither centre nor partner mode chosen. */
function assertFresh(db: Db): void {
  if (countUsers(db) > 0 || getSetting<string, string | null>(db, MODE_KEY, null) !== null) throw fail.conflict('setup.alreadyDone');
}

/**
 * First run on a partner's PC (system.setupPartner): the package from the centre instead of a new
 * admin. Its keys are trusted on first use — the admin who carried the file over is the trust — and
 * every later package must be endorsed by them (packageRead.assertTrusted).
 */
export function setupPartnerPc(ctx: Ctx, fileBase64: string) {
  assertFresh(ctx.db);
  const body = readPackage(fileBase64);
  const verifiers = body.verifiers.filter((v) => !v.disabled).map((v) => v.username);
  // Without a verifier nobody could log in, and the PC could then be set up as a centre instead.
  if (verifiers.length === 0) throw fail.validation('package.noVerifiers', 'fileBase64');
  ctx.db
    .transaction(() => {
      assertFresh(ctx.db);
      applyPackage(ctx.db, body, ctx.clock.now(), null);
    })
    .immediate();
  return { partnerName: body.partner.name, centreName: body.centreName, verifiers };
}
