import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, makeAppointmentsFixture, NOW, type AppointmentsFixture } from './testFixture';

describe('call list and calendar views', { timeout: 30_000 }, () => {
  let f: AppointmentsFixture;
  let first: string;
  beforeAll(async () => {
    f = await makeAppointmentsFixture();
    const book = (stationServiceId: string, day: string, startMinute: number, residentId: string) =>
      f.ok('appointments.book', { stationServiceId, day, startMinute, residentId });
    first = (await book(f.haircut, '2026-09-15', 560, f.li)).id;
    await book(f.haircut, '2026-09-15', 540, f.zhang);
    await book(f.meeting, '2026-09-15', 600, f.wang);
    await book(f.legal, '2026-09-15', 900, f.wang);
    const cancelled = await book(f.meeting, '2026-09-15', 660, f.li);
    await f.ok('appointments.cancel', { id: cancelled.id, reason: '不来了' });
  }, 30_000);
  afterAll(() => f.t.close());

  it('tomorrow’s call list has full phones for the office, is audited, and refused to duty staff', async () => {
    const list = await f.ok('appointments.callList', {});
    expect(list.day).toBe('2026-09-15');
    expect(list.rows.map((r) => [r.startMinute, r.residentName, r.phone, r.serviceName])).toEqual([
      [540, '张小芳', '13812345678', '理发'],
      [560, '李大爷', '13900001111', '理发'],
      [600, '王阿姨', '13700002222', '民情恳谈'],
      [900, '王阿姨', '13700002222', '法律咨询'],
    ]);
    expect(f.count(`SELECT count(*) n FROM audit_log WHERE action = 'appointments.callList' AND target_id = '2026-09-15'`)).toBe(1);
    expect(await f.call(f.duty, 'appointments.callList', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await f.call(f.duty, 'appointments.markReminded', { id: first, reminded: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('marks who has been reminded, and can undo it', async () => {
    const row = await f.ok('appointments.markReminded', { id: first, reminded: true });
    expect(row).toMatchObject({ reminded: true, remindedByName: 'desk 用户' });
    const list = await f.ok('appointments.callList', { day: '2026-09-15' });
    expect([list.total, list.reminded]).toEqual([4, 1]);
    expect((await f.ok('appointments.markReminded', { id: first, reminded: false })).reminded).toBe(false);
    expect((await f.ok('appointments.get', { id: first })).events.map((e) => e.action)).toEqual(['booked', 'reminded', 'unreminded']);
  });

  it('day view: services as columns, slots with bookings and masked phones, totals of capacity use', async () => {
    const v = await f.ok('appointments.dayView', { stationId: f.eastId, day: '2026-09-15' }, f.duty);
    expect(v.closedReason).toBeNull();
    expect(v.services.map((s) => s.serviceName)).toEqual(['理发', '民情恳谈']);
    const haircut = v.services[0]!;
    expect(haircut.slots).toHaveLength(9);
    expect(haircut.slots[0]!.bookings).toMatchObject([{ residentName: '张小芳', residentPhoneMasked: '138****5678', status: 'booked' }]);
    expect(haircut.totals).toMatchObject({ capacity: 9, taken: 2, booked: 2 });
    const meeting = v.services[1]!;
    expect(meeting.slots.map((s) => s.taken)).toEqual([0, 1, 0]);
    expect(meeting.totals).toMatchObject({ capacity: 9, taken: 1, cancelled: 1 });
    expect(v.totals).toMatchObject({ capacity: 18, taken: 3, cancelled: 1 });
    expect(JSON.stringify(v)).not.toContain('13812345678');
    const holiday = await f.ok('appointments.dayView', { stationId: f.eastId, day: '2026-10-01' });
    expect(holiday.closedReason).toBe('holiday');
    expect(holiday.services[0]).toMatchObject({ closedReason: 'holiday', slots: [] });
  });

  it('week view: per day × service slots, capacity and places held, closed days with their reason', async () => {
    const w = await f.ok('appointments.weekView', { stationId: f.eastId, week: '2026-09-17' });
    expect(w.week).toBe('2026-09-14');
    expect(w.days.map((d) => d.closedReason)).toEqual([null, null, 'closedDate', null, null, null, null]);
    expect(w.days.map((d) => d.booked)).toEqual([0, 3, 0, 0, 0, 0, 0]);
    const haircut = w.services[0]!;
    expect(haircut.cells.map((c) => c.capacity)).toEqual([9, 9, 0, 9, 9, 6, 9]);
    expect(haircut.cells[1]).toMatchObject({ booked: 2, slots: 9 });
    expect(haircut.cells[6]!.closedReason).toBeNull(); // the 调休 Sunday
  });

  it('on a Friday the call list is for the next day with bookings, up to the next working day', async () => {
    await f.setNow(at('2026-09-18', '16:00'));
    // Saturday the 19th has no bookings yet; Sunday the 20th is a 调休 working day
    expect((await f.ok('appointments.callList', {})).day).toBe('2026-09-20');
    const saturday = await f.ok('appointments.slots', { stationServiceId: f.haircut, day: '2026-09-19' });
    await f.ok('appointments.book', { stationServiceId: f.haircut, day: '2026-09-19', startMinute: saturday.slots[0]!.startMinute, residentId: f.zhang });
    const list = await f.ok('appointments.callList', {});
    expect([list.day, list.rows.map((r) => r.residentName)]).toEqual(['2026-09-19', ['张小芳']]);
    await f.setNow(NOW);
  });
});
