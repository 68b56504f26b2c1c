import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, ROLES, type Method, type Role } from '../../../shared/contract';
import { makeTestBackend, type TestBackend } from '../testSupport';
import type { SessionSlot } from '../context';

/**
 * Every call × every role (and no session at all): a role outside the call's access list is refused
 * with FORBIDDEN before its input is even read; without a session only public calls go through.
 */
describe('contract × roles', () => {
  let t: TestBackend;
  const slots = new Map<Role, SessionSlot>();
  beforeAll(async () => {
    t = await makeTestBackend();
    for (const role of ROLES) slots.set(role, await t.loginAs(role));
  });
  afterAll(() => t.close());

  const methods = Object.keys(contract) as Method[];

  it('covers every call', () => {
    expect(methods.length).toBeGreaterThan(30);
  });

  for (const method of methods) {
    const access = contract[method].access;
    for (const role of ROLES) {
      const allowed = access === 'public' || access.includes(role);
      it(`${method} as ${role} is ${allowed ? 'let through' : 'refused'}`, async () => {
        let slot = slots.get(role)!;
        if (!slot.sessionId) slot = await t.loginAs(role);
        slots.set(role, slot);
        const r = await t.backend.dispatch(slot, method, {});
        if (allowed) {
          if (!r.ok) expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(r.error.code);
        } else {
          expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', key: 'error.forbidden' } });
        }
        // Calls that end or lock the session would spoil the next case: start a new one.
        if (method === 'session.logout' || method === 'session.lock') slots.set(role, await t.loginAs(role));
      });
    }
    it(`${method} without a session is ${access === 'public' ? 'let through' : 'refused'}`, async () => {
      const r = await t.backend.dispatch({ sessionId: null }, method, {});
      if (access === 'public') {
        if (!r.ok) expect(r.error.code).not.toBe('UNAUTHENTICATED');
      } else {
        expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'session.required' } });
      }
    });
  }

  it('refuses an unknown method and a forged session', async () => {
    expect(await t.backend.dispatch(t.admin, 'residents.drop', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await t.backend.dispatch(t.admin, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await t.backend.dispatch({ sessionId: 'forged-token-forged-token' }, 'users.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
