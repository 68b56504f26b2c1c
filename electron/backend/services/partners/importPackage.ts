import { requireUser, type Ctx } from '../../context';
import { applyPackage } from './packageApply';
import { assertTrusted, readPackage } from './packageRead';

/**
 * A newer package on a partner's till (till.importPackage): checked, then put in force in one
 * transaction. Accounts the package disables lose their open sessions at once.
 */
export function importPartnerPackage(ctx: Ctx, fileBase64: string): void {
  const user = requireUser(ctx);
  const body = readPackage(fileBase64);
  const disabled = ctx.db
    .transaction(() => {
      assertTrusted(ctx.db, body);
      return applyPackage(ctx.db, body, ctx.clock.now(), user);
    })
    .immediate();
  for (const id of disabled) ctx.sessions.deleteUser(id);
}
