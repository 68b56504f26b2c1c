import { fail } from '../../../../shared/contract';
import { isValidDate } from '../../../../shared/rules/idNumber';
import { addWorkingDays, isWorkingDay } from '../../../../shared/rules/workdays';
import type { Db } from '../../db/open';
import { loadCalendar } from '../catalogue/calendar';

/**
 * The due date of a request received on `receivedDay`: the service's time limit in working days
 * under the stored holiday/调休 calendar, or an explicit date the desk set (a working day, not past).
 */
export function dueDateFor(db: Db, receivedDay: string, timeLimitDays: number, explicit: string | null): string {
  const calendar = loadCalendar(db);
  if (explicit === null) return addWorkingDays(receivedDay, timeLimitDays, calendar);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(explicit);
  if (!m || !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw fail.validation('validation.badDate', 'dueDate');
  if (explicit < receivedDay) throw fail.validation('request.due.past', 'dueDate');
  if (!isWorkingDay(explicit, calendar)) throw fail.validation('request.due.notWorkingDay', 'dueDate', { date: explicit });
  return explicit;
}
