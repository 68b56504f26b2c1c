import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAppointmentsFixture, type AppointmentsFixture } from './testFixture';

describe('free slots', { timeout: 30_000 }, () => {
  let f: AppointmentsFixture;
  beforeAll(async () => {
    f = await makeAppointmentsFixture();
  }, 30_000);
  afterAll(() => f.t.close());

  const slots = (day: string, stationServiceId = f.haircut) => f.ok('appointments.slots', { stationServiceId, day });

  it('cuts the station hours into slots of the offer length', async () => {
    const s = await slots('2026-09-15');
    expect(s.closedReason).toBeNull();
    expect(s.slots.map((x) => x.startMinute)).toEqual([540, 560, 580, 600, 620, 640, 660, 680, 700]);
    expect(s.slots.every((x) => x.free === 1 && x.capacity === 1 && !x.started)).toBe(true);
    expect((await slots('2026-09-15', f.meeting)).slots.map((x) => [x.startMinute, x.endMinute])).toEqual([
      [540, 600],
      [600, 660],
      [660, 720],
    ]);
  });

  it('opens a 调休 Sunday with Monday hours and a 调休 Saturday with its own', async () => {
    const sunday = await slots('2026-09-20');
    expect(sunday.closedReason).toBeNull();
    expect(sunday.slots).toHaveLength(9);
    const saturday = await slots('2026-10-10');
    expect(saturday.closedReason).toBeNull();
    expect(saturday.slots.map((x) => x.startMinute)).toEqual([540, 560, 580, 600, 620, 640]);
    // 西山 has no weekend hours: the 调休 Sunday is worked with its Monday hours.
    expect((await slots('2026-09-20', f.legal)).slots).toHaveLength(16);
  });

  it('says why a day has none: holiday, own closed date, weekday closed, past, beyond the horizon', async () => {
    expect(await slots('2026-10-01')).toMatchObject({ closedReason: 'holiday', slots: [] });
    expect(await slots('2026-09-16')).toMatchObject({ closedReason: 'closedDate', slots: [] });
    expect(await slots('2026-10-18')).toMatchObject({ closedReason: 'weekday', slots: [] });
    const past = await slots('2026-09-11');
    expect(past.closedReason).toBe('past');
    expect(past.slots.every((x) => x.free === 0)).toBe(true);
    expect(past.lastBookableDay).toBe('2026-10-14');
    expect((await slots('2026-10-14')).closedReason).toBeNull();
    const far = await slots('2026-10-15');
    expect(far.closedReason).toBe('beyondHorizon');
    expect(far.slots.every((x) => x.free === 0)).toBe(true);
  });

  it('a slot that has started is not free (now is 10:00 on Monday)', async () => {
    const today = await slots('2026-09-14');
    expect(today.slots.filter((x) => x.started).map((x) => x.startMinute)).toEqual([540, 560, 580, 600]);
    expect(today.slots.find((x) => x.startMinute === 600)!.free).toBe(0);
    expect(today.slots.find((x) => x.startMinute === 620)!.free).toBe(1);
  });

  it('counts taken places and lists free places per day for the date picker', async () => {
    await f.ok('appointments.book', { stationServiceId: f.meeting, day: '2026-09-17', startMinute: 540, residentId: f.zhang });
    await f.ok('appointments.book', { stationServiceId: f.meeting, day: '2026-09-17', startMinute: 540, residentId: f.li });
    const s = await slots('2026-09-17', f.meeting);
    expect(s.slots[0]).toMatchObject({ taken: 2, free: 1, capacity: 3 });
    const days = await f.ok('appointments.days', { stationServiceId: f.meeting, from: '2026-09-14', to: '2026-09-20' });
    expect(days.map((d) => [d.day, d.free, d.closedReason])).toEqual([
      ['2026-09-14', 3, null],
      ['2026-09-15', 9, null],
      ['2026-09-16', 0, 'closedDate'],
      ['2026-09-17', 7, null],
      ['2026-09-18', 9, null],
      ['2026-09-19', 6, null],
      ['2026-09-20', 9, null],
    ]);
    const defaultRange = await f.ok('appointments.days', { stationServiceId: f.meeting, from: '2026-09-14' });
    expect(defaultRange.at(-1)!.day).toBe('2026-10-14');
  });

  it('a switched-off offer takes no booking', async () => {
    const legal = (await f.ok('stationServices.list', { stationId: f.westId }))[0]!;
    await f.ok('stationServices.save', { ...legal, active: false }, f.admin);
    expect((await slots('2026-09-15', f.legal)).closedReason).toBe('inactive');
    const r = await f.call(f.desk, 'appointments.book', { stationServiceId: f.legal, day: '2026-09-15', startMinute: 540, residentId: f.zhang });
    expect(r).toMatchObject({ ok: false, error: { key: 'appointment.offer.inactive', field: 'stationServiceId' } });
    await f.ok('stationServices.save', { ...legal, active: true }, f.admin);
  });

  it('refuses a second offer of the same service at a station, and only the admin may save one', async () => {
    const r = await f.call(f.admin, 'stationServices.save', { stationId: f.eastId, serviceId: f.haircutServiceId, slotMinutes: 30, capacity: 2 });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'appointment.stationService.duplicate' } });
    const d = await f.call(f.desk, 'stationServices.save', { stationId: f.westId, serviceId: f.haircutServiceId, slotMinutes: 30, capacity: 2 });
    expect(d).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('narrower hours of an offer cut the slots', async () => {
    const legal = (await f.ok('stationServices.list', { stationId: f.westId }))[0]!;
    const afternoon = { open: '14:00', close: '16:00' };
    await f.ok('stationServices.save', { ...legal, hours: { '1': afternoon, '2': afternoon, '3': afternoon, '4': afternoon, '5': afternoon } }, f.admin);
    expect((await slots('2026-09-15', f.legal)).slots.map((x) => x.startMinute)).toEqual([840, 870, 900, 930]);
    await f.ok('stationServices.save', { ...legal, hours: null }, f.admin);
  });
});
