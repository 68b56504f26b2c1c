import { shanghaiDate } from '../../../../../shared/rules/time';
import type { Db } from '../../../db/open';
import { newId } from '../../../db/ids';
import { writeAudit } from '../../audit/audit';
import { nextRequestNumber } from '../../requests/create';
import { getRequestRow } from '../../requests/lookup';
import { isOpen, type RequestStatus } from '../../requests/rows';
import { recordSteps, type StepInput } from '../../requests/steps';
import type { DownRecord } from '../protocol';
import { countyUser, serviceForDispatch } from './countyActor';

type Dispatch = DownRecord<'dispatch'>;

interface StoredDispatch {
  record_id: string;
  request_id: string;
  title: string;
  department: string | null;
  due_date: string;
  state: 'active' | 'withdrawn';
}

export const WITHDRAWN_NOTE = '县级平台撤回';

const descriptionOf = (d: Dispatch) => (d.description.trim() ? `${d.title}\n${d.description}` : d.title);

/**
 * A dispatched request (SPEC §7, ownership rules in docs/sync-protocol.md): the first revision
 * becomes a local request (channel county, status received, received by the 县级平台 account). Later
 * revisions change only what the county owns — title, description, department, due date — and each
 * is kept as a step of the request. Withdrawn voids the request while it is still open; once the
 * desk resolved or closed it, it stays as it is and the step records the conflict. The desk owns
 * the status and the handling: nothing here moves a request forward.
 */
export function applyDispatch(db: Db, d: Dispatch, now: number): void {
  const stored = db.prepare(`SELECT * FROM county_dispatches WHERE record_id = ?`).get(d.id) as StoredDispatch | undefined;
  if (!stored) {
    if (d.state === 'withdrawn') return; // taken back before it ever reached us: nothing to handle
    createFromDispatch(db, d, now);
    return;
  }
  updateFromDispatch(db, stored, d, now);
}

/** With a department named by the county it is 转办/联办 with that department; otherwise the desk handles it (马上办). */
const modeOf = (d: Dispatch) => (d.department ? 'escalated' : 'immediate');

function createFromDispatch(db: Db, d: Dispatch, now: number): void {
  const user = countyUser(db, now);
  const serviceId = serviceForDispatch(db, d.serviceCode, now);
  const today = shanghaiDate(now);
  const id = newId();
  db.prepare(
    `INSERT INTO requests (id, number, service_id, channel, description, mode, department, origin_ref, status,
       received_at, received_day, received_by, due_date, updated_at)
     VALUES (?, ?, ?, 'county', ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)`,
  ).run(id, nextRequestNumber(db, today), serviceId, descriptionOf(d), modeOf(d), d.department, d.ref, now, today, user.userId, d.dueDate, now);
  db.prepare(
    `INSERT INTO county_dispatches (record_id, ref, request_id, title, department, due_date, state, dispatched_at, rev)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.ref, id, d.title, d.department, d.dueDate, d.state, d.dispatchedAt, d.rev);
  recordSteps(db, getRequestRow(db, id), null, [{ action: 'received', status: 'received', note: `县级平台交办（${d.ref}）` }], user, now);
}

function changesOf(stored: StoredDispatch, d: Dispatch, oldDescription: string): string[] {
  const out: string[] = [];
  if (stored.title !== d.title) out.push(`标题改为“${d.title}”`);
  else if (oldDescription !== descriptionOf(d)) out.push('诉求内容已更新');
  if ((stored.department ?? '') !== (d.department ?? '')) out.push(`承办部门改为${d.department ?? '（无）'}`);
  if (stored.due_date !== d.dueDate) out.push(`办理期限由 ${stored.due_date} 改为 ${d.dueDate}`);
  return out;
}

function updateFromDispatch(db: Db, stored: StoredDispatch, d: Dispatch, now: number): void {
  const user = countyUser(db, now);
  const before = getRequestRow(db, stored.request_id);
  const changes = changesOf(stored, d, before.description);
  db.prepare(`UPDATE county_dispatches SET ref = ?, title = ?, department = ?, due_date = ?, state = ?, dispatched_at = ?, rev = ? WHERE record_id = ?`).run(
    d.ref,
    d.title,
    d.department,
    d.dueDate,
    d.state,
    d.dispatchedAt,
    d.rev,
    d.id,
  );
  if (changes.length > 0) {
    db.prepare(`UPDATE requests SET description = ?, department = ?, due_date = ?, updated_at = ? WHERE id = ?`).run(
      descriptionOf(d),
      d.department,
      d.dueDate,
      now,
      before.id,
    );
  }

  const steps: StepInput[] = [];
  let status: RequestStatus = before.status;
  if (changes.length > 0) steps.push({ action: 'county_update', status, note: `县级平台更新：${changes.join('；')}` });
  if (d.state === 'withdrawn' && stored.state === 'active') {
    if (isOpen(before.status)) {
      status = 'void';
      db.prepare(`UPDATE requests SET status = 'void', void_reason = ?, voided_at = ?, updated_at = ? WHERE id = ?`).run(WITHDRAWN_NOTE, now, now, before.id);
      steps.push({ action: 'voided', status, note: WITHDRAWN_NOTE });
      // Voiding is audited wherever it comes from (as requests.void is at the desk).
      writeAudit(db, { userId: user.userId, username: '县级平台' }, now, {
        action: 'request.void',
        targetType: 'request',
        targetId: before.id,
        detail: { number: before.number, reason: WITHDRAWN_NOTE, ref: d.ref },
      });
    } else {
      steps.push({ action: 'county_update', status, note: `${WITHDRAWN_NOTE}，但本中心已${before.status === 'void' ? '作废' : '办结'}此件，保持原状` });
    }
  } else if (d.state === 'active' && stored.state === 'withdrawn') {
    steps.push({ action: 'county_update', status, note: `县级平台恢复交办此件；本中心的办理状态保持原状` });
  }
  if (steps.length > 0) recordSteps(db, getRequestRow(db, before.id), before.status, steps, user, now);
}
