import { fail, type RotaSwap as Swap } from '../../../../shared/contract';
import { hhmmOf } from '../../../../shared/rules/stationDay';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';
import { writeAudit } from '../audit/audit';
import type { SessionUser } from '../../context';
import { assignmentRow } from './assignments';
import { findOverlap, overlapParams, recordIfPublished, staffName } from './plan';

type Actor = Pick<SessionUser, 'userId' | 'username' | 'displayName'>;
type Status = Swap['status'];

const shanghaiStart = (day: string, minute: number) => Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000;

interface SwapRow {
  id: string;
  assignment_id: string;
  from_staff_id: string;
  to_staff_id: string;
  return_assignment_id: string | null;
  reason: string | null;
  status: Status;
  asked_at: number;
  decision_note: string | null;
}

function swapRow(db: Db, id: string): SwapRow {
  const row = db.prepare('SELECT * FROM rota_swaps WHERE id = ?').get(id) as SwapRow | undefined;
  if (!row) throw fail.validation('rota.swap.notFound', 'id');
  return row;
}

/**
 * The rules a swap must meet when asked, accepted and approved (the plan may have moved in between):
 * neither shift has started; the colleague takes the asker's place (and, in an exchange, the asker
 * takes the colleague's) without anyone being on two overlapping shifts, and without a shift falling
 * below its minimum (which happens when the one taking over is already on that shift).
 */
export function checkSwapRules(db: Db, s: { assignmentId: string; fromStaffId: string; toStaffId: string; returnAssignmentId: string | null }, now: number): void {
  const a = assignmentRow(db, s.assignmentId);
  if (a.staff_id !== s.fromStaffId) throw fail.conflict('rota.swap.notYours', 'assignmentId', { name: a.staff_name });
  if (shanghaiStart(a.day, a.start_minute) <= now) throw fail.validation('rota.swap.passed', 'assignmentId', { day: a.day, shift: a.shift_name });
  // checked in early for it: the shift is as good as started
  if (checkedIn(db, a.id)) throw fail.validation('rota.swap.passed', 'assignmentId', { day: a.day, shift: a.shift_name });
  if (s.toStaffId === s.fromStaffId) throw fail.validation('rota.swap.self', 'toStaffId');
  const toName = staffName(db, s.toStaffId, 'toStaffId');
  const r = s.returnAssignmentId ? assignmentRow(db, s.returnAssignmentId, 'returnAssignmentId') : null;
  if (r) {
    if (r.staff_id !== s.toStaffId) throw fail.validation('rota.swap.returnNotTheirs', 'returnAssignmentId', { name: toName });
    if (shanghaiStart(r.day, r.start_minute) <= now || checkedIn(db, r.id)) throw fail.validation('rota.swap.passed', 'returnAssignmentId', { day: r.day, shift: r.shift_name });
  }
  takeOverCheck(db, a, s.toStaffId, toName, r?.id ?? null, 'toStaffId');
  if (r) takeOverCheck(db, r, s.fromStaffId, a.staff_name, a.id, 'returnAssignmentId');
}

const checkedIn = (db: Db, assignmentId: string) => db.prepare('SELECT 1 FROM duty_sessions WHERE assignment_id = ?').get(assignmentId) !== undefined;

/** `staffId` takes over assignment `a`, giving up `givingUp` (their own, in an exchange). */
function takeOverCheck(db: Db, a: ReturnType<typeof assignmentRow>, staffId: string, name: string, givingUp: string | null, field: string): void {
  const cell = db
    .prepare(
      `SELECT sh.min_staff, (SELECT count(*) FROM rota_assignments x WHERE x.day = a.day AND x.shift_id = a.shift_id) n,
              EXISTS (SELECT 1 FROM rota_assignments x WHERE x.day = a.day AND x.shift_id = a.shift_id AND x.staff_id = ?) already
       FROM rota_assignments a JOIN shifts sh ON sh.id = a.shift_id WHERE a.id = ?`,
    )
    .get(staffId, a.id) as { min_staff: number; n: number; already: number };
  if (cell.already) {
    if (cell.n - 1 < cell.min_staff) throw fail.conflict('rota.swap.belowMinimum', field, { name, day: a.day, shift: a.shift_name, min: cell.min_staff });
    throw fail.conflict('rota.swap.alreadyOn', field, { name, day: a.day, shift: a.shift_name });
  }
  const overlap = findOverlap(db, staffId, a.day, a.start_minute, a.end_minute, givingUp ? [givingUp] : []);
  if (overlap) throw fail.conflict('rota.swap.conflict', field, { ...overlapParams(name, overlap), day: a.day });
}

