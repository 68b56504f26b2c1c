import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, ROLES, type ApiResult, type ErrorCode, type Method, type Role } from '../../shared/contract';
import { createBackend, type Backend } from '../../electron/backend/app';
import type { SessionSlot } from '../../electron/backend/context';
import { hashSecretSync } from '../../electron/backend/services/accounts/password';
import { TestClock } from '../../electron/backend/testSupport';
import { newId } from '../../electron/backend/db/ids';
import { DB_FILE_NAME } from '../../electron/backend/db/open';
import Database from 'better-sqlite3';
import { Rng } from './prng';
import { generate, type Pools } from './fromSchema';

export const KNOWN_CODES: readonly ErrorCode[] = ['BAD_REQUEST', 'VALIDATION', 'UNAUTHENTICATED', 'LOCKED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INTERNAL'];
const PASSWORD = 'secret123';
export type Caller = Role | 'anon';
export const CALLERS: readonly Caller[] = [...ROLES, 'anon'];

/**
 * Refusals that rightly write: a wrong password or staff PIN counts towards the lockout (and a lockout
 * is audited).
 */
const WRITES_WHEN_REFUSED = new Set<Method>(['session.login', 'session.unlock', 'session.changePassword']);
const refusalMayWrite = (method: Method, key: string) => WRITES_WHEN_REFUSED.has(method) || key === 'duty.pin.wrong' || key === 'duty.pin.locked';
/** Calls that check a staff PIN: a right PIN clears the failure count even when the call is then refused. */
const takesPin = (method: Method) => 'pin' in ((contract[method].input as unknown as { shape?: object }).shape ?? {});

export interface Failure {
  method: Method;
  caller: Caller;
  how: string;
  input: string;
  problem: string;
}

export interface Summary {
  calls: number;
  ok: number;
  refused: Partial<Record<ErrorCode, number>>;
  failures: Failure[];
  /** Methods that answered ok at least once: how deep the fuzz reached. */
  reachedOk: Set<Method>;
}

/** A short, printable form of an input (the big ones would fill the log). */
export function describe(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x: unknown) => {
      if (typeof x === 'string' && x.length > 60) return `${x.slice(0, 20)}…(${x.length} chars)`;
      if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
      if (Array.isArray(x) && x.length > 20) return `[array of ${x.length}]`;
      return x;
    });
    return s === undefined ? String(v) : s.length > 400 ? `${s.slice(0, 400)}…` : s;
  } catch {
    return '(too deep to print)';
  }
}

export class FuzzRig {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-fuzz-'));
  readonly clock = new TestClock();
  readonly backend: Backend;
  private slots = new Map<Caller, SessionSlot>();
  private userIds = new Map<Role, string>();
  pools!: Pools;
  private readonly passwordHash = hashSecretSync(PASSWORD);
  /** Milliseconds spent per method, to find the slow ones. */
  readonly timeByMethod = new Map<Method, number>();

  constructor() {
    // The sync engine stays off: a fuzzed endpoint must not start background traffic that writes between calls.
    this.backend = createBackend({ dataDir: this.dir, clock: this.clock, checkOutputs: true, demo: true, sync: false });
  }

  get db() {
    return this.backend.db;
  }

