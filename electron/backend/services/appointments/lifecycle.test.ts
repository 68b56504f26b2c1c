import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { at, makeAppointmentsFixture, type AppointmentsFixture } from './testFixture';

describe('after booking: cancel, reschedule, check-in, complete, no-show', { timeout: 30_000 }, () => {
  let f: AppointmentsFixture;
  beforeEach(async () => {
    f?.t.close();
    f = await makeAppointmentsFixture();
  }, 30_000);
  afterAll(() => f.t.close());

  const book = (day: string, startMinute: number, residentId = f.zhang, stationServiceId = f.haircut) =>
    f.ok('appointments.book', { stationServiceId, day, startMinute, residentId });

  it('desk cannot cancel inside the cut-off, the admin can until the start, nobody after', async () => {
    const a = await book('2026-09-14', 680); // 11:20, now 10:00: 80 minutes ahead, cut-off 120
    expect(a.can.cancel).toBe(false);
    expect(await f.call(f.desk, 'appointments.cancel', { id: a.id, reason: '身体不适' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'appointment.cancel.cutoff', params: { minutes: 120, time: '11:20' } },
    });
    expect((await f.ok('appointments.get', { id: a.id }, f.admin)).can.cancel).toBe(true);
    const cancelled = await f.ok('appointments.cancel', { id: a.id, reason: '身体不适' }, f.admin);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '身体不适' });
    expect(cancelled.events.map((e) => e.action)).toEqual(['booked', 'cancelled']);
    const b = await book('2026-09-14', 700, f.li);
    await f.setNow(at('2026-09-14', '11:41'));
    expect(await f.call(f.admin, 'appointments.cancel', { id: b.id, reason: '身体不适' })).toMatchObject({ ok: false, error: { key: 'appointment.cancel.started' } });
    // The place is free again; cancelling twice says what it already is.
    expect((await f.ok('appointments.slots', { stationServiceId: f.haircut, day: '2026-09-14' })).slots.find((s) => s.startMinute === 680)!.taken).toBe(0);
    expect(await f.call(f.admin, 'appointments.cancel', { id: a.id, reason: 'x' })).toMatchObject({ ok: false, error: { key: 'appointment.status.cancelled' } });
    // Well before the cut-off the desk can cancel.
    const c = await book('2026-09-15', 540, f.wang);
    await f.setNow(at('2026-09-14', '16:00'));
    expect((await f.ok('appointments.cancel', { id: c.id, reason: '改天再来' })).status).toBe('cancelled');
  });

  it('reschedules in one step: a new booking linked to the old, or nothing at all', async () => {
    const a = await book('2026-09-15', 540);
    await book('2026-09-15', 560, f.li);
    const before = f.count('SELECT count(*) n FROM appointments');
    // Into a full slot: refused, the old booking untouched, no new row.
    expect(await f.call(f.desk, 'appointments.reschedule', { id: a.id, day: '2026-09-15', startMinute: 560, reason: '要去医院' })).toMatchObject({
      ok: false,
      error: { key: 'appointment.slot.full' },
    });
    expect(f.count('SELECT count(*) n FROM appointments')).toBe(before);
    expect((await f.ok('appointments.get', { id: a.id })).status).toBe('booked');
    // To a later slot of the same resident's own time is fine (its own booking does not clash).
    const moved = await f.ok('appointments.reschedule', { id: a.id, day: '2026-09-15', startMinute: 580, reason: '要去医院' });
    expect(moved).toMatchObject({ status: 'booked', startMinute: 580, rescheduledFromId: a.id, rescheduledFromNumber: a.number });
    expect(moved.events.map((e) => e.action)).toEqual(['rescheduledFrom']);
    const old = await f.ok('appointments.get', { id: a.id });
    expect(old).toMatchObject({ status: 'rescheduled', rescheduledToId: moved.id, rescheduledToNumber: moved.number, cancelReason: '要去医院' });
    // The county's outbox got each status change, without the resident.
    const outbox = f.t.backend.db.prepare(`SELECT record_id, payload FROM outbox WHERE stream = 'appointments' ORDER BY seq`).all() as { record_id: string; payload: string }[];
    expect(outbox.filter((o) => o.record_id === a.id).map((o) => (JSON.parse(o.payload) as { status: string }).status)).toEqual(['booked', 'rescheduled']);
    expect(outbox.map((o) => o.payload).join()).not.toContain(a.residentId);
    expect(await f.call(f.desk, 'appointments.reschedule', { id: a.id, day: '2026-09-17', startMinute: 540, reason: 'x' })).toMatchObject({
      ok: false,
      error: { key: 'appointment.status.rescheduled' },
    });
    // To another station's service.
    const west = await f.ok('appointments.reschedule', { id: moved.id, stationServiceId: f.legal, day: '2026-09-17', startMinute: 600, reason: '改咨询' });
    expect(west).toMatchObject({ stationName: '西山驿站', serviceName: '法律咨询', endMinute: 630 });
  });

  it('check-in puts the resident in the queue ahead of a walk-in who came earlier', async () => {
    const a = await book('2026-09-14', 660);
    expect(await f.call(f.desk, 'appointments.checkIn', { id: (await book('2026-09-15', 540, f.li)).id })).toMatchObject({
      ok: false,
      error: { key: 'appointment.checkIn.early' },
    });
    // Appointment-only services take no walk-in: the walk-in queues for another service at the same counter.
    const walkInService = await f.ok('services.save', { category: '综合', name: '政策咨询', prefix: 'P', defaultMode: 'immediate', timeLimitDays: 0 }, f.admin);
    const walkIn = await f.ok('queue.issue', { serviceId: walkInService.id }, f.admin);
    f.t.clock.advance(60_000);
    const r = await f.ok('appointments.checkIn', { id: a.id, counter: null }, f.duty);
    expect(r.ticketNumber).toMatch(/^H/);
    expect(r.appointment).toMatchObject({ status: 'checked_in', ticketNumber: r.ticketNumber, can: { complete: true, cancel: false } });
    expect(await f.call(f.duty, 'appointments.checkIn', { id: a.id })).toMatchObject({ ok: false, error: { key: 'appointment.status.checked_in' } });
    await f.ok('queue.openCounter', { counter: 1 }, f.admin);
    const counter = await f.ok('queue.callNext', { counter: 1, after: null }, f.admin);
    expect(counter.current!.number).toBe(r.ticketNumber);
    expect(counter.current!.ticketClass).toBe('appointment');
    expect(walkIn.ticket.ticketClass).toBe('ordinary');
    // At a station's own counter: only that counter calls it.
    const b = await book('2026-09-14', 680, f.li);
    expect(await f.call(f.duty, 'appointments.checkIn', { id: b.id, counter: 42 })).toMatchObject({ ok: false, error: { key: 'appointment.checkIn.counter', field: 'counter' } });
    const atTwo = await f.ok('appointments.checkIn', { id: b.id, counter: 2 }, f.duty);
    expect(f.count('SELECT target_counter n FROM tickets WHERE number = ?', atTwo.ticketNumber)).toBe(2);
    const done = await f.ok('appointments.complete', { id: a.id, outcome: '已理发' }, f.duty);
    expect(done).toMatchObject({ status: 'completed', outcome: '已理发' });
    expect(done.events.map((e) => e.action)).toEqual(['booked', 'checkedIn', 'completed']);
  });

  it('marks a no-show automatically once start + grace has passed, not a minute before', async () => {
    const a = await book('2026-09-14', 620); // 10:20, grace 15 → 10:35
    const other = await book('2026-09-15', 540, f.li);
    await f.setNow(at('2026-09-14', '10:34') + 59_000);
    expect((await f.ok('appointments.get', { id: a.id })).status).toBe('booked');
    await f.setNow(at('2026-09-14', '10:35'));
    const late = await f.ok('appointments.get', { id: a.id });
    expect(late.status).toBe('no_show');
    expect(late.events.at(-1)).toMatchObject({ action: 'autoNoShow', userName: '系统' });
    expect(await f.call(f.duty, 'appointments.checkIn', { id: a.id })).toMatchObject({ ok: false, error: { key: 'appointment.status.no_show' } });
    expect((await f.ok('appointments.get', { id: other.id })).status).toBe('booked');
    // Days pass without anyone looking: the next read catches up.
    await f.setNow(at('2026-09-17', '08:00'));
    expect((await f.ok('appointments.dayView', { stationId: f.eastId, day: '2026-09-15' })).services[0]!.slots[0]!.bookings[0]!.status).toBe('no_show');
  });

  it('no-show by hand only once the slot has started', async () => {
    const a = await book('2026-09-14', 660);
    expect(await f.call(f.duty, 'appointments.noShow', { id: a.id })).toMatchObject({ ok: false, error: { key: 'appointment.noShow.notStarted', params: { time: '11:00' } } });
    await f.setNow(at('2026-09-14', '11:05'));
    expect((await f.ok('appointments.noShow', { id: a.id, note: '电话未接' }, f.duty)).status).toBe('no_show');
  });

  it('completes a booking on its day without check-in (a meeting), not on another day', async () => {
    const a = await book('2026-09-15', 540, f.zhang, f.meeting);
    expect(await f.call(f.desk, 'appointments.complete', { id: a.id, outcome: '参加恳谈' })).toMatchObject({ ok: false, error: { key: 'appointment.complete.notToday' } });
    await f.setNow(at('2026-09-15', '09:05'));
    expect((await f.ok('appointments.complete', { id: a.id, outcome: '参加恳谈' })).status).toBe('completed');
  });
});
