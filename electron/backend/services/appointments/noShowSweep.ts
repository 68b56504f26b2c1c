import type { Db } from '../../db/open';
import { localNow } from './clock';
import { addEvent } from './events';
import { getAppointmentRules } from './rules';

/** Per database: the local day before which no booked appointment is left (all were swept). */
const sweptBefore = new WeakMap<Db, string>();

/**
 * The automatic no-show: a booking not checked in once start + grace has passed becomes no_show,
 * recorded by the system. Run before the calls that show or change appointments, so what they see
 * follows the backend's clock (deterministic under the test clock); no timer needed. Days already
 * swept are not looked at again, the first sweep of a process looks at all of them.
 */
export function sweepNoShows(db: Db, now: number): number {
  const { today, minute } = localNow(now);
  const grace = getAppointmentRules(db).graceMinutes;
  const known = sweptBefore.get(db);
  const from = known !== undefined && known <= today ? known : '0000-00-00';
  const late = db
    .prepare(
      `SELECT id FROM appointments
        WHERE day >= ? AND status = 'booked' AND (day < ? OR (day = ? AND start_minute + ? <= ?))`,
    )
    .all(from, today, today, grace, minute) as { id: string }[];
  if (late.length > 0) {
    db.transaction(() => {
      const mark = db.prepare(`UPDATE appointments SET status = 'no_show', finished_at = ?, updated_at = ? WHERE id = ? AND status = 'booked'`);
      for (const { id } of late) {
        if (mark.run(now, now, id).changes === 1) addEvent(db, id, now, 'autoNoShow', 'no_show', null);
      }
    }).immediate();
  }
  sweptBefore.set(db, today);
  return late.length;
}
