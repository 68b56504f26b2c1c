import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { attendance } from './attendance';
import { makeDutyFixture, shanghai, type DutyFixture } from './testFixture';

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const dayStart = (day: string) => shanghai(day, '00:00');

describe('monthly attendance', () => {
  let f: DutyFixture;
  beforeEach(async () => {
    f = await makeDutyFixture();
  });
  afterEach(() => f.t.close());

  it('equals a plain recount over the raw rows (many random sessions, month edges included)', () => {
    const random = rng(20261204);
    const shifts = [
      { id: f.shifts.morning, station: f.east, start: 480, end: 720 },
      { id: f.shifts.evening, station: f.east, start: 1020, end: 1260 },
      { id: f.shifts.westDay, station: f.west, start: 600, end: 960 },
    ];
    const insA = f.db.prepare(
      `INSERT INTO rota_assignments (id, week, day, shift_id, station_id, staff_id, start_minute, end_minute, source, created_at, updated_at)
       VALUES (?, '2026-08-31', ?, ?, ?, ?, ?, ?, 'manual', 0, 0)`,
    );
    const insS = f.db.prepare(
      `INSERT INTO duty_sessions (id, staff_id, station_id, day, assignment_id, status, in_at, in_method, out_at, out_method, late_minutes, early_minutes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pin', ?, ?, ?, ?, 0, 0)`,
    );
    const minute = 60_000;
    f.db.transaction(() => {
      for (let d = 0; d < 34; d++) {
        const day = new Date(Date.UTC(2026, 7, 29 + d)).toISOString().slice(0, 10); // 08-29 … 10-01
        for (const sh of shifts) {
          for (const staffId of f.staff) {
            if (random() < 0.5) continue;
            const aId = newId();
            insA.run(aId, day, sh.id, sh.station, staffId, sh.start, sh.end);
            const sessions = random() < 0.15 ? 0 : random() < 0.8 ? 1 : 2;
            for (let k = 0; k < sessions; k++) {
              const inAt = dayStart(day) + (sh.start + Math.floor(random() * 90) - 45 + k * 60) * minute + Math.floor(random() * minute);
              const missed = random() < 0.1;
              const outAt = missed ? null : inAt + Math.floor(random() * (sh.end - sh.start + 60)) * minute;
              const late = random() < 0.3 ? 1 + Math.floor(random() * 40) : 0;
              const early = !missed && random() < 0.2 ? 6 + Math.floor(random() * 30) : 0;
              insS.run(newId(), staffId, sh.station, day, aId, missed ? 'missed_out' : 'closed', inAt, outAt, missed ? null : 'pin', late, early);
            }
          }
          if (random() < 0.1) {
            const staffId = f.staff[Math.floor(random() * f.staff.length)]!;
            const inAt = dayStart(day) + 13 * 60 * minute;
            const missed = random() < 0.3;
            insS.run(newId(), staffId, sh.station, day, null, missed ? 'missed_out' : 'closed', inAt, missed ? null : inAt + 97 * minute + 1234, missed ? null : 'pin', 0, 0);
          }
        }
      }
    })();

    const now = shanghai('2026-09-20', '15:30');
    const got = attendance(f.db, '2026-09', now);

    // The plain recount: every raw row, one by one.
    type R = Record<string, number>;
    const want = new Map<string, R>();
    const rowOf = (id: string) => {
      if (!want.has(id)) want.set(id, { scheduledShifts: 0, scheduledMinutes: 0, attendedMs: 0, lateCount: 0, lateMinutes: 0, earlyCount: 0, absences: 0, missedOut: 0, unscheduled: 0, unscheduledMs: 0 });
      return want.get(id)!;
    };
    const assignments = f.db.prepare('SELECT * FROM rota_assignments').all() as { id: string; day: string; staff_id: string; start_minute: number; end_minute: number }[];
    const sessions = f.db.prepare('SELECT * FROM duty_sessions').all() as {
      staff_id: string; day: string; assignment_id: string | null; status: string; in_at: number; out_at: number | null; late_minutes: number; early_minutes: number;
    }[];
    const inMonth = (day: string) => day.startsWith('2026-09-');
    const byId = new Map(assignments.map((a) => [a.id, a]));
    for (const a of assignments) {
      if (!inMonth(a.day)) continue;
      const r = rowOf(a.staff_id);
      r.scheduledShifts! += 1;
      r.scheduledMinutes! += a.end_minute - a.start_minute;
      const ended = dayStart(a.day) + a.end_minute * minute <= now;
      if (ended && !sessions.some((s) => s.assignment_id === a.id)) r.absences! += 1;
    }
    for (const s of sessions) {
      if (!inMonth(s.day)) continue;
      const r = rowOf(s.staff_id);
      if (s.late_minutes > 0) r.lateCount! += 1;
      r.lateMinutes! += s.late_minutes;
      if (s.early_minutes > 0) r.earlyCount! += 1;
      if (s.status === 'missed_out') r.missedOut! += 1;
      const a = s.assignment_id ? byId.get(s.assignment_id) : undefined;
      if (!a) {
        r.unscheduled! += 1;
        if (s.status === 'closed') r.unscheduledMs! += s.out_at! - s.in_at;
      } else if (s.status === 'closed') {
        const start = dayStart(a.day) + a.start_minute * minute;
        const end = dayStart(a.day) + a.end_minute * minute;
        r.attendedMs! += Math.max(0, Math.min(s.out_at!, end) - Math.max(s.in_at, start));
      }
    }
    expect(got.length).toBe(want.size);
    expect(got.length).toBe(5);
    for (const g of got) {
      const w = want.get(g.staffId)!;
      expect(g).toEqual({
        staffId: g.staffId,
        name: g.name,
        scheduledShifts: w.scheduledShifts,
        scheduledMinutes: w.scheduledMinutes,
        attendedMinutes: Math.floor(w.attendedMs! / minute),
        lateCount: w.lateCount,
        lateMinutes: w.lateMinutes,
        earlyCount: w.earlyCount,
        absences: w.absences,
        missedOut: w.missedOut,
        unscheduled: w.unscheduled,
        unscheduledMinutes: Math.floor(w.unscheduledMs! / minute),
      });
    }
    expect(got.reduce((n, g) => n + g.absences, 0)).toBeGreaterThan(0);
    expect(got.reduce((n, g) => n + g.unscheduled, 0)).toBeGreaterThan(0);
  });

  it('is for the admin; the export is an Excel file and is audited', async () => {
    await f.plan(0, f.shifts.morning);
    await f.at('08:10');
    await f.asDuty('duty.checkIn', f.byPin(0));
    await f.at('11:00');
    await f.asDuty('duty.checkOut', f.byPin(0));
    const month = await f.ok('duty.attendance', { month: '2026-09' });
    expect(month.rows).toEqual([
      expect.objectContaining({ name: '甲一', scheduledShifts: 1, scheduledMinutes: 240, attendedMinutes: 170, lateCount: 1, lateMinutes: 10, earlyCount: 1 }),
    ]);
    const file = await f.ok('duty.attendanceExport', { month: '2026-09' });
    expect(file.fileName).toBe('考勤统计-2026年9月.xlsx');
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(await f.dutyErr('duty.attendance', { month: '2026-09' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.err('duty.attendance', { month: '2026-13' })).toMatchObject({ key: 'duty.month.format', field: 'month' });
    expect(f.count('audit_log')).toBeGreaterThan(0);
    expect(f.db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'duty.attendance.export'").get()).toEqual({ n: 1 });
  });
});
