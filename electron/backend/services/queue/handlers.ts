import { fail } from '../../../../shared/contract';
import { defineHandlers } from '../../api/types';

const todo = (): never => {
  throw fail.notFound();
};

export const queueHandlers = defineHandlers({
  'kiosk.state': todo,
  'kiosk.issue': todo,
  'display.state': todo,
  'queue.rules': todo,
  'queue.saveRules': todo,
  'queue.issue': todo,
  'queue.counters': todo,
  'queue.openCounter': todo,
  'queue.pauseCounter': todo,
  'queue.closeCounter': todo,
  'queue.waiting': todo,
  'queue.callNext': todo,
  'queue.recall': todo,
  'queue.finish': todo,
  'queue.noShow': todo,
  'queue.returnTicket': todo,
  'queue.transfer': todo,
  'queue.noShows': todo,
  'queue.today': todo,
  'queue.endDay': todo,
  'queue.daySummaries': todo,
});
