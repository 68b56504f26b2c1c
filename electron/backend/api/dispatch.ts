import { z } from 'zod';
import {
  AppError,
  contract,
  HALL_METHODS,
  isMethod,
  type ApiResult,
  type AppErrorValue,
  type EventName,
  type Method,
} from '../../../shared/contract';
import type { Clock, Ctx, SessionSlot, SessionUser } from '../context';
import type { Db } from '../db/open';
import type { SessionStore } from '../services/accounts/sessions';
import type { ReadWorker } from '../reads/readWorker';
import type { SecretStore } from '../secrets/secretStore';
import type { SyncControl } from '../services/sync/engine';
import type { BackupControl } from '../app';
import { getIdleLockMinutes } from '../services/centre/settings';
import type { Handlers } from './types';

/** Calls a locked session may still make: to see that it is locked, to unlock, to leave. */
const ALLOWED_WHEN_LOCKED = new Set<Method>(['session.get', 'session.unlock', 'session.logout', 'system.status']);
/** Calls that do not count as the user being active (the UI polls them). */
const NOT_ACTIVITY = new Set<Method>(['session.get', 'system.status']);

/** Zod issue → our message key: schemas carry keys as messages; zod's own English texts are mapped. */
function issueKey(issue: z.core.$ZodIssue): string {
  if (/^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return 'validation.invalidType';
    case 'too_big':
      return 'validation.tooBig';
    case 'too_small':
      return 'validation.tooSmall';
    case 'unrecognized_keys':
      return 'validation.unknownField';
    default:
      return 'validation.invalid';
  }
}

export function zodToAppError(err: z.ZodError): AppErrorValue {
  const issue = err.issues[0]!;
  const field = issue.path.map(String).join('.');
  return { code: 'VALIDATION', key: issueKey(issue), ...(field ? { field } : {}) };
}

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  sessions: SessionStore;
  reads: ReadWorker;
  secrets: SecretStore;
  sync: SyncControl;
  backups: BackupControl;
  handlers: Handlers;
  emit(name: EventName, payload: unknown): void;
  /** Tests turn this on: every output is checked against the contract. */
  checkOutputs?: boolean;
  log?: (message: string, err: unknown) => void;
}

export type SessionCheck = { ok: true; user: SessionUser | null } | { ok: false; error: AppErrorValue };

/** Who is calling, and whether they may make this call (role, lock, expiry). */
export function checkAccess(deps: Pick<DispatcherDeps, 'db' | 'clock' | 'sessions'>, slot: SessionSlot, method: Method): SessionCheck {
  const now = deps.clock.now();
  const idleMs = getIdleLockMinutes(deps.db) * 60_000;
  const st = deps.sessions.state(slot.sessionId, now, idleMs);
  const access = contract[method].access;
  if (st.kind === 'none' || st.kind === 'expired') {
    if (slot.sessionId && st.kind === 'expired') slot.sessionId = null;
    if (access === 'public') return { ok: true, user: null };
    return { ok: false, error: { code: 'UNAUTHENTICATED', key: st.kind === 'expired' ? 'session.expired' : 'session.required' } };
  }
  // The hall's calls are anonymous whatever the tab holds: a locked session does not stop the display,
  // and the display's refreshes do not keep a staff session from locking.
  if (HALL_METHODS.has(method)) return { ok: true, user: null };
  const user: SessionUser = st.session;
  if (st.kind === 'locked' && !ALLOWED_WHEN_LOCKED.has(method)) {
    return { ok: false, error: { code: 'LOCKED', key: 'session.locked' } };
  }
  if (access !== 'public' && !access.includes(user.role)) {
    return { ok: false, error: { code: 'FORBIDDEN', key: 'error.forbidden' } };
  }
  if (!NOT_ACTIVITY.has(method)) deps.sessions.touch(st.session.id, now);
  return { ok: true, user };
}

/**
 * The one entry for every call from every transport: unknown method → refused; session and role
 * checked before the input is even looked at; input parsed by the contract's schema; handler run;
 * any error turned into a typed value. Never throws.
 */
export function createDispatcher(deps: DispatcherDeps) {
  return async function dispatch(slot: SessionSlot, method: string, rawInput: unknown): Promise<ApiResult> {
    if (typeof method !== 'string' || !isMethod(method)) {
      return { ok: false, error: { code: 'BAD_REQUEST', key: 'error.unknownMethod' } };
    }
    try {
      const access = checkAccess(deps, slot, method);
      if (!access.ok) return access;
      const def = contract[method];
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) return { ok: false, error: zodToAppError(parsed.error) };
      const pending: [EventName, unknown][] = [];
      const ctx: Ctx = {
        db: deps.db,
        clock: deps.clock,
        user: access.user,
        slot,
        sessions: deps.sessions,
        reads: deps.reads,
        secrets: deps.secrets,
        sync: deps.sync,
        backups: deps.backups,
        changed: (topic) => pending.push(['data.changed', { topic }]),
        publish: (name, payload) => pending.push([name, payload]),
      };
      const handler = deps.handlers[method] as (input: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, ctx);
      if (deps.checkOutputs) {
        const out = def.output.safeParse(value);
        if (!out.success) throw new Error(`output of ${method} breaks the contract: ${out.error.message}`);
      }
      const sent = new Set<string>();
      for (const [name, payload] of pending) {
        const key = `${name}:${JSON.stringify(payload)}`;
        if (!sent.has(key)) deps.emit(name, payload);
        sent.add(key);
      }
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.value };
      if (e instanceof z.ZodError) return { ok: false, error: zodToAppError(e) };
      (deps.log ?? ((m, err) => console.error(m, err)))(`call ${method} failed`, e);
      return { ok: false, error: { code: 'INTERNAL', key: 'error.internal' } };
    }
  };
}
