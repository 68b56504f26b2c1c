import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import { createBackend, type Backend } from '../app';
import type { SessionSlot } from '../context';
import { TestClock } from '../testSupport';
import { loadCalendar } from '../services/catalogue/calendar';
import { getOffer } from '../services/appointments/offer';
import { offerDay, slotStarts } from '../services/appointments/schedule';
import { sweepNoShows } from '../services/appointments/noShowSweep';
import { DEMO_PASSWORD } from './demoData';

/** The demo is filled with "now" = the real date: it must be valid whatever day the app is first opened. */
describe('demo appointments', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-appt-'));
  const clock = new TestClock(Date.now());
  let b: Backend;
  const desk: SessionSlot = { sessionId: null };
  beforeAll(async () => {
    b = createBackend({ dataDir: dir, demo: true, clock, checkOutputs: true });
    await b.dispatch(desk, 'session.login', { username: 'qiantai', password: DEMO_PASSWORD });
  }, 120_000);
  afterAll(() => {
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const all = <T>(sql: string, ...args: unknown[]) => b.db.prepare(sql).all(...args) as T[];

  it('has station services and two months back, two weeks ahead of bookings in a realistic mix', () => {
    const today = shanghaiDate(clock.now());
    expect(all('SELECT id FROM station_services').length).toBeGreaterThanOrEqual(10);
    const byStatus = Object.fromEntries(all<{ status: string; n: number }>('SELECT status, count(*) n FROM appointments GROUP BY status').map((r) => [r.status, r.n]));
    expect(byStatus.completed).toBeGreaterThan(500);
    expect(byStatus.no_show).toBeGreaterThan(30);
    expect(byStatus.cancelled).toBeGreaterThan(30);
    expect(byStatus.booked).toBeGreaterThan(100);
    const tomorrow = addDays(today, 1);
    const tomorrowBooked = all<{ n: number }>(`SELECT count(*) n FROM appointments WHERE day = ? AND status = 'booked'`, tomorrow)[0]!.n;
    const openTomorrow = all<{ id: string }>('SELECT id FROM station_services').some((s) => offerDay(getOffer(b.db, s.id), loadCalendar(b.db), tomorrow).open);
    if (openTomorrow) expect(tomorrowBooked).toBeGreaterThan(0);
    expect(all<{ n: number }>(`SELECT count(*) n FROM appointments WHERE status = 'booked' AND day < ?`, today)[0]!.n).toBe(0);
    expect(sweepNoShows(b.db, clock.now())).toBe(0);
  });

  it('never exceeds a slot’s capacity, never puts a resident in two places, books only open slots', () => {
    const over = all(
      `SELECT a.station_service_id, a.day, a.start_minute, count(*) n, ss.capacity FROM appointments a JOIN station_services ss ON ss.id = a.station_service_id
        WHERE a.status IN ('booked', 'checked_in', 'completed', 'no_show') GROUP BY 1, 2, 3 HAVING n > ss.capacity`,
    );
    expect(over).toEqual([]);
    const clash = all(
      `SELECT a.id FROM appointments a JOIN appointments b ON a.resident_id = b.resident_id AND a.day = b.day AND a.id < b.id
        AND a.start_minute < b.end_minute AND b.start_minute < a.end_minute
        WHERE a.status IN ('booked', 'checked_in') AND b.status IN ('booked', 'checked_in')`,
    );
    expect(clash).toEqual([]);
    const calendar = loadCalendar(b.db);
    for (const s of all<{ id: string }>('SELECT id FROM station_services')) {
      const offer = getOffer(b.db, s.id);
      for (const a of all<{ day: string; start_minute: number }>('SELECT DISTINCT day, start_minute FROM appointments WHERE station_service_id = ?', s.id)) {
        const open = offerDay(offer, calendar, a.day);
        expect(open.open && slotStarts(open.hours, offer.slotMinutes).includes(a.start_minute), `${offer.serviceName} ${a.day} ${a.start_minute}`).toBe(true);
      }
    }
  });

  it('answers the desk: tomorrow’s call list, a station’s week, a slip', async () => {
    const list = await b.dispatch(desk, 'appointments.callList', {});
    expect(list.ok).toBe(true);
    const station = all<{ id: string }>(`SELECT id FROM stations WHERE name = '东湖驿站'`)[0]!;
    const week = await b.dispatch(desk, 'appointments.weekView', { stationId: station.id, week: shanghaiDate(clock.now()) });
    expect(week).toMatchObject({ ok: true });
    const one = all<{ id: string }>(`SELECT id FROM appointments WHERE status = 'completed' LIMIT 1`)[0]!;
    const detail = await b.dispatch(desk, 'appointments.get', { id: one.id });
    expect(detail).toMatchObject({ ok: true, value: { status: 'completed' } });
  });
});
