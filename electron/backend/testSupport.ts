import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Input, Method, Output, Role } from '../../shared/contract';
import { createBackend, type Backend } from './app';
import type { Clock, SessionSlot } from './context';
import { hashSecretSync } from './services/accounts/password';
import { newId } from './db/ids';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(public t = Date.UTC(2026, 10, 23, 2, 0, 0)) {}
  now() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
  }
}

export const PASSWORD = 'secret123';

export interface TestBackend {
  backend: Backend;
  dir: string;
  clock: TestClock;
  admin: SessionSlot;
  /** Calls and unwraps: throws with the error value if the call failed. */
  ok<M extends Method>(slot: SessionSlot, method: M, input: Input<M>): Promise<Output<M>>;
  /** Creates (once) a user of the role and returns a freshly logged-in slot. */
  loginAs(role: Role): Promise<SessionSlot>;
  close(): void;
}

/** A partner verifier belongs to a partner (爱心商户): the test partner '测试商户', made once. */
function linkTestPartner(backend: Backend, userId: string, now: number): void {
  const db = backend.db;
  let partnerId = (db.prepare(`SELECT id FROM partners WHERE name = '测试商户'`).get() as { id: string } | undefined)?.id;
  if (!partnerId) {
    partnerId = newId();
    db.prepare(
      `INSERT INTO partners (id, name, address, contact_name, contact_phone, created_at, updated_at)
       VALUES (?, '测试商户', '幸福路8号', '李经理', '13800138000', ?, ?)`,
    ).run(partnerId, now, now);
  }
  db.prepare('UPDATE users SET partner_id = ? WHERE id = ?').run(partnerId, userId);
}

/** A real backend on a real SQLite file in a temp folder, with an admin logged in. */
export async function makeTestBackend(opts: { demo?: boolean } = {}): Promise<TestBackend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-test-'));
  const clock = new TestClock();
  const backend = createBackend({ dataDir: dir, clock, checkOutputs: true, demo: opts.demo });
  const ok = async <M extends Method>(slot: SessionSlot, method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await backend.dispatch(slot, method, input);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.key} ${r.error.field ?? ''}`), { value: r.error });
    return r.value as Output<M>;
  };
  const admin: SessionSlot = { sessionId: null };
  if (opts.demo) {
    // The demo centre has its admin already; give it the test password.
    backend.db.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(hashSecretSync(PASSWORD), 'admin');
    await ok(admin, 'session.login', { username: 'admin', password: PASSWORD });
  } else {
    await ok(admin, 'system.setup', { centreName: '测试中心', username: 'admin', displayName: '管理员', password: PASSWORD });
  }
  const created = new Set<Role>(['admin']);
  return {
    backend,
    dir,
    clock,
    admin,
    ok,
    async loginAs(role) {
      const username = role === 'admin' ? 'admin' : `${role}1`;
      if (!created.has(role)) {
        const u = await ok(admin, 'users.create', { username, displayName: `${role} 用户`, role, password: PASSWORD });
        if (role === 'partner') linkTestPartner(backend, u.id, clock.now());
        created.add(role);
      }
      const slot: SessionSlot = { sessionId: null };
      await ok(slot, 'session.login', { username, password: PASSWORD });
      return slot;
    },
    close() {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
