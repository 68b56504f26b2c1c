import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { Actor } from './issue';

/** Who did it, as the step and event logs keep it: the account's display name now, not the session's copy. */
export function actorOf(db: Db, user: Pick<SessionUser, 'userId' | 'displayName'>): Actor {
  const row = db.prepare('SELECT display_name FROM users WHERE id = ?').get(user.userId) as { display_name: string } | undefined;
  return { userId: user.userId, userName: row?.display_name ?? user.displayName };
}
