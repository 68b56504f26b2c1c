import { fail } from '../../../../shared/contract';
import { requireUser, type Ctx } from '../../context';

export interface TillUser {
  partnerId: string;
  /** Kept on each purchase and delivery (who was at the till). */
  name: string;
}

/** The partner a till call acts for: a verifier account not linked to a partner may log nothing. */
export function tillUser(ctx: Ctx): TillUser {
  const user = requireUser(ctx);
  if (!user.partnerId) throw fail.forbidden('till.partner.none');
  return { partnerId: user.partnerId, name: user.displayName };
}
