import { fail, type User } from '../../../../shared/contract';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { writeAudit } from '../audit/audit';
import { hashSecret } from '../accounts/password';
import { findUser, findUserByName, insertUser, toUser, type UserRow } from '../accounts/users';
import { findPartnerRow } from './partners';

/** A partner's verifier accounts (收银账号): users with role `partner` that belong to it. */
export function listVerifiers(db: Db, partnerId: string): User[] {
  if (!findPartnerRow(db, partnerId)) throw fail.notFound('partner.notFound');
  return (
    db.prepare(`SELECT * FROM users WHERE role = 'partner' AND partner_id = ? ORDER BY disabled, username`).all(partnerId) as UserRow[]
  ).map(toUser);
}

export async function addVerifier(
  db: Db,
  input: { partnerId: string; username: string; displayName: string; password: string },
  now: number,
  actor: SessionUser,
): Promise<User> {
  const taken = () => {
    if (findUserByName(db, input.username)) throw fail.conflict('user.username.taken', 'username');
  };
  if (!findPartnerRow(db, input.partnerId)) throw fail.notFound('partner.notFound');
  taken();
  // The slow hash first, outside the transaction; the checks are made again inside it.
  const hash = await hashSecret(input.password);
  const id = newId();
  db.transaction(() => {
    if (!findPartnerRow(db, input.partnerId)) throw fail.notFound('partner.notFound');
    taken();
    insertUser(db, { id, username: input.username, displayName: input.displayName, role: 'partner', passwordHash: hash }, now);
    db.prepare('UPDATE users SET partner_id = ? WHERE id = ?').run(input.partnerId, id);
    writeAudit(db, actor, now, {
      action: 'partner.addVerifier',
      targetType: 'user',
      targetId: id,
      detail: { partnerId: input.partnerId, username: input.username },
    });
  })();
  return toUser(findUser(db, id)!);
}
