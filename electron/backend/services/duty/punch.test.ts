import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDutyFixture, type DutyFixture } from './testFixture';

describe('check-in and check-out at the station', () => {
  let f: DutyFixture;
  beforeEach(async () => {
    f = await makeDutyFixture();
    await f.plan(0, f.shifts.morning);
    await f.plan(1, f.shifts.morning);
  });
  afterEach(() => f.t.close());

  it('counts lateness from the shift start with the grace minute in and out', async () => {
    await f.at('08:05:59');
    const onTime = await f.asDuty('duty.checkIn', f.byPin(0));
    expect(onTime).toMatchObject({ action: 'in', name: '甲一', lateMinutes: 0, unscheduled: false, shift: { name: '上午班', start: '08:00', end: '12:00' } });
    await f.at('08:06:00');
    expect(await f.asDuty('duty.checkIn', f.byPin(1))).toMatchObject({ lateMinutes: 6, unscheduled: false });
  });

  it('counts early leave before the shift end with the grace minute in and out', async () => {
    await f.at('07:58');
    await f.asDuty('duty.checkIn', f.byPin(0));
    await f.asDuty('duty.checkIn', f.byPin(1));
    await f.at('11:54:01');
    expect(await f.asDuty('duty.checkOut', f.byPin(0))).toMatchObject({ action: 'out', earlyMinutes: 0 });
    await f.at('11:54:00');
    expect(await f.asDuty('duty.checkOut', f.byPin(1))).toMatchObject({ earlyMinutes: 6 });
  });

  it('links a check-in to the shift only inside its window; before it the presence is unscheduled', async () => {
    await f.at('06:59:59');
    expect(await f.asDuty('duty.checkIn', f.byPin(0))).toMatchObject({ unscheduled: true, shift: null });
    await f.at('07:00');
    expect(await f.asDuty('duty.checkIn', f.byPin(1))).toMatchObject({ unscheduled: false, lateMinutes: 0 });
    // Someone with no shift today at this station is unscheduled and shown as such.
    expect(await f.asDuty('duty.checkIn', f.byPin(2))).toMatchObject({ unscheduled: true });
    const day = await f.asDuty('duty.station', { stationId: f.east });
    expect(day.unscheduled.map((u) => u.name).sort()).toEqual(['丙三', '甲一']);
    expect(day.shifts[0]!.people.map((p) => [p.name, p.state])).toEqual([['乙二', 'in'], ['甲一', 'waiting']].sort());
  });

  it('refuses a double check-in and a check-out before any check-in in words', async () => {
    await f.at('08:00');
    expect(await f.dutyErr('duty.checkOut', f.byPin(0))).toMatchObject({ code: 'CONFLICT', key: 'duty.checkOut.notIn', params: { name: '甲一' } });
    await f.asDuty('duty.checkIn', f.byPin(0));
    expect(await f.dutyErr('duty.checkIn', f.byPin(0))).toMatchObject({ key: 'duty.checkIn.already', params: { time: '08:00', station: '东湖驿站' } });
    expect(f.count('duty_sessions')).toBe(1);
  });

  it('marks a session left open past the shift end + N minutes as a missed check-out', async () => {
    await f.plan(0, f.shifts.evening);
    await f.at('08:00');
    await f.asDuty('duty.checkIn', f.byPin(0));
    await f.at('12:59:59');
    expect((await f.asDuty('duty.onDutyNow', {})).stations[0]!.people.map((p) => p.name)).toEqual(['甲一']);
    await f.at('13:00');
    expect((await f.asDuty('duty.onDutyNow', {})).stations).toEqual([]);
    const day = await f.asDuty('duty.station', { stationId: f.east });
    expect(day.shifts[0]!.people.find((p) => p.name === '甲一')!.state).toBe('missed');
    expect(day.shifts[0]!.people.find((p) => p.name === '乙二')!.state).toBe('absent');
    expect(await f.dutyErr('duty.checkOut', f.byPin(0))).toMatchObject({ key: 'duty.checkOut.notIn' });
    await f.at('17:02');
    expect(await f.asDuty('duty.checkIn', f.byPin(0))).toMatchObject({ shift: { name: '晚班' }, lateMinutes: 0 });
  });

  it('marks an open session missed on the next check-in when nothing looked in between', async () => {
    await f.at('08:00');
    await f.asDuty('duty.checkIn', f.byPin(0));
    await f.at('09:00', '2026-09-29');
    expect(await f.asDuty('duty.checkIn', f.byPin(0))).toMatchObject({ closedMissed: true, unscheduled: true });
    const statuses = f.db.prepare('SELECT status FROM duty_sessions ORDER BY in_at').all();
    expect(statuses).toEqual([{ status: 'missed_out' }, { status: 'open' }]);
  });

  it('locks the PIN after five wrong tries through the handler, and never stores it', async () => {
    await f.at('08:00');
    for (let left = 4; left > 0; left--) {
      expect(await f.dutyErr('duty.checkIn', { ...f.byPin(0), pin: '9999' })).toMatchObject({ key: 'duty.pin.wrong', field: 'pin', params: { left } });
    }
    expect(await f.dutyErr('duty.checkIn', { ...f.byPin(0), pin: '9999' })).toMatchObject({ key: 'duty.pin.locked' });
    expect(await f.dutyErr('duty.checkIn', f.byPin(0))).toMatchObject({ key: 'duty.pin.locked' });
    expect(f.count('duty_sessions')).toBe(0);
    const logged = f.db.prepare("SELECT count(*) n FROM audit_log WHERE detail LIKE '%1001%' OR detail LIKE '%9999%'").get() as { n: number };
    expect(logged.n).toBe(0);
    expect(await f.dutyErr('duty.checkIn', { stationId: f.east, staffId: f.staff[0] })).toMatchObject({ key: 'duty.pin.required', field: 'pin' });
    expect(await f.dutyErr('duty.checkIn', { stationId: f.east, pin: '1001' })).toMatchObject({ key: 'duty.staff.required' });
  });

  it('checks in and out by badge; a forged, tampered or replaced badge is refused', async () => {
    const badge = await f.ok('duty.badge', { staffId: f.staff[0]! });
    expect(badge.code).toMatch(/^LXS1:/);
    await f.at('08:00');
    expect(await f.asDuty('duty.checkIn', { stationId: f.east, badge: badge.code })).toMatchObject({ name: '甲一' });
    // Another person's id with this tag, a changed tag, and a made-up code: all refused.
    const forged = badge.code.replace(f.staff[0]!, f.staff[1]!);
    expect(await f.dutyErr('duty.checkIn', { stationId: f.east, badge: forged })).toMatchObject({ key: 'duty.badge.invalid', field: 'badge' });
    const tampered = badge.code.slice(0, -1) + (badge.code.endsWith('A') ? 'B' : 'A');
    expect(await f.dutyErr('duty.checkIn', { stationId: f.east, badge: tampered })).toMatchObject({ key: 'duty.badge.invalid' });
    expect(await f.dutyErr('duty.checkIn', { stationId: f.east, badge: 'LXS1:hello' })).toMatchObject({ key: 'duty.badge.invalid' });
    const renewed = await f.ok('duty.badge.reissue', { staffId: f.staff[0]! });
    expect(renewed.version).toBe(badge.version + 1);
    expect(await f.dutyErr('duty.checkOut', { stationId: f.east, badge: badge.code })).toMatchObject({ key: 'duty.badge.old', params: { name: '甲一' } });
    await f.at('12:00');
    expect(await f.asDuty('duty.checkOut', { stationId: f.east, badge: renewed.code })).toMatchObject({ action: 'out', earlyMinutes: 0 });
    const audits = f.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'duty.badge%' ORDER BY seq").all();
    expect(audits).toEqual([{ action: 'duty.badge.issue' }, { action: 'duty.badge.reissue' }]);
    const methods = f.db.prepare('SELECT in_method, out_method FROM duty_sessions').get();
    expect(methods).toEqual({ in_method: 'badge', out_method: 'badge' });
  });

  it('keeps the rules in settings and uses them', async () => {
    expect(await f.asDuty('duty.rules.get', {})).toEqual({ lateGraceMinutes: 5, earlyGraceMinutes: 5, windowMinutes: 60, missedOutMinutes: 60 });
    await f.ok('duty.rules.save', { lateGraceMinutes: 0, earlyGraceMinutes: 10, windowMinutes: 30, missedOutMinutes: 30 });
    await f.at('08:01');
    expect(await f.asDuty('duty.checkIn', f.byPin(0))).toMatchObject({ lateMinutes: 1 });
    expect(await f.dutyErr('duty.rules.save', { lateGraceMinutes: 1, earlyGraceMinutes: 1, windowMinutes: 1, missedOutMinutes: 1 })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows who is on duty now per station, names only', async () => {
    await f.plan(2, f.shifts.westDay);
    await f.at('09:58');
    await f.asDuty('duty.checkIn', f.byPin(0));
    await f.asDuty('duty.checkIn', f.byPin(2, f.west));
    const now = await f.asDuty('duty.onDutyNow', {});
    expect(now.stations.map((s) => [s.stationName, s.people.map((p) => [p.name, p.shiftName])])).toEqual([
      ['东湖驿站', [['甲一', '上午班']]],
      ['西苑驿站', [['丙三', '白班']]],
    ]);
  });
});
