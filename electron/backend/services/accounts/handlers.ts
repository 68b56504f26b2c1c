import { fail } from '../../../../shared/contract';
import { requireUser, type Ctx, type SessionUser } from '../../context';
import { newId } from '../../db/ids';
import { defineHandlers } from '../../api/types';
import { listAudit, writeAudit } from '../audit/audit';
import { getCentreSettings, getSetting, setCentreSettings, setSetting } from '../centre/settings';
import { LATEST_SCHEMA } from '../../db/migrate';
import { APP_VERSION } from '../../version';
import { decoyHash, hashSecret, verifySecret } from './password';
import { ensureSigningKey } from '../cards/keys';
import {
  countActiveAdmins,
  countUsers,
  findUser,
  findUserByName,
  insertUser,
  toUser,
  type UserRow,
} from './users';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

const sessionUser = (u: UserRow): SessionUser => ({
  userId: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  partnerId: u.partner_id,
});
const me = (u: SessionUser) => ({ id: u.userId, username: u.username, displayName: u.displayName, role: u.role });

function startSession(ctx: Ctx, u: SessionUser) {
  if (ctx.slot.sessionId) ctx.sessions.delete(ctx.slot.sessionId);
  ctx.slot.sessionId = ctx.sessions.create(u, ctx.clock.now());
}

/**
 * Checks a password against a user, counting failures toward the lockout. The hash is verified
 * outside any transaction (it is slow and async); the counters are updated atomically in SQL.
 */
async function checkPassword(ctx: Ctx, u: UserRow | undefined, password: string, field: string): Promise<UserRow> {
  const now = ctx.clock.now();
  if (!u) {
    await verifySecret(password, await decoyHash());
    throw fail.validation('login.wrong', field);
  }
  if (u.disabled) throw fail.validation('login.disabled', 'username');
  if (u.locked_until !== null && u.locked_until > now) {
    throw fail.validation('login.lockedOut', field, { minutes: Math.ceil((u.locked_until - now) / 60_000) });
  }
  if (await verifySecret(password, u.password_hash)) {
    ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(u.id);
    return u;
  }
  const lockedOut = ctx.db.transaction(() => {
    const { failed_logins: n } = ctx.db
      .prepare('UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins')
      .get(u.id) as { failed_logins: number };
    if (n < MAX_FAILED_LOGINS) return false;
    ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?').run(now + LOCKOUT_MS, u.id);
    writeAudit(ctx.db, { userId: u.id, username: u.username }, now, { action: 'login.lockout', targetType: 'user', targetId: u.id });
    return true;
  })();
  if (lockedOut) throw fail.validation('login.lockedOut', field, { minutes: LOCKOUT_MS / 60_000 });
  throw fail.validation('login.wrong', field, { left: MAX_FAILED_LOGINS - (u.failed_logins + 1) });
}

