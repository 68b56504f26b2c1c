import type { Db } from './db/open';
import type { EventName, EventPayload, Role, Topic } from '../../shared/contract';
import type { SessionStore } from './services/accounts/sessions';
import type { ReadWorker } from './reads/readWorker';
import type { SecretStore } from './secrets/secretStore';
import type { SyncControl } from './services/sync/engine';
import type { BackupControl } from './app';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** The partner (爱心商户) a partner verifier belongs to (users.partner_id); null for everyone else. */
  partnerId: string | null;
}

/** A client's hold on a session: one per window (IPC) or per HTTP client (its token). */
export interface SessionSlot {
  sessionId: string | null;
}

/** What a handler gets besides its input. */
export interface Ctx {
  db: Db;
  clock: Clock;
  /** Null only in public calls made without a session. */
  user: SessionUser | null;
  slot: SessionSlot;
  sessions: SessionStore;
  /** The heavy reads (figures, long lists) off the main thread. */
  reads: ReadWorker;
  /** Secrets kept out of the database (the card-signing key). */
  secrets: SecretStore;
  /** The county sync engine: wake it, test a connection; it never makes a call wait on the network. */
  sync: SyncControl;
  /** Backups and restore (a restore swaps the database under every later call). */
  backups: BackupControl;
  /** Tells connected clients that data under a topic changed (after the transaction commits). */
  changed(topic: Topic): void;
  /** Pushes an event to connected clients (after the call succeeds), e.g. a call to the hall display. */
  publish<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new Error('handler needs a session but the dispatcher gave none');
  return ctx.user;
}
