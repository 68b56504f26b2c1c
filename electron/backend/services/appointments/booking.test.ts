import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAppointmentsFixture, type AppointmentsFixture } from './testFixture';

describe('booking', { timeout: 30_000 }, () => {
  let f: AppointmentsFixture;
  beforeAll(async () => {
    f = await makeAppointmentsFixture();
  }, 30_000);
  afterAll(() => f.t.close());

  const book = (over: Record<string, unknown> = {}) =>
    f.call(f.desk, 'appointments.book', { stationServiceId: f.haircut, day: '2026-09-15', startMinute: 620, residentId: f.zhang, ...over });

  it('books a free slot and answers with everything the slip needs', async () => {
    const a = await f.ok('appointments.book', { stationServiceId: f.haircut, day: '2026-09-15', startMinute: 620, residentId: f.zhang, note: '需要轮椅' });
    expect(a).toMatchObject({
      number: 'Y0915-1',
      status: 'booked',
      residentName: '张小芳',
      residentPhoneMasked: '138****5678',
      stationName: '东湖驿站',
      stationAddress: '东湖路1号',
      serviceName: '理发',
      day: '2026-09-15',
      startMinute: 620,
      endMinute: 640,
      note: '需要轮椅',
      bookedByName: 'desk 用户',
      can: { checkIn: false, complete: false, noShow: false, cancel: true, reschedule: true },
    });
    expect(a.events).toMatchObject([{ action: 'booked', status: 'booked', userName: 'desk 用户', note: '需要轮椅' }]);
    expect(await f.ok('appointments.findByNumber', { number: 'y0915-1' })).toMatchObject({ id: a.id });
  });

  it('refuses a slot over capacity, naming the capacity', async () => {
    const r = await book({ residentId: f.li });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'appointment.slot.full', field: 'startMinute', params: { capacity: 1, time: '10:20' } } });
  });

  it('refuses a resident already booked at an overlapping time at any station', async () => {
    const r = await f.call(f.desk, 'appointments.book', { stationServiceId: f.legal, day: '2026-09-15', startMinute: 600, residentId: f.zhang });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'appointment.resident.overlap', field: 'residentId', params: { date: '9月15日', time: '10:20', service: '理发', station: '东湖驿站' } },
    });
    // Back to back is fine.
    expect((await f.call(f.desk, 'appointments.book', { stationServiceId: f.legal, day: '2026-09-15', startMinute: 660, residentId: f.zhang })).ok).toBe(true);
  });

  it('refuses the past, a started slot, closed days, holidays, beyond the horizon, outside hours and off the slot grid', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ day: '2026-09-11' }, 'appointment.day.past', 'day'],
      [{ day: '2026-09-14', startMinute: 600 }, 'appointment.slot.started', 'startMinute'],
      [{ day: '2026-09-16' }, 'appointment.day.closedDate', 'day'],
      [{ day: '2026-10-01' }, 'appointment.day.holiday', 'day'],
      [{ day: '2026-10-18' }, 'appointment.day.weekday', 'day'],
      [{ day: '2026-10-15' }, 'appointment.day.beyondHorizon', 'day'],
      [{ startMinute: 480 }, 'appointment.slot.outsideHours', 'startMinute'],
      [{ startMinute: 710 }, 'appointment.slot.outsideHours', 'startMinute'],
      [{ startMinute: 630 }, 'appointment.slot.notBoundary', 'startMinute'],
    ];
    for (const [over, key, field] of cases) {
      expect(await book({ residentId: f.wang, ...over }), key).toMatchObject({ ok: false, error: { key, field } });
    }
    expect(f.count(`SELECT count(*) n FROM appointments WHERE resident_id = ?`, f.wang)).toBe(0);
    // The last day of the horizon and a 调休 Sunday can be booked.
    expect((await book({ residentId: f.wang, day: '2026-10-14' })).ok).toBe(true);
    expect((await book({ residentId: f.wang, day: '2026-09-20' })).ok).toBe(true);
  });

  it('follows the horizon set by the admin', async () => {
    await f.ok('appointments.rules.save', { horizonDays: 7, cutoffMinutes: 120, graceMinutes: 15 }, f.admin);
    expect(await book({ residentId: f.li, day: '2026-09-22' })).toMatchObject({ ok: false, error: { key: 'appointment.day.beyondHorizon', params: { days: 7, last: '9月21日' } } });
    expect((await book({ residentId: f.li, day: '2026-09-21' })).ok).toBe(true);
    await f.ok('appointments.rules.save', { horizonDays: 30, cutoffMinutes: 120, graceMinutes: 15 }, f.admin);
    expect(await f.ok('appointments.rules.get', {}, f.duty)).toEqual({ horizonDays: 30, cutoffMinutes: 120, graceMinutes: 15 });
  });

  it('lists a resident’s upcoming and past bookings', async () => {
    const mine = await f.ok('appointments.forResident', { residentId: f.zhang }, f.duty);
    expect(mine.upcoming.map((a) => [a.day, a.serviceName])).toEqual([
      ['2026-09-15', '理发'],
      ['2026-09-15', '法律咨询'],
    ]);
    expect(mine.past).toEqual([]);
  });

  it('numbers the slips per appointment day', async () => {
    const a = await f.ok('appointments.book', { stationServiceId: f.haircut, day: '2026-09-15', startMinute: 540, residentId: f.li });
    expect(a.number).toBe('Y0915-3');
  });
});
