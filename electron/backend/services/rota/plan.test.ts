import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRotaFixture, type RotaFixture } from './testFixture';

let f: RotaFixture;
beforeEach(async () => {
  f = await makeRotaFixture();
});
afterEach(() => f.t.close());

const WEEK = '2026-10-05'; // 10-05…10-07 holidays, 10-10 (Saturday) a 调休 working day

describe('shifts', () => {
  it('refuses a shift that ends before (or when) it starts, naming the field, and writes nothing', async () => {
    const before = f.count('shifts');
    const e = await f.err('rota.shifts.save', { stationId: f.east, name: '夜班', start: '21:00', end: '08:00', minStaff: 1, weekdays: [1] });
    expect(e).toMatchObject({ code: 'VALIDATION', key: 'rota.shift.endBeforeStart', field: 'end', params: { start: '21:00', end: '08:00' } });
    expect((await f.err('rota.shifts.save', { stationId: f.east, name: '零', start: '09:00', end: '09:00', minStaff: 1, weekdays: [1] })).key).toBe('rota.shift.endBeforeStart');
    expect((await f.err('rota.shifts.save', { stationId: f.east, name: '坏', start: '8点', end: '09:00', minStaff: 1, weekdays: [1] })).field).toBe('start');
    expect(f.count('shifts')).toBe(before);
  });

  it('lists the station’s shifts by start time, with times as HH:MM', async () => {
    const { shifts } = await f.ok('rota.shifts.list', { stationId: f.east });
    expect(shifts.map((s) => [s.name, s.start, s.end, s.minStaff])).toEqual([
      ['上午班', '08:00', '12:00', 2],
      ['晚班', '17:00', '21:00', 1],
    ]);
  });
});

describe('week plan: gaps and conflicts', () => {
  it('counts gaps only on days the station is open: none on holidays, one on the 调休 Saturday', async () => {
    const plan = await f.ok('rota.week', { week: WEEK, stationId: f.east });
    expect(plan.status).toBe('draft');
    const morning = (day: string) => f.cell(plan, f.east, day, f.shifts.morning);
    expect(morning('2026-10-05')).toMatchObject({ open: false, gap: 0 }); // 国庆
    expect(morning('2026-10-08')).toMatchObject({ open: true, gap: 2 });
    expect(morning('2026-10-10')).toMatchObject({ open: true, gap: 2 }); // 调休 Saturday
    expect(morning('2026-10-11')).toMatchObject({ open: false, gap: 0 }); // Sunday: closed
    expect(plan.stations[0]!.closed).toEqual(['holiday', 'holiday', 'holiday', null, null, null, 'weekday']);
    // 3 open days (Thursday, Friday, the 调休 Saturday) × (2 morning + 1 evening)
    expect(plan.gaps).toBe(9);
    expect(plan.days[5]).toEqual({ date: '2026-10-10', weekday: 6, calendar: 'workday' });
  });

  it('a gap closes as people are added; below minimum stays a gap', async () => {
    await f.ok('rota.assign', { day: '2026-10-08', shiftId: f.shifts.morning, staffId: f.staff[0]! });
    let c = f.cell(await f.ok('rota.week', { week: WEEK }), f.east, '2026-10-08', f.shifts.morning);
    expect(c.gap).toBe(1);
    await f.ok('rota.assign', { day: '2026-10-08', shiftId: f.shifts.morning, staffId: f.staff[1]! });
    c = f.cell(await f.ok('rota.week', { week: WEEK }), f.east, '2026-10-08', f.shifts.morning);
    expect(c.gap).toBe(0);
    expect(c.assignees.map((x) => [x.name, x.source])).toEqual([
      ['甲一', 'manual'],
      ['乙二', 'manual'],
    ]);
  });

  it('refuses to put a person on a second overlapping shift (any station), naming the other one; back-to-back is fine', async () => {
    await f.ok('rota.assign', { day: '2026-10-08', shiftId: f.shifts.morning, staffId: f.staff[0]! });
    const e = await f.err('rota.assign', { day: '2026-10-08', shiftId: f.shifts.westDay, staffId: f.staff[0]! });
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'rota.assign.conflict', field: 'staffId', params: { name: '甲一', station: '东湖驿站', shift: '上午班', time: '08:00–12:00' } });
    await f.ok('rota.assign', { day: '2026-10-08', shiftId: f.shifts.evening, staffId: f.staff[0]! });
    expect((await f.err('rota.assign', { day: '2026-10-08', shiftId: f.shifts.morning, staffId: f.staff[0]! })).key).toBe('rota.assign.already');
  });

  it('refuses a holiday and a day the shift does not run', async () => {
    expect(await f.err('rota.assign', { day: '2026-10-06', shiftId: f.shifts.morning, staffId: f.staff[0]! })).toMatchObject({ key: 'rota.assign.closed.holiday', field: 'day' });
    expect((await f.err('rota.assign', { day: '2026-10-11', shiftId: f.shifts.morning, staffId: f.staff[0]! })).key).toBe('rota.assign.closed.weekday');
    expect(f.count('rota_assignments')).toBe(0);
  });

  it('shows a conflict that got into the plan (e.g. a shift’s times changed) in orange terms: the other shift', async () => {
    await f.ok('rota.assign', { day: '2026-10-08', shiftId: f.shifts.morning, staffId: f.staff[2]! });
    await f.ok('rota.assign', { day: '2026-10-08', shiftId: f.shifts.westDay, staffId: f.staff[3]! });
    // an older plan: 丁四's 白班 row moved onto 丙三 directly
    f.db.prepare('UPDATE rota_assignments SET staff_id = ? WHERE shift_id = ?').run(f.staff[2], f.shifts.westDay);
    const plan = await f.ok('rota.week', { week: WEEK });
    expect(plan.conflicts).toBe(2);
    expect(f.cell(plan, f.east, '2026-10-08', f.shifts.morning).assignees[0]!.conflict).toEqual({ stationName: '西苑驿站', shiftName: '白班', start: '10:00', end: '16:00' });
    // one station shown: its rows are still checked against the other station's
    const east = await f.ok('rota.week', { week: WEEK, stationId: f.east });
    expect(east.conflicts).toBe(1);
  });
});

