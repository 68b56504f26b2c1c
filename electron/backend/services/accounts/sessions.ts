import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../context';

/** A session ends this long after login whatever happens (a shift is at most 13 hours). */
export const SESSION_MAX_MS = 14 * 3600_000;

interface Session extends SessionUser {
  id: string;
  createdAt: number;
  lastActiveAt: number;
  locked: boolean;
}

export type SessionState =
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'active' | 'locked'; session: Session };

/**
 * Sessions live in memory: a restart logs everyone out, which is what a front desk expects. The id
 * is a random 256-bit token; over HTTP it is the bearer token, over IPC it never leaves the main process.
 */
export class SessionStore {
  private sessions = new Map<string, Session>();

  create(user: SessionUser, now: number): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { ...user, id, createdAt: now, lastActiveAt: now, locked: false });
    return id;
  }

  /** Looks a session up, locking it if it was idle longer than `idleMs`. Does not count as activity. */
  state(id: string | null, now: number, idleMs: number): SessionState {
    if (!id) return { kind: 'none' };
    const s = this.sessions.get(id);
    if (!s) return { kind: 'none' };
    if (now - s.createdAt > SESSION_MAX_MS) {
      this.sessions.delete(id);
      return { kind: 'expired' };
    }
    if (!s.locked && now - s.lastActiveAt > idleMs) s.locked = true;
    return { kind: s.locked ? 'locked' : 'active', session: s };
  }

  touch(id: string, now: number): void {
    const s = this.sessions.get(id);
    if (s) s.lastActiveAt = now;
  }

  setLocked(id: string, locked: boolean, now: number): void {
    const s = this.sessions.get(id);
    if (!s) return;
    s.locked = locked;
    s.lastActiveAt = now;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session of a user (disabled, role changed, password reset). */
  deleteUser(userId: string): void {
    for (const [id, s] of this.sessions) if (s.userId === userId) this.sessions.delete(id);
  }

  /** Refreshes the names and role a session carries after an admin edits the user. */
  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }
}
