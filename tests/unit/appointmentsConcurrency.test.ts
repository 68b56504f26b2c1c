import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_SESSION_HEADER, type ApiResult } from '../../shared/contract';
import { shanghaiDate } from '../../shared/rules/time';
import { addDays } from '../../shared/rules/workdays';
import { makeTestBackend, PASSWORD } from '../../electron/backend/testSupport';
import { startWebHost, stopWebHost, type WebHostProcess } from '../e2e/fixtures';

/**
 * Two (here: 32) desks booking the last place at once, over real HTTP against the web host in its own
 * process: SQLite's write lock serialises the booking transactions, so exactly as many succeed as
 * there are places, and every other desk is told the slot is full.
 */
const DESKS = 4;
const SESSIONS_PER_DESK = 8;
const CLIENTS = DESKS * SESSIONS_PER_DESK;

describe('booking the last places under concurrency over HTTP', () => {
  let host: WebHostProcess;
  let dataDir: string;
  let single: string;
  let triple: string;
  const residents: string[] = [];
  // The host runs on the real clock: book the day after tomorrow (the station opens every day).
  const day = addDays(shanghaiDate(Date.now()), 2);

  beforeAll(async () => {
    const t = await makeTestBackend();
    dataDir = t.dir;
    const a = t.admin;
    const hours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, { open: '08:00', close: '18:00' }]));
    const station = await t.ok(a, 'stations.save', { name: '东湖驿站', address: '东湖路1号', hours });
    const svc = (name: string, prefix: string) => t.ok(a, 'services.save', { category: '驿站', name, prefix, defaultMode: 'onsite', timeLimitDays: 0, needsAppointment: true });
    single = (await t.ok(a, 'stationServices.save', { stationId: station.id, serviceId: (await svc('理发', 'H')).id, slotMinutes: 20, capacity: 1 })).id;
    triple = (await t.ok(a, 'stationServices.save', { stationId: station.id, serviceId: (await svc('民情恳谈', 'M')).id, slotMinutes: 60, capacity: 3 })).id;
    for (let i = 0; i < CLIENTS; i++) residents.push((await t.ok(a, 'residents.create', { name: `居民${i}`, gender: 'F' })).id);
    for (let d = 0; d < DESKS; d++) await t.ok(a, 'users.create', { username: `desk${d}`, displayName: `前台${d}`, role: 'desk', password: PASSWORD });
    t.backend.close();
    host = await startWebHost({ dataDir });
  }, 60_000);

  afterAll(async () => {
    if (host) await stopWebHost(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(token: string | null, method: string, input: unknown): Promise<{ result: ApiResult; token: string | null }> {
    const res = await fetch(`${host.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { [HTTP_SESSION_HEADER]: token } : {}) },
      body: JSON.stringify(input),
    });
    return { result: (await res.json()) as ApiResult, token: res.headers.get(HTTP_SESSION_HEADER) };
  }

  const tokens = async () =>
    Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const login = await call(null, 'session.login', { username: `desk${i % DESKS}`, password: PASSWORD });
        expect(login.result.ok).toBe(true);
        return login.token!;
      }),
    );

  const held = (stationServiceId: string, startMinute: number) => {
    const db = new Database(`${dataDir}/lianxin.db`, { readonly: true });
    try {
      return (db.prepare(`SELECT count(*) n FROM appointments WHERE station_service_id = ? AND day = ? AND start_minute = ?`).get(stationServiceId, day, startMinute) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('the last place of a slot: exactly one of 32 desks gets it, the rest are told it is full', async () => {
    const tk = await tokens();
    const results = await Promise.all(tk.map((token, i) => call(token, 'appointments.book', { stationServiceId: single, day, startMinute: 600, residentId: residents[i] })));
    const won = results.filter((r) => r.result.ok);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => !x.result.ok)) expect(r.result).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'appointment.slot.full' } });
    expect(held(single, 600)).toBe(1);
  }, 60_000);

  it('three places: exactly three succeed; one resident booked from many desks at once: once', async () => {
    const tk = await tokens();
    const results = await Promise.all(tk.map((token, i) => call(token, 'appointments.book', { stationServiceId: triple, day, startMinute: 600, residentId: residents[i] })));
    expect(results.filter((r) => r.result.ok)).toHaveLength(3);
    expect(held(triple, 600)).toBe(3);
    // Places to spare (3), but one resident cannot be in one slot twice.
    const same = await Promise.all(tk.map((token) => call(token, 'appointments.book', { stationServiceId: triple, day, startMinute: 720, residentId: residents[0] })));
    expect(same.filter((r) => r.result.ok)).toHaveLength(1);
    for (const r of same.filter((x) => !x.result.ok)) expect(r.result).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'appointment.resident.overlap' } });
    expect(held(triple, 720)).toBe(1);
  }, 60_000);
});