  async start(): Promise<void> {
    const db = this.db;
    const hash = this.passwordHash;
    const now = this.clock.now();
    let partnerId = (db.prepare('SELECT id FROM partners ORDER BY name LIMIT 1').get() as { id: string } | undefined)?.id;
    if (!partnerId) {
      partnerId = newId();
      db.prepare(`INSERT INTO partners (id, name, address, contact_name, contact_phone, created_at, updated_at) VALUES (?, '测试商户', '幸福路8号', '李经理', '13800138000', ?, ?)`).run(partnerId, now, now);
    }
    for (const role of ROLES) {
      const username = `fuzz_${role}`;
      const id = newId();
      db.prepare(
        `INSERT INTO users (id, username, display_name, role, password_hash, partner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, username, `${role} 测试`, role, hash, role === 'partner' ? partnerId : null, now, now);
      this.userIds.set(role, id);
    }
    for (const c of CALLERS) this.slots.set(c, { sessionId: null });
    for (const role of ROLES) await this.relogin(role);
    fs.mkdirSync(path.join(this.dir, 'out'), { recursive: true });
    this.refreshPools();
  }

  /** Puts the role's own account back as it was (a fuzzed call may have changed its password) and signs in again. */
  async relogin(caller: Caller): Promise<void> {
    const slot = this.slots.get(caller)!;
    if (caller === 'anon') {
      slot.sessionId = null;
      return;
    }
    this.db
      .prepare('UPDATE users SET password_hash = ?, disabled = 0, failed_logins = 0, locked_until = NULL, role = ? WHERE id = ?')
      .run(this.passwordHash, caller, this.userIds.get(caller)!);
    slot.sessionId = null;
    const r = await this.backend.dispatch(slot, 'session.login', { username: `fuzz_${caller}`, password: PASSWORD });
    if (!r.ok) throw new Error(`cannot sign ${caller} in again: ${r.error.code} ${r.error.key}`);
  }

  /** Ids that exist (so calls get past "not found"), except our own accounts. */
  refreshPools(): void {
    const db = this.db;
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
    const ours = new Set(this.userIds.values());
    const ids: string[] = [];
    const idsByTable = new Map<string, string[]>();
    for (const { name, sql } of tables) {
      const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
      if (!cols.some((c) => c.name === 'id')) continue;
      // Newest first, by insertion order: the same seed then makes the same choices (ids themselves are random).
      const rows = db.prepare(`SELECT id FROM "${name}" ORDER BY ${/WITHOUT\s+ROWID/i.test(sql) ? 'id' : 'rowid'} DESC LIMIT 30`).all() as { id: unknown }[];
      const here = rows.map((r) => r.id).filter((x): x is string => typeof x === 'string' && !ours.has(x));
      ids.push(...here);
      idsByTable.set(name, here);
    }
    const strings = (db.prepare('SELECT card_no FROM cards ORDER BY rowid DESC LIMIT 10').all() as { card_no: string }[]).map((r) => r.card_no);
    const day = (offset: number) => new Date(this.clock.now() + offset * 86_400_000).toISOString().slice(0, 10);
    this.pools = { ids, idsByTable, strings, dates: [day(0), day(1), day(2), day(7), day(-1), day(-30)], folder: path.join(this.dir, 'out') };
  }

  private pinState(): string {
    return (this.db.prepare(`SELECT group_concat(id || ':' || pin_failures || ':' || ifnull(pin_locked_until, '-')) AS s FROM staff`).get() as { s: string | null }).s ?? '';
  }

  /**
   * A second connection's `data_version` moves only when the backend's connection commits: a write
   * that its transaction rolled back (a refusal half-way through) does not count, unlike total_changes().
   */
  private observer: Database.Database | null = null;
  private committed(): number {
    this.observer ??= new Database(path.join(this.dir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
    return this.observer.pragma('data_version', { simple: true }) as number;
  }

  /** One fuzzed call; records what went wrong in `summary`. */
  async callOnce(method: Method, caller: Caller, rng: Rng, summary: Summary): Promise<void> {
    const g = generate(method, contract[method].input, rng, this.pools);
    const slot = this.slots.get(caller)!;
    const before = this.committed();
    const pinsBefore = takesPin(method) ? this.pinState() : null;
    const fail = (problem: string) => summary.failures.push({ method, caller, how: g.how, input: describe(g.input), problem });
    let r: ApiResult;
    const t0 = performance.now();
    try {
      r = await this.backend.dispatch(slot, method, g.input);
    } catch (e) {
      fail(`dispatch threw: ${String(e)}`);
      return;
    } finally {
      this.timeByMethod.set(method, (this.timeByMethod.get(method) ?? 0) + performance.now() - t0);
    }
    summary.calls++;
    if (r.ok) {
      summary.ok++;
      summary.reachedOk.add(method);
    } else {
      const code = r.error?.code;
      if (!KNOWN_CODES.includes(code) || typeof r.error.key !== 'string' || r.error.key === '') fail(`untyped error: ${describe(r.error)}`);
      else if (code === 'INTERNAL') fail('INTERNAL');
      summary.refused[code] = (summary.refused[code] ?? 0) + 1;
      const after = this.committed();
      // A right PIN clears its failure count (a commit of its own) before the call goes on to be refused.
      const pinReset = pinsBefore !== null && this.pinState() !== pinsBefore;
      if (after !== before && !refusalMayWrite(method, r.error.key) && !pinReset) fail(`refused (${code} ${r.error.key}) but committed a write`);
    }
    if (caller !== 'anon' && (method.startsWith('session.') || (!r.ok && (r.error.code === 'UNAUTHENTICATED' || r.error.code === 'LOCKED')))) {
      const s = await this.backend.dispatch(slot, 'session.get', {});
      const fine = s.ok && (s.value as { me: unknown; locked: boolean }).me !== null && !(s.value as { locked: boolean }).locked;
      if (!fine) await this.relogin(caller);
    }
  }

  close(): void {
    this.observer?.close();
    this.backend.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