export const accountsHandlers = defineHandlers({
  'system.status': (_input, ctx) => ({
    setupDone: countUsers(ctx.db) > 0,
    centreName: getCentreSettings(ctx.db).centreName,
    version: APP_VERSION,
    schemaVersion: LATEST_SCHEMA,
    mode: getSetting<string, 'centre' | 'partner'>(ctx.db, 'mode', 'centre'),
    demoLogin: getSetting<string, { username: string; password: string } | null>(ctx.db, 'demoLogin', null),
  }),

  'system.setup': async (input, ctx) => {
    if (countUsers(ctx.db) > 0) throw fail.conflict('setup.alreadyDone');
    const hash = await hashSecret(input.password);
    const id = newId();
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      if (countUsers(ctx.db) > 0) throw fail.conflict('setup.alreadyDone');
      insertUser(ctx.db, { id, username: input.username, displayName: input.displayName, role: 'admin', passwordHash: hash }, now);
      setCentreSettings(ctx.db, { ...getCentreSettings(ctx.db), centreName: input.centreName });
      writeAudit(ctx.db, { userId: id, username: input.username }, now, { action: 'system.setup', targetType: 'user', targetId: id });
    })();
    // The centre's card-signing key is made at setup (SPEC §4.4), kept in the secret store.
    ensureSigningKey(ctx.db, ctx.secrets, now);
    const u = { userId: id, username: input.username, displayName: input.displayName, role: 'admin' as const, partnerId: null };
    startSession(ctx, u);
    return me(u);
  },

  'session.get': (_input, ctx) => ({
    me: ctx.user ? me(ctx.user) : null,
    locked: ctx.slot.sessionId !== null && ctx.user !== null && ctx.sessions.get(ctx.slot.sessionId)?.locked === true,
    idleLockMinutes: getCentreSettings(ctx.db).idleLockMinutes,
  }),

  'session.login': async (input, ctx) => {
    const u = await checkPassword(ctx, findUserByName(ctx.db, input.username), input.password, 'password');
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      ctx.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(now, u.id);
      writeAudit(ctx.db, { userId: u.id, username: u.username }, now, { action: 'login', targetType: 'user', targetId: u.id });
    })();
    const su = sessionUser(u);
    startSession(ctx, su);
    return me(su);
  },

  'session.logout': (_input, ctx) => {
    if (ctx.slot.sessionId) ctx.sessions.delete(ctx.slot.sessionId);
    ctx.slot.sessionId = null;
    return { ok: true };
  },

  'session.lock': (_input, ctx) => {
    ctx.sessions.setLocked(ctx.slot.sessionId!, true, ctx.clock.now());
    return { ok: true };
  },

  'session.unlock': async (input, ctx) => {
    const user = requireUser(ctx);
    try {
      await checkPassword(ctx, findUser(ctx.db, user.userId), input.password, 'password');
    } catch (e) {
      // A locked-out or disabled account cannot keep its open session either.
      const row = findUser(ctx.db, user.userId);
      if (!row || row.disabled || (row.locked_until ?? 0) > ctx.clock.now()) {
        ctx.sessions.deleteUser(user.userId);
        ctx.slot.sessionId = null;
      }
      throw e;
    }
    ctx.sessions.setLocked(ctx.slot.sessionId!, false, ctx.clock.now());
    return me(user);
  },

  'session.changePassword': async (input, ctx) => {
    const user = requireUser(ctx);
    await checkPassword(ctx, findUser(ctx.db, user.userId), input.oldPassword, 'oldPassword');
    const hash = await hashSecret(input.newPassword);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      ctx.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, now, user.userId);
      // The demo's printed password stops being shown once it no longer works.
      const demo = getSetting<string, { username: string } | null>(ctx.db, 'demoLogin', null);
      if (demo && demo.username.toLowerCase() === user.username.toLowerCase()) setSetting(ctx.db, 'demoLogin', null);
      writeAudit(ctx.db, user, now, { action: 'user.changePassword', targetType: 'user', targetId: user.userId });
    })();
    return { ok: true };
  },

  'users.list': (_input, ctx) =>
    (ctx.db.prepare('SELECT * FROM users ORDER BY disabled, role, username').all() as UserRow[]).map(toUser),

  'users.create': async (input, ctx) => {
    if (findUserByName(ctx.db, input.username)) throw fail.conflict('user.username.taken', 'username');
    const hash = await hashSecret(input.password);
    const id = newId();
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      if (findUserByName(ctx.db, input.username)) throw fail.conflict('user.username.taken', 'username');
      if (input.staffId) assertStaffExists(ctx, input.staffId);
      insertUser(ctx.db, { id, username: input.username, displayName: input.displayName, role: input.role, passwordHash: hash, staffId: input.staffId ?? null }, now);
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'user.create', targetType: 'user', targetId: id, detail: { username: input.username, role: input.role } });
    })();
    ctx.changed('users');
    return toUser(findUser(ctx.db, id)!);
  },

  'users.update': (input, ctx) => {
    const now = ctx.clock.now();
    const row = ctx.db.transaction(() => {
      const before = findUser(ctx.db, input.id);
      if (!before) throw fail.notFound('user.notFound');
      const losesAdmin = before.role === 'admin' && (input.role !== 'admin' || input.disabled);
      if (losesAdmin && countActiveAdmins(ctx.db, input.id) === 0) throw fail.conflict('user.lastAdmin', 'role');
      if (input.staffId) assertStaffExists(ctx, input.staffId);
      ctx.db
        .prepare('UPDATE users SET display_name = ?, role = ?, disabled = ?, staff_id = ?, updated_at = ? WHERE id = ?')
        .run(input.displayName, input.role, input.disabled ? 1 : 0, input.staffId ?? null, now, input.id);
      writeAudit(ctx.db, requireUser(ctx), now, {
        action: 'user.update',
        targetType: 'user',
        targetId: input.id,
        detail: { role: input.role, disabled: input.disabled, before: { role: before.role, disabled: before.disabled === 1 } },
      });
      return findUser(ctx.db, input.id)!;
    })();
    // A changed role or a disabled account takes effect now, not at the next login.
    ctx.sessions.deleteUser(input.id);
    ctx.changed('users');
    return toUser(row);
  },

  'users.resetPassword': async (input, ctx) => {
    if (!findUser(ctx.db, input.id)) throw fail.notFound('user.notFound');
    const hash = await hashSecret(input.password);
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      ctx.db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(hash, now, input.id);
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'user.resetPassword', targetType: 'user', targetId: input.id });
    })();
    ctx.sessions.deleteUser(input.id);
    ctx.changed('users');
    return { ok: true };
  },

  'users.clearLockout': (input, ctx) => {
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      const r = ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(input.id);
      if (r.changes === 0) throw fail.notFound('user.notFound');
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'user.clearLockout', targetType: 'user', targetId: input.id });
    })();
    ctx.changed('users');
    return { ok: true };
  },

  'settings.get': (_input, ctx) => getCentreSettings(ctx.db),

  'settings.update': (input, ctx) => {
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      const before = getCentreSettings(ctx.db);
      setCentreSettings(ctx.db, input);
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'settings.update', targetType: 'settings', detail: { before, after: input } });
    })();
    ctx.changed('settings');
    return { ok: true };
  },

  'audit.list': (input, ctx) => listAudit(ctx.db, input),

  'audit.verifyChain': async (_input, ctx) => {
    const result = await ctx.reads.run('audit.verifyChain', {}, ctx.clock.now());
    const now = ctx.clock.now();
    ctx.db.transaction(() => writeAudit(ctx.db, requireUser(ctx), now, { action: 'audit.verifyChain', targetType: 'audit', detail: { ...result } }))();
    return result;
  },
});

function assertStaffExists(ctx: Ctx, staffId: string) {
  if (!ctx.db.prepare('SELECT 1 FROM staff WHERE id = ?').get(staffId)) throw fail.validation('staff.notFound', 'staffId');
}