function addStep(db: Db, swapId: string, now: number, action: string, status: Status, user: { userId: string | null; name: string }, note: string | null): void {
  db.prepare('INSERT INTO rota_swap_steps (swap_id, at, action, status, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    swapId, now, action, status, user.userId, user.name, note,
  );
}

const OPEN: Status[] = ['asked', 'accepted'];

/** Asked by the assignment's own staff member (their PIN already checked by the caller). Inside a transaction. */
export function askSwap(
  db: Db,
  f: { assignmentId: string; toStaffId: string; returnAssignmentId: string | null; reason: string },
  now: number,
  user: Actor,
): string {
  const a = assignmentRow(db, f.assignmentId);
  const open = db.prepare(`SELECT 1 FROM rota_swaps WHERE status IN ('asked', 'accepted') AND (assignment_id = ? OR return_assignment_id = ?)`);
  if (open.get(f.assignmentId, f.assignmentId)) throw fail.conflict('rota.swap.openExists', 'assignmentId', { shift: a.shift_name, day: a.day });
  if (f.returnAssignmentId && open.get(f.returnAssignmentId, f.returnAssignmentId)) throw fail.conflict('rota.swap.openExists', 'returnAssignmentId', { shift: a.shift_name, day: a.day });
  checkSwapRules(db, { ...f, fromStaffId: a.staff_id }, now);
  const id = newId();
  db.prepare(
    `INSERT INTO rota_swaps (id, assignment_id, from_staff_id, to_staff_id, return_assignment_id, reason, status, asked_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'asked', ?, ?)`,
  ).run(id, f.assignmentId, a.staff_id, f.toStaffId, f.returnAssignmentId, f.reason, now, now);
  addStep(db, id, now, 'asked', 'asked', { userId: user.userId, name: a.staff_name }, f.reason);
  return id;
}

/** Whose PIN a step needs: the asker's (withdraw) or the colleague's (accept, decline). */
export function pinHolder(db: Db, swapId: string, who: 'from' | 'to'): string {
  const s = swapRow(db, swapId);
  return who === 'from' ? s.from_staff_id : s.to_staff_id;
}

function move(db: Db, id: string, from: Status[], to: Status, now: number, extra: { decidedBy?: string; note?: string | null } = {}): SwapRow {
  const s = swapRow(db, id);
  if (!from.includes(s.status)) throw fail.conflict(`rota.swap.state.${s.status}`, 'id');
  const decided = to !== 'accepted';
  db.prepare(
    `UPDATE rota_swaps SET status = ?, accepted_at = CASE WHEN ? = 'accepted' THEN ? ELSE accepted_at END,
       decided_at = CASE WHEN ? THEN ? ELSE decided_at END, decided_by = COALESCE(?, decided_by),
       decision_note = COALESCE(?, decision_note), updated_at = ? WHERE id = ?`,
  ).run(to, to, now, decided ? 1 : 0, now, extra.decidedBy ?? null, extra.note ?? null, now, id);
  return s;
}

/** The colleague agrees (their PIN checked by the caller); the rules are checked again. */
export function acceptSwap(db: Db, id: string, now: number, user: Actor): void {
  const s = swapRow(db, id);
  if (s.status === 'asked') checkSwapRules(db, { assignmentId: s.assignment_id, fromStaffId: s.from_staff_id, toStaffId: s.to_staff_id, returnAssignmentId: s.return_assignment_id }, now);
  move(db, id, ['asked'], 'accepted', now);
  addStep(db, id, now, 'accepted', 'accepted', { userId: user.userId, name: staffName(db, s.to_staff_id) }, null);
}

export function declineSwap(db: Db, id: string, note: string | null, now: number, user: Actor): void {
  const s = move(db, id, ['asked'], 'declined', now, { note });
  addStep(db, id, now, 'declined', 'declined', { userId: user.userId, name: nameOf(db, s.to_staff_id) }, note);
}

export function withdrawSwap(db: Db, id: string, now: number, user: Actor): void {
  const s = move(db, id, OPEN, 'withdrawn', now);
  addStep(db, id, now, 'withdrawn', 'withdrawn', { userId: user.userId, name: nameOf(db, s.from_staff_id) }, null);
}

