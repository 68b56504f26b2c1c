import type { APPLICATION_STEP_ACTIONS } from '../../../../shared/contract/cards';
import type { Db } from '../../db/open';
import type { Actor } from './issue';

export type StepAction = (typeof APPLICATION_STEP_ACTIONS)[number];

/** Appends a step to the application's log (the table refuses updates and deletes). Call inside the write's transaction. */
export function recordApplicationStep(db: Db, applicationId: string, at: number, actor: Actor, action: StepAction, note: string | null): void {
  db.prepare('INSERT INTO application_steps (application_id, at, action, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    applicationId,
    at,
    action,
    actor.userId,
    actor.userName,
    note,
  );
}

export function applicationStepsOf(db: Db, applicationId: string) {
  return (
    db.prepare('SELECT at, action, user_name, note FROM application_steps WHERE application_id = ? ORDER BY seq').all(applicationId) as {
      at: number;
      action: StepAction;
      user_name: string;
      note: string | null;
    }[]
  ).map((s) => ({ at: s.at, action: s.action, userName: s.user_name, note: s.note }));
}
