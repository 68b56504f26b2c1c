import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CENTRE } from './store';
import type { FaultRates } from './faults';
import type { CountyMode } from './server';

/** Test helpers: the reference county as a child process, and its control API. */
const ROOT = path.resolve(__dirname, '../..');

export type ReceivedEntry = { id: string; centre: string; stream: string; kind: string; recordId: string; createdAt: number; payload: unknown; receivedAt: number; deliveries: number };
export type DispatchRecord = { id: string; rev: number; version: 1; ref: string; title: string; description: string; department: string | null; serviceCode: string | null; dueDate: string; dispatchedAt: number; state: 'active' | 'withdrawn' };
export type CountyStats = {
  requests: number; hello: number; push: number; pull: number; pulledRecords: number; entries: Record<string, number>; refused: Record<string, number>;
  receivedEntries: number; deliveries: number; faultsHit: Record<string, number>; mode: CountyMode; epoch: number;
};

export function countyControl(url: string) {
  const call = async <T>(method: 'GET' | 'POST', name: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/control/${name}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const value = (await res.json()) as T & { error?: { message: string } };
    if (!res.ok) throw new Error(`county control ${name}: ${value.error?.message ?? res.status}`);
    return value;
  };
  const q = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return {
    stats: () => call<CountyStats>('GET', 'stats'),
    received: (f: { stream?: string; kind?: string } = {}) => call<{ total: number; entries: ReceivedEntry[] }>('GET', `received?${q(f)}`),
    info: () => call<{ county: string; centres: { code: string; name: string; expiresAt: number | null }[]; idHashKey: string; idHashKeyId: string }>('GET', 'info'),
    dispatchStatus: (ref: string) => call<{ ref: string; knownStatus: string | null; statusAt: number | null }>('GET', `dispatch?${q({ ref })}`),
    faults: (f: { seed?: number; rates: FaultRates }) => call<unknown>('POST', 'faults', f),
    resetFaults: () => call<unknown>('POST', 'reset-faults', {}),
    mode: (mode: CountyMode) => call<unknown>('POST', 'mode', { mode }),
    clockOffsetMs: (ms: number) => call<unknown>('POST', 'clockOffsetMs', { ms }),
    forgetCursors: () => call<{ epoch: number }>('POST', 'forgetCursors', {}),
    expire: (centre: string) => call<unknown>('POST', 'expire', { centre }),
    addCentre: (c: { code: string; credential: string; name?: string }) => call<unknown>('POST', 'centre', c),
    dispatch: async (o: { centre?: string; count?: number; records?: Partial<DispatchRecord>[] } = {}) => (await call<{ dispatched: DispatchRecord[] }>('POST', 'dispatch', o)).dispatched,
    withdraw: (ref: string) => call<{ record: DispatchRecord }>('POST', 'withdraw', { ref }),
    roster: (entries: { idNumber?: string; idHash?: string; householdSize: number; validFrom: string; validTo: string; removed?: boolean }[]) => call<unknown>('POST', 'roster', { entries }),
    otherCards: (entries: { idNumber?: string; idHash?: string; centreCode?: string; centreName?: string; cardNo: string; status?: string; centre?: string }[]) => call<unknown>('POST', 'otherCards', { entries }),
    calendar: (days: { date: string; kind: 'holiday' | 'workday' | 'normal'; name: string }[]) => call<unknown>('POST', 'calendar', { days }),
    /** Any down record as is (wrong types, unknown version…). */
    down: (stream: string, record: Record<string, unknown>, centre?: string) => call<{ record: Record<string, unknown> }>('POST', 'down', { stream, record, centre }),
  };
}
export type CountyControl = ReturnType<typeof countyControl>;

export type StartCountyOptions = {
  dataDir?: string;
  seed?: number;
  faults?: FaultRates;
  centres?: { code: string; credential: string; name?: string }[];
  tls?: { certFile: string; keyFile: string };
  port?: number;
};

/** Spawns `tsx tests/county/main.ts` on port 0 (or the given port) and waits for its `county:` line. */
export async function startCounty(o: StartCountyOptions = {}) {
  const ownDir = !o.dataDir;
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-county-'));
  const args = ['tests/county/main.ts', '--port', String(o.port ?? 0), '--data-dir', dataDir];
  if (o.seed !== undefined) args.push('--seed', String(o.seed));
  const rates = Object.entries(o.faults ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  if (rates) args.push('--faults', rates);
  for (const c of o.centres ?? []) args.push('--centre', [c.code, c.credential, c.name].filter(Boolean).join(':'));
  if (o.tls) args.push('--tls-cert', o.tls.certFile, '--tls-key', o.tls.keyFile);
  // One process (node with tsx's loader): the tsx wrapper would not pass a SIGKILL on to the server.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`county did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/county: (https?:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(m[1]!);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`county exited early (${code ?? signal}):\n${out}`));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
  // Keep draining output so the child never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  const first = o.centres?.[0] ?? DEFAULT_CENTRE;
  const ended = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const endWith = async (signal: NodeJS.Signals) => {
    if (!ended(child)) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    }
  };
  return {
    url,
    dataDir,
    centreCode: first.code,
    credential: first.credential,
    control: countyControl(url),
    pid: child.pid,
    /** SIGTERM and wait; removes the data dir when startCounty made it. */
    async stop() {
      await endWith('SIGTERM');
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    /** SIGKILL (the county "goes down"); the data dir stays so a new county can start on it. */
    kill: () => endWith('SIGKILL'),
  };
}
export type StartedCounty = Awaited<ReturnType<typeof startCounty>>;