/** The admin approves: the rules once more, then the plan changes in the same transaction (source 'swap'). Audited. */
export function approveSwap(db: Db, id: string, note: string | null, now: number, user: Actor): void {
  const s = swapRow(db, id);
  if (s.status === 'asked') throw fail.conflict('rota.swap.notAccepted', 'id');
  if (s.status === 'accepted') checkSwapRules(db, { assignmentId: s.assignment_id, fromStaffId: s.from_staff_id, toStaffId: s.to_staff_id, returnAssignmentId: s.return_assignment_id }, now);
  move(db, id, ['accepted'], 'approved', now, { decidedBy: user.userId, note });
  const a = assignmentRow(db, s.assignment_id);
  const r = s.return_assignment_id ? assignmentRow(db, s.return_assignment_id) : null;
  const setStaff = db.prepare(`UPDATE rota_assignments SET staff_id = ?, source = 'swap', updated_at = ? WHERE id = ?`);
  setStaff.run(s.to_staff_id, now, a.id);
  if (r) setStaff.run(s.from_staff_id, now, r.id);
  const fromName = nameOf(db, s.from_staff_id);
  const toName = nameOf(db, s.to_staff_id);
  const time = (x: typeof a) => `${x.day} ${x.station_name} ${x.shift_name}（${hhmmOf(x.start_minute)}–${hhmmOf(x.end_minute)}）`;
  recordIfPublished(db, a.day, user, now, `换班：${time(a)} ${fromName} → ${toName}`);
  if (r) recordIfPublished(db, r.day, user, now, `换班：${time(r)} ${toName} → ${fromName}`);
  addStep(db, id, now, 'approved', 'approved', { userId: user.userId, name: user.displayName }, note);
  writeAudit(db, user, now, {
    action: 'rota.swap.approve',
    targetType: 'rotaSwap',
    targetId: id,
    detail: { assignmentId: a.id, from: s.from_staff_id, to: s.to_staff_id, returnAssignmentId: r?.id ?? null },
  });
}

export function rejectSwap(db: Db, id: string, note: string, now: number, user: Actor): void {
  move(db, id, OPEN, 'rejected', now, { decidedBy: user.userId, note });
  addStep(db, id, now, 'rejected', 'rejected', { userId: user.userId, name: user.displayName }, note);
  writeAudit(db, user, now, { action: 'rota.swap.reject', targetType: 'rotaSwap', targetId: id, detail: { note } });
}

const nameOf = (db: Db, staffId: string) => (db.prepare('SELECT name FROM staff WHERE id = ?').get(staffId) as { name: string } | undefined)?.name ?? '?';

function brief(db: Db, id: string): Swap['assignment'] {
  const a = assignmentRow(db, id);
  return { id: a.id, day: a.day, stationName: a.station_name, shiftName: a.shift_name, start: hhmmOf(a.start_minute), end: hhmmOf(a.end_minute) };
}

export function getSwap(db: Db, id: string): Swap {
  const s = swapRow(db, id);
  const steps = db
    .prepare('SELECT at, action, status, user_name userName, note FROM rota_swap_steps WHERE swap_id = ? ORDER BY seq')
    .all(id) as Swap['steps'];
  return {
    id: s.id,
    assignment: brief(db, s.assignment_id),
    fromStaffId: s.from_staff_id,
    fromName: nameOf(db, s.from_staff_id),
    toStaffId: s.to_staff_id,
    toName: nameOf(db, s.to_staff_id),
    returnAssignment: s.return_assignment_id ? brief(db, s.return_assignment_id) : null,
    reason: s.reason,
    status: s.status,
    askedAt: s.asked_at,
    decisionNote: s.decision_note,
    steps,
  };
}

/** Open swaps (asked or accepted), or the latest 200 of all, newest first. */
export function listSwaps(db: Db, open: boolean): Swap[] {
  const ids = open
    ? (db.prepare(`SELECT id FROM rota_swaps WHERE status IN ('asked', 'accepted') ORDER BY asked_at DESC`).all() as { id: string }[])
    : (db.prepare('SELECT id FROM rota_swaps ORDER BY asked_at DESC LIMIT 200').all() as { id: string }[]);
  return ids.map((r) => getSwap(db, r.id));
}

/** A person's shifts from today on (four weeks), for picking the one to swap. */
export function upcomingAssignments(db: Db, staffId: string, now: number): Swap['assignment'][] {
  const today = shanghaiDate(now);
  const ids = db
    .prepare(`SELECT id, day, start_minute FROM rota_assignments WHERE staff_id = ? AND day >= ? ORDER BY day, start_minute LIMIT 60`)
    .all(staffId, today) as { id: string; day: string; start_minute: number }[];
  return ids.filter((r) => shanghaiStart(r.day, r.start_minute) > now).map((r) => brief(db, r.id));
}
