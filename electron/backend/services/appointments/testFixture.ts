import type { Input, Method, Output } from '../../../../shared/contract';
import type { SessionSlot } from '../../context';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';

/** An instant at a Shanghai wall-clock time (the test clock is UTC milliseconds). */
export const at = (day: string, hhmm: string): number => Date.parse(`${day}T${hhmm}:00+08:00`);

/** Monday 14 September 2026, 10:00 in Shanghai: the week before the National Day holidays (调休 on Sun 20 Sep, Sat 10 Oct). */
export const MONDAY = '2026-09-14';
export const NOW = at(MONDAY, '10:00');

export interface AppointmentsFixture {
  t: TestBackend;
  admin: SessionSlot;
  desk: SessionSlot;
  duty: SessionSlot;
  /** 东湖驿站: Mon–Fri 09:00–12:00, Sat 09:00–11:00, closed on 16 Sep. */
  eastId: string;
  /** 西山驿站: Mon–Fri 09:00–17:00. */
  westId: string;
  haircutServiceId: string;
  legalServiceId: string;
  /** 理发 at 东湖: 20 min × 1. */
  haircut: string;
  /** 法律咨询 at 西山: 30 min × 1. */
  legal: string;
  /** 民情恳谈 at 东湖: 60 min × 3. */
  meeting: string;
  zhang: string;
  li: string;
  wang: string;
  call(slot: SessionSlot, method: string, input: unknown): ReturnType<TestBackend['backend']['dispatch']>;
  ok<M extends Method>(method: M, input: Input<M>, slot?: SessionSlot): Promise<Output<M>>;
  /** Moves the clock and signs everyone in again (a jump would lock idle sessions). */
  setNow(ms: number): Promise<void>;
  count(sql: string, ...args: unknown[]): number;
}

export async function makeAppointmentsFixture(): Promise<AppointmentsFixture> {
  const t = await makeTestBackend();
  const a = t.admin;
  const desk = await t.loginAs('desk');
  const duty = await t.loginAs('duty');
  const slots: [SessionSlot, string][] = [
    [a, 'admin'],
    [desk, 'desk1'],
    [duty, 'duty1'],
  ];
  const setNow = async (ms: number) => {
    t.clock.t = ms;
    for (const [slot, username] of slots) {
      slot.sessionId = null;
      await t.ok(slot, 'session.login', { username, password: PASSWORD });
    }
  };
  await setNow(NOW);
  const weekday = { open: '09:00', close: '12:00' };
  const east = await t.ok(a, 'stations.save', {
    name: '东湖驿站',
    address: '东湖路1号',
    hours: { '1': weekday, '2': weekday, '3': weekday, '4': weekday, '5': weekday, '6': { open: '09:00', close: '11:00' } },
    closedDates: ['2026-09-16'],
  });
  const day = { open: '09:00', close: '17:00' };
  const west = await t.ok(a, 'stations.save', { name: '西山驿站', address: '西山街8号', hours: { '1': day, '2': day, '3': day, '4': day, '5': day } });
  const svc = (name: string, prefix: string) => t.ok(a, 'services.save', { category: '驿站', name, prefix, defaultMode: 'onsite', timeLimitDays: 0, needsAppointment: true });
  const haircutService = await svc('理发', 'H');
  const legalService = await svc('法律咨询', 'L');
  const meetingService = await svc('民情恳谈', 'M');
  const offer = (stationId: string, serviceId: string, slotMinutes: number, capacity: number) =>
    t.ok(a, 'stationServices.save', { stationId, serviceId, slotMinutes, capacity });
  const haircut = await offer(east.id, haircutService.id, 20, 1);
  const legal = await offer(west.id, legalService.id, 30, 1);
  const meeting = await offer(east.id, meetingService.id, 60, 3);
  const person = (name: string, phone: string) => t.ok(a, 'residents.create', { name, gender: 'F', phone });
  const zhang = await person('张小芳', '13812345678');
  const li = await person('李大爷', '13900001111');
  const wang = await person('王阿姨', '13700002222');
  return {
    t,
    admin: a,
    desk,
    duty,
    eastId: east.id,
    westId: west.id,
    haircutServiceId: haircutService.id,
    legalServiceId: legalService.id,
    haircut: haircut.id,
    legal: legal.id,
    meeting: meeting.id,
    zhang: zhang.id,
    li: li.id,
    wang: wang.id,
    call: (slot, method, input) => t.backend.dispatch(slot, method, input),
    ok: <M extends Method>(method: M, input: Input<M>, slot: SessionSlot = desk) => t.ok(slot, method, input),
    setNow,
    count: (sql, ...args) => (t.backend.db.prepare(sql).get(...args) as { n: number }).n,
  };
}
