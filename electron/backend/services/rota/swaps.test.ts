import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRotaFixture, shanghai, type RotaFixture } from './testFixture';

let f: RotaFixture;
beforeEach(async () => {
  f = await makeRotaFixture();
});
afterEach(() => f.t.close());

const DAY = '2026-10-08';

/** 甲一 and 乙二 on Thursday's morning (minimum 2), 丙三 on its evening; 丁四 on 西苑's day shift. */
async function plan() {
  const put = async (i: number, shiftId: string, day = DAY) => {
    await f.ok('rota.assign', { day, shiftId, staffId: f.staff[i]! });
    return (f.db.prepare('SELECT id FROM rota_assignments WHERE day = ? AND shift_id = ? AND staff_id = ?').get(day, shiftId, f.staff[i]) as { id: string }).id;
  };
  return {
    jia: await put(0, f.shifts.morning),
    yi: await put(1, f.shifts.morning),
    bing: await put(2, f.shifts.evening),
    ding: await put(3, f.shifts.westDay),
  };
}

const staffOf = (id: string) => (f.db.prepare('SELECT staff_id, source FROM rota_assignments WHERE id = ?').get(id) as { staff_id: string; source: string });

describe('swaps', () => {
  it('asked (own PIN) → accepted (colleague’s PIN) → approved: the plan changes in one go, with history and audit', async () => {
    const p = await plan();
    const asked = await f.ok('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[4]!, reason: '孩子开家长会', pin: f.pin(0) });
    expect(asked).toMatchObject({ status: 'asked', fromName: '甲一', toName: '戊五', assignment: { day: DAY, shiftName: '上午班', stationName: '东湖驿站', start: '08:00' } });
    expect((await f.ok('rota.week', { week: DAY })).pendingSwaps).toBe(1);
    expect((await f.err('rota.swaps.approve', { id: asked.id })).key).toBe('rota.swap.notAccepted');
    await f.ok('rota.swaps.accept', { id: asked.id, pin: f.pin(4) });
    const approved = await f.ok('rota.swaps.approve', { id: asked.id, note: '同意' });
    expect(approved.status).toBe('approved');
    expect(approved.steps.map((s) => [s.action, s.userName])).toEqual([
      ['asked', '甲一'],
      ['accepted', '戊五'],
      ['approved', '管理员'],
    ]);
    expect(staffOf(p.jia)).toEqual({ staff_id: f.staff[4], source: 'swap' });
    expect(f.db.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'rota.swap.approve' AND target_id = ?`).get(asked.id)).toEqual({ n: 1 });
    expect((await f.err('rota.swaps.approve', { id: asked.id })).key).toBe('rota.swap.state.approved');
    expect((await f.ok('rota.swaps.list', { open: true })).swaps).toEqual([]);
    expect((await f.ok('rota.swaps.list', { open: false })).swaps).toHaveLength(1);
  });

  it('an exchange: each takes the other’s shift', async () => {
    const p = await plan();
    const s = await f.ok('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[2]!, returnAssignmentId: p.bing, reason: '调换', pin: f.pin(0) });
    await f.ok('rota.swaps.accept', { id: s.id, pin: f.pin(2) });
    await f.ok('rota.swaps.approve', { id: s.id });
    expect(staffOf(p.jia).staff_id).toBe(f.staff[2]);
    expect(staffOf(p.bing).staff_id).toBe(f.staff[0]);
  });

  it('refuses a swap that would leave the shift below its minimum (the colleague is already on it)', async () => {
    const p = await plan();
    const e = await f.err('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[1]!, reason: '有事', pin: f.pin(0) });
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'rota.swap.belowMinimum', field: 'toStaffId', params: { name: '乙二', min: 2, shift: '上午班' } });
    expect(f.count('rota_swaps')).toBe(0);
  });

  it('refuses a swap that would put the colleague on two overlapping shifts', async () => {
    const p = await plan();
    const e = await f.err('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[3]!, reason: '有事', pin: f.pin(0) });
    expect(e).toMatchObject({ key: 'rota.swap.conflict', params: { name: '丁四', station: '西苑驿站', shift: '白班', time: '10:00–16:00' } });
  });

  it('checks again at approval: a conflict that arose since the colleague accepted is refused and nothing changes', async () => {
    const p = await plan();
    const s = await f.ok('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[4]!, reason: '有事', pin: f.pin(0) });
    await f.ok('rota.swaps.accept', { id: s.id, pin: f.pin(4) });
    await f.ok('rota.assign', { day: DAY, shiftId: f.shifts.westDay, staffId: f.staff[4]! });
    expect((await f.err('rota.swaps.approve', { id: s.id })).key).toBe('rota.swap.conflict');
    expect(staffOf(p.jia).staff_id).toBe(f.staff[0]);
    expect((await f.ok('rota.swaps.list', { open: true })).swaps[0]!.status).toBe('accepted');
  });

  it('refuses a shift that has started or passed (at ask and at accept)', async () => {
    const p = await plan();
    const s = await f.ok('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[4]!, reason: '有事', pin: f.pin(0) });
    await f.setNow(shanghai(DAY, '08:00'));
    expect(await f.err('rota.swaps.accept', { id: s.id, pin: f.pin(4) })).toMatchObject({ key: 'rota.swap.passed', field: 'assignmentId' });
    expect((await f.err('rota.swaps.ask', { assignmentId: p.yi, toStaffId: f.staff[4]!, reason: '有事', pin: f.pin(1) })).key).toBe('rota.swap.passed');
    // the evening shift the same day has not started yet
    await f.ok('rota.swaps.ask', { assignmentId: p.bing, toStaffId: f.staff[4]!, reason: '有事', pin: f.pin(2) });
  });

  it('refuses a shift its person has already checked in for (early)', async () => {
    const p = await plan();
    f.db.prepare(
      `INSERT INTO duty_sessions (id, staff_id, station_id, day, assignment_id, status, in_at, in_method, created_at, updated_at)
       VALUES ('s1', ?, ?, ?, ?, 'open', 0, 'pin', 0, 0)`,
    ).run(f.staff[0], f.east, DAY, p.jia);
    expect((await f.err('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[4]!, reason: '有事', pin: f.pin(0) })).key).toBe('rota.swap.passed');
    expect((await f.err('rota.unassign', { assignmentId: p.jia })).key).toBe('rota.unassign.checkedIn');
  });

  it('a wrong PIN is refused with the tries left, and locks after five; nothing is written', async () => {
    const p = await plan();
    const ask = (pin: string) => f.err('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[4]!, reason: '有事', pin });
    expect(await ask('9999')).toMatchObject({ key: 'duty.pin.wrong', field: 'pin', params: { left: 4 } });
    for (let i = 0; i < 3; i++) await ask('9999');
    expect(await ask('9999')).toMatchObject({ key: 'duty.pin.locked', field: 'pin' });
    // locked: even the right PIN is refused now
    expect((await ask(f.pin(0))).key).toBe('duty.pin.locked');
    // the colleague's PIN is not the asker's
    expect(f.count('rota_swaps')).toBe(0);
    expect(f.db.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'staff.pinLockout'`).get()).toEqual({ n: 1 });
  });

  it('only the colleague’s PIN accepts; declined and withdrawn swaps close with their step', async () => {
    const p = await plan();
    const s = await f.ok('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[4]!, reason: '有事', pin: f.pin(0) });
    expect((await f.err('rota.swaps.accept', { id: s.id, pin: f.pin(0) })).key).toBe('duty.pin.wrong');
    expect((await f.err('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[2]!, reason: '再问', pin: f.pin(0) })).key).toBe('rota.swap.openExists');
    const d = await f.ok('rota.swaps.decline', { id: s.id, pin: f.pin(4), note: '那天不行' });
    expect(d.steps.map((x) => [x.action, x.userName, x.note])).toEqual([
      ['asked', '甲一', '有事'],
      ['declined', '戊五', '那天不行'],
    ]);
    const again = await f.ok('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[2]!, reason: '再问', pin: f.pin(0) });
    expect((await f.ok('rota.swaps.withdraw', { id: again.id, pin: f.pin(0) })).status).toBe('withdrawn');
    // the steps table keeps history: it refuses changes
    expect(() => f.db.prepare('DELETE FROM rota_swap_steps').run()).toThrow(/append-only/);
  });

  it('a person with an open swap cannot be taken off the shift', async () => {
    const p = await plan();
    await f.ok('rota.swaps.ask', { assignmentId: p.jia, toStaffId: f.staff[4]!, reason: '有事', pin: f.pin(0) });
    expect((await f.err('rota.unassign', { assignmentId: p.jia })).key).toBe('rota.unassign.swapOpen');
  });

  it('lists a person’s upcoming shifts to pick from', async () => {
    await plan();
    const { assignments } = await f.ok('rota.upcoming', { staffId: f.staff[0]! });
    expect(assignments.map((a) => [a.day, a.shiftName])).toEqual([[DAY, '上午班']]);
  });
});
