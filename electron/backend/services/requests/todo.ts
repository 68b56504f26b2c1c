import type { RequestSummary } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { OPEN_SQL, SUMMARY_SELECT, toSummary, type SummaryRow } from './rows';

export type TodoList = 'mine' | 'counter' | 'overdue' | 'dueToday';

/** A to-do list is for working through, not an archive: the counts give the full number. */
export const TODO_LIMIT = 500;



/**
 * The WHERE of one to-do list. Mine: assigned to the staff member my account is linked to, or
 * taken by me and not given to anyone. Null when the list is empty by definition (no counter).
 */
function todoWhere(db: Db, list: TodoList, userId: string, counter: number | null, today: string): { sql: string; args: unknown[] } | null {
  switch (list) {
    case 'mine': {
      const staffId = (db.prepare('SELECT staff_id FROM users WHERE id = ?').get(userId) as { staff_id: string | null } | undefined)?.staff_id ?? null;
      // Two index-friendly halves instead of one OR, so each can use its own index.
      return {
        sql: `q.rowid IN (
                SELECT rowid FROM requests q WHERE ${OPEN_SQL} AND q.assignee_staff_id = ?
                UNION ALL
                SELECT rowid FROM requests q WHERE ${OPEN_SQL} AND q.received_by = ? AND q.assignee_staff_id IS NULL)`,
        args: [staffId, userId],
      };
    }
    case 'counter':
      return counter === null ? null : { sql: `${OPEN_SQL} AND q.counter = ?`, args: [counter] };
    case 'overdue':
      return { sql: `${OPEN_SQL} AND q.due_date < ?`, args: [today] };
    case 'dueToday':
      return { sql: `${OPEN_SQL} AND q.due_date = ?`, args: [today] };
  }
}

/** Overdue first (the earliest due date is the most overdue), then by due date, then oldest first. */
export function todoList(db: Db, list: TodoList, userId: string, counter: number | null, today: string): RequestSummary[] {
  const w = todoWhere(db, list, userId, counter, today);
  if (!w) return [];
  const rows = db
    .prepare(`${SUMMARY_SELECT} WHERE ${w.sql} ORDER BY q.due_date, q.number LIMIT ${TODO_LIMIT}`)
    .all(...w.args) as SummaryRow[];
  return rows.map((r) => toSummary(r, today));
}

export function todoCounts(db: Db, userId: string, counter: number | null, today: string): Record<TodoList, number> {
  const count = (list: TodoList) => {
    const w = todoWhere(db, list, userId, counter, today);
    return w ? (db.prepare(`SELECT count(*) n FROM requests q WHERE ${w.sql}`).get(...w.args) as { n: number }).n : 0;
  };
  return { mine: count('mine'), counter: count('counter'), overdue: count('overdue'), dueToday: count('dueToday') };
}