describe('templates and publishing', () => {
  async function rotating(kind: 'rotate' | 'repeat' = 'rotate') {
    const cells = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
      { weekday, shiftId: f.shifts.morning, positions: [0, 1] },
      { weekday, shiftId: f.shifts.evening, positions: weekday === 6 ? [] : [2] },
    ]);
    return f.ok('rota.templates.save', { stationId: f.east, name: '东湖轮班', kind, anchorWeek: '2026-09-28', members: f.staff.slice(0, 4), cells });
  }

  it('fills a week from a rotating template (one step a week), leaving holidays empty and the Saturday evening a gap', async () => {
    const tpl = await rotating();
    const r = await f.ok('rota.fillFromTemplate', { week: WEEK, templateId: tpl.id });
    // open days 10-08, 09 (2+1) and 10-10 (2): 8 people
    expect(r).toMatchObject({ added: 8, removed: 0, skipped: [] });
    const plan = await f.ok('rota.week', { week: WEEK, stationId: f.east });
    expect(f.cell(plan, f.east, '2026-10-08', f.shifts.morning).assignees.map((a) => a.name)).toEqual(['乙二', '丙三']);
    expect(f.cell(plan, f.east, '2026-10-08', f.shifts.evening).assignees.map((a) => a.name)).toEqual(['丁四']);
    expect(f.cell(plan, f.east, '2026-10-10', f.shifts.evening)).toMatchObject({ gap: 1, assignees: [] });
    expect(f.cell(plan, f.east, '2026-10-06', f.shifts.morning).assignees).toEqual([]);
    expect(plan.gaps).toBe(1);
  });

  it('filling again keeps manual changes and replaces only what the template put there', async () => {
    const tpl = await rotating('repeat');
    await f.ok('rota.fillFromTemplate', { week: WEEK, templateId: tpl.id });
    await f.ok('rota.assign', { day: '2026-10-10', shiftId: f.shifts.evening, staffId: f.staff[4]! });
    const r = await f.ok('rota.fillFromTemplate', { week: WEEK, templateId: tpl.id });
    expect(r).toMatchObject({ added: 8, removed: 8 });
    const plan = await f.ok('rota.week', { week: WEEK, stationId: f.east });
    expect(f.cell(plan, f.east, '2026-10-10', f.shifts.evening).assignees.map((a) => [a.name, a.source])).toEqual([['戊五', 'manual']]);
    expect(plan.gaps).toBe(0);
  });

  it('a template that would double-book someone skips them and says why', async () => {
    const tpl = await rotating('repeat');
    await f.ok('rota.assign', { day: '2026-10-08', shiftId: f.shifts.westDay, staffId: f.staff[0]! });
    const r = await f.ok('rota.fillFromTemplate', { week: WEEK, templateId: tpl.id });
    expect(r.skipped).toEqual([{ day: '2026-10-08', shiftName: '上午班', name: '甲一', reason: '当天已在 西苑驿站 白班（10:00–16:00）' }]);
  });

  it('refuses a template naming another station’s shift or a position past the members', async () => {
    const base = { stationId: f.east, name: 'x', kind: 'repeat' as const, anchorWeek: '2026-09-28', members: f.staff.slice(0, 2) };
    expect((await f.err('rota.templates.save', { ...base, cells: [{ weekday: 1, shiftId: f.shifts.westDay, positions: [0] }] })).field).toBe('cells.0.shiftId');
    expect((await f.err('rota.templates.save', { ...base, cells: [{ weekday: 1, shiftId: f.shifts.morning, positions: [2] }] })).key).toBe('rota.template.positionUnknown');
    expect((await f.err('rota.templates.save', { ...base, anchorWeek: '2026-09-29', cells: [] })).key).toBe('rota.week.notMonday');
  });

  it('publishes once (audited); later edits of the published week are recorded and shown; refilling it is refused', async () => {
    const tpl = await rotating();
    await f.ok('rota.fillFromTemplate', { week: WEEK, templateId: tpl.id });
    await f.ok('rota.publish', { week: WEEK });
    const audit = () => f.db.prepare(`SELECT action, target_id FROM audit_log WHERE action LIKE 'rota.%' ORDER BY seq`).all();
    expect(audit()).toEqual([{ action: 'rota.publish', target_id: WEEK }]);
    expect((await f.err('rota.publish', { week: WEEK })).key).toBe('rota.publish.already');
    expect((await f.err('rota.fillFromTemplate', { week: WEEK, templateId: tpl.id })).key).toBe('rota.fill.published');
    await f.ok('rota.assign', { day: '2026-10-10', shiftId: f.shifts.evening, staffId: f.staff[4]! });
    const plan = await f.ok('rota.week', { week: WEEK });
    expect(plan.status).toBe('published');
    expect(plan.publishedBy).toBe('管理员');
    expect(plan.laterEdits.map((e) => e.text)).toEqual(['2026-10-10 东湖驿站 晚班：加上 戊五']);
    const id = f.cell(plan, f.east, '2026-10-10', f.shifts.evening).assignees[0]!.assignmentId;
    await f.ok('rota.unassign', { assignmentId: id });
    expect((await f.ok('rota.week', { week: WEEK })).laterEdits[0]!.text).toBe('2026-10-10 东湖驿站 晚班（17:00–21:00）：移出 戊五');
    expect(audit().length).toBe(3);
  });

  it('refuses to publish an empty week', async () => {
    expect((await f.err('rota.publish', { week: WEEK })).key).toBe('rota.publish.empty');
  });
});

describe('bad dates', () => {
  it('refuses a date that does not exist, naming the field', async () => {
    expect(await f.err('rota.week', { week: '2026-02-30' })).toMatchObject({ code: 'VALIDATION', key: 'validation.badDate', field: 'week' });
    expect((await f.err('rota.assign', { day: '2026-13-01', shiftId: f.shifts.morning, staffId: f.staff[0]! })).field).toBe('day');
  });
});
