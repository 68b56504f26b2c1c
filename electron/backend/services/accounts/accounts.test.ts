import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from './handlers';
import { SESSION_MAX_MS } from './sessions';

describe('accounts', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await makeTestBackend();
  });
  afterEach(() => t.close());

  it('first run: setup makes the admin once, then refuses', async () => {
    const status = await t.ok({ sessionId: null }, 'system.status', {});
    expect(status.setupDone).toBe(true);
    expect(status.centreName).toBe('测试中心');
    const again = await t.backend.dispatch({ sessionId: null }, 'system.setup', {
      centreName: 'x',
      username: 'evil',
      displayName: 'x',
      password: 'abcdefg123',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'setup.alreadyDone' } });
  });

  it('stores only a slow hash of the password', () => {
    const row = t.backend.db.prepare('SELECT password_hash h FROM users WHERE username = ?').get('admin') as { h: string };
    expect(row.h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.h).not.toContain(PASSWORD);
  });

  it('refuses weak passwords at the field', async () => {
    const r = await t.backend.dispatch(t.admin, 'users.create', { username: 'desk2', displayName: '前台', role: 'desk', password: 'abcdefgh' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'user.password.weak', field: 'password' } });
  });

  it('locks an account out after repeated failures, and the admin can clear it', async () => {
    await t.loginAs('desk');
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const r = await t.backend.dispatch({ sessionId: null }, 'session.login', { username: 'desk1', password: 'wrong' });
      expect(r).toMatchObject({ ok: false, error: { key: 'login.wrong', field: 'password' } });
    }
    const last = await t.backend.dispatch({ sessionId: null }, 'session.login', { username: 'desk1', password: 'wrong' });
    expect(last).toMatchObject({ ok: false, error: { key: 'login.lockedOut', params: { minutes: 15 } } });
    // Even the right password is refused while locked out.
    const right = await t.backend.dispatch({ sessionId: null }, 'session.login', { username: 'desk1', password: PASSWORD });
    expect(right).toMatchObject({ ok: false, error: { key: 'login.lockedOut' } });
    t.clock.advance(LOCKOUT_MS + 1);
    await t.ok({ sessionId: null }, 'session.login', { username: 'desk1', password: PASSWORD });
    const audit = await t.ok(await t.loginAs('admin'), 'audit.list', { action: 'login.lockout' });
    expect(audit.total).toBe(1);
  });

  it('an unknown user gets the same answer as a wrong password', async () => {
    const r = await t.backend.dispatch({ sessionId: null }, 'session.login', { username: 'nobody', password: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'login.wrong' } });
  });

  it('locks the session after idle time; only the password unlocks it', async () => {
    const desk = await t.loginAs('desk');
    await t.ok(desk, 'residents.search', { q: '' });
    t.clock.advance(11 * 60_000);
    expect(await t.backend.dispatch(desk, 'residents.search', { q: '' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await t.ok(desk, 'session.get', {})).locked).toBe(true);
    expect(await t.backend.dispatch(desk, 'session.unlock', { password: 'nope' })).toMatchObject({ ok: false, error: { key: 'login.wrong' } });
    await t.ok(desk, 'session.unlock', { password: PASSWORD });
    await t.ok(desk, 'residents.search', { q: '' });
  });

  it('the hall calls neither stop at a locked session nor keep one awake', async () => {
    const desk = await t.loginAs('desk');
    await t.ok(desk, 'residents.search', { q: '' });
    for (let m = 0; m < 11; m++) {
      t.clock.advance(60_000);
      await t.ok(desk, 'display.state', {});
    }
    expect(await t.backend.dispatch(desk, 'residents.search', { q: '' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect((await t.ok(desk, 'display.state', {})).counters.length).toBeGreaterThan(0);
    expect((await t.ok(desk, 'kiosk.state', {})).services).toBeInstanceOf(Array);
  });

  it('ends a session after its maximum age', async () => {
    const desk = await t.loginAs('desk');
    for (let h = 0; h < SESSION_MAX_MS / 600_000; h++) {
      t.clock.advance(600_000);
      await t.backend.dispatch(desk, 'residents.search', { q: '' });
    }
    t.clock.advance(600_000);
    expect(await t.backend.dispatch(desk, 'residents.search', { q: '' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('sessions are per client: logging out one window leaves the other logged in', async () => {
    const a = await t.loginAs('desk');
    const b = await t.loginAs('desk');
    await t.ok(a, 'session.logout', {});
    expect(a.sessionId).toBeNull();
    await t.ok(b, 'residents.search', { q: '' });
  });

  it('a disabled account is logged out at once; the last admin cannot be removed', async () => {
    const desk = await t.loginAs('desk');
    const users = await t.ok(t.admin, 'users.list', {});
    const deskUser = users.find((u) => u.username === 'desk1')!;
    await t.ok(t.admin, 'users.update', { id: deskUser.id, displayName: 'x', role: 'desk', disabled: true });
    expect(await t.backend.dispatch(desk, 'residents.search', { q: '' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.backend.dispatch({ sessionId: null }, 'session.login', { username: 'desk1', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { key: 'login.disabled' },
    });
    const admin = users.find((u) => u.username === 'admin')!;
    expect(await t.backend.dispatch(t.admin, 'users.update', { id: admin.id, displayName: 'x', role: 'desk', disabled: false })).toMatchObject({
      ok: false,
      error: { key: 'user.lastAdmin' },
    });
  });

  it('the audit log cannot be edited or deleted', () => {
    expect(() => t.backend.db.prepare('UPDATE audit_log SET action = ?').run('x')).toThrow(/append-only/);
    expect(() => t.backend.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
