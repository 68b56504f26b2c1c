import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import { enqueueOutbox } from '../outbox/outbox';
import type { RequestRow, RequestStatus, StepAction } from './rows';

export interface StepInput {
  action: StepAction;
  /** The status the request has after this step. */
  status: RequestStatus;
  note?: string | null | undefined;
}

/** The name the step log keeps: the account's display name now, not whatever the session remembered. */
function displayNameOf(db: Db, user: Pick<SessionUser, 'userId' | 'displayName'>): string {
  const row = db.prepare('SELECT display_name FROM users WHERE id = ?').get(user.userId) as { display_name: string } | undefined;
  return row?.display_name ?? user.displayName;
}

/** What goes to the county on each change: no name, phone or ID number; the description only when escalated to it. */
export function outboxPayload(r: RequestRow, step: StepInput, at: number, serviceName?: string) {
  return {
    number: r.number,
    status: step.status,
    action: step.action,
    at,
    serviceId: r.service_id,
    ...(serviceName !== undefined ? { serviceName } : {}),
    originRef: r.origin_ref,
    mode: r.mode,
    channel: r.channel,
    department: r.department,
    dueDate: r.due_date,
    ...(step.action === 'closed' || step.action === 'reopened' ? { satisfaction: r.satisfaction } : {}),
    ...(r.mode === 'escalated' ? { description: r.description } : {}),
  };
}

/**
 * Appends steps to the request's log (append-only) and, in the same transaction, an outbox entry for
 * every step that changes the status or the routing. `r` is the request as it is after the steps.
 * `prevStatus` is its status before them (null for a new request). Call inside the write's transaction.
 */
export function recordSteps(
  db: Db,
  r: RequestRow,
  prevStatus: RequestStatus | null,
  steps: StepInput[],
  user: Pick<SessionUser, 'userId' | 'displayName'>,
  at: number,
): void {
  const name = displayNameOf(db, user);
  const insert = db.prepare(
    'INSERT INTO request_steps (request_id, at, action, status, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Carried in the entry so that sending months of backlog needs no lookups of the request.
  const serviceName = (db.prepare('SELECT name FROM services WHERE id = ?').pluck().get(r.service_id) as string | undefined) ?? undefined;
  let status = prevStatus;
  for (const step of steps) {
    insert.run(r.id, at, step.action, step.status, user.userId, name, step.note ?? null);
    if (step.status !== status || step.action === 'rerouted') {
      enqueueOutbox(db, at, { stream: 'requests', kind: 'request.status', recordId: r.id, payload: outboxPayload(r, step, at, serviceName) });
    }
    status = step.status;
  }
}

export function stepsOf(db: Db, requestId: string) {
  return (
    db.prepare('SELECT at, action, status, user_name, note FROM request_steps WHERE request_id = ? ORDER BY seq').all(requestId) as {
      at: number;
      action: StepAction;
      status: RequestStatus;
      user_name: string;
      note: string | null;
    }[]
  ).map((s) => ({ at: s.at, action: s.action, status: s.status, userName: s.user_name, note: s.note }));
}
