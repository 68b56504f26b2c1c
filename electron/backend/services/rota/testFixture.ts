import type { Input, Method, Output } from '../../../../shared/contract';
import type { SessionSlot } from '../../context';
import { makeTestBackend, PASSWORD } from '../../testSupport';

/** A time in Shanghai on a date, as the test clock's UTC milliseconds. */
export const shanghai = (date: string, hhmm = '10:00'): number => Date.parse(`${date}T${hhmm}:00+08:00`);

const OPEN = { open: '08:00', close: '21:00' };

/**
 * Two stations (东湖: Monday–Saturday; 西苑: every day), five staff with PINs 1001…1005, and at 东湖
 * a morning shift (08–12, two people, Mon–Sat) and an evening shift (17–21, one person, Mon–Sat); at
 * 西苑 a day shift (10–16, one person). The clock stands at Monday 2026-09-28 10:00: the week after
 * holds the National Day holidays (10-05…10-07) and a 调休 Saturday (10-10).
 */
export async function makeRotaFixture() {
  const t = await makeTestBackend();
  t.clock.t = shanghai('2026-09-28');
  const a = t.admin;
  a.sessionId = null;
  await t.ok(a, 'session.login', { username: 'admin', password: PASSWORD });
  const ok = <M extends Method>(method: M, input: Input<M>, slot: SessionSlot = a): Promise<Output<M>> => t.ok(slot, method, input);
  const east = await ok('stations.save', { name: '东湖驿站', address: '东湖路1号', hours: { '1': OPEN, '2': OPEN, '3': OPEN, '4': OPEN, '5': OPEN, '6': OPEN } });
  const west = await ok('stations.save', { name: '西苑驿站', address: '西苑街2号', hours: { '1': OPEN, '2': OPEN, '3': OPEN, '4': OPEN, '5': OPEN, '6': OPEN, '7': OPEN } });
  const names = ['甲一', '乙二', '丙三', '丁四', '戊五'];
  const staff: string[] = [];
  for (const [i, name] of names.entries()) {
    const s = await ok('staff.save', { name, roles: ['网格员'], stationIds: [east.id] });
    await ok('staff.setPin', { id: s.id, pin: `100${i + 1}` });
    staff.push(s.id);
  }
  const morning = await ok('rota.shifts.save', { stationId: east.id, name: '上午班', start: '08:00', end: '12:00', minStaff: 2, weekdays: [1, 2, 3, 4, 5, 6] });
  const evening = await ok('rota.shifts.save', { stationId: east.id, name: '晚班', start: '17:00', end: '21:00', minStaff: 1, weekdays: [1, 2, 3, 4, 5, 6] });
  const westDay = await ok('rota.shifts.save', { stationId: west.id, name: '白班', start: '10:00', end: '16:00', minStaff: 1, weekdays: [1, 2, 3, 4, 5, 6, 7] });
  const db = t.backend.db;
  return {
    t,
    db,
    ok,
    east: east.id,
    west: west.id,
    staff,
    pin: (i: number) => `100${i + 1}`,
    shifts: { morning: morning.id, evening: evening.id, westDay: westDay.id },
    /** The error value of a call that must fail. */
    async err(method: Method, input: unknown, slot: SessionSlot = a) {
      const r = await t.backend.dispatch(slot, method, input);
      if (r.ok) throw new Error(`${method} should have failed`);
      return r.error;
    },
    /** Moves the clock and signs the admin in again (a jump would expire the session). */
    async setNow(ms: number) {
      t.clock.t = ms;
      a.sessionId = null;
      await t.ok(a, 'session.login', { username: 'admin', password: PASSWORD });
    },
    count: (table: string) => (db.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n,
    cell(plan: Output<'rota.week'>, stationId: string, day: string, shiftId: string) {
      const c = plan.stations.find((s) => s.stationId === stationId)?.cells.find((x) => x.day === day && x.shiftId === shiftId);
      if (!c) throw new Error(`no cell ${day} ${shiftId}`);
      return c;
    },
  };
}
export type RotaFixture = Awaited<ReturnType<typeof makeRotaFixture>>;
