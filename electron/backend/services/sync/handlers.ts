import { fail } from '../../../../shared/contract';
import { defineHandlers } from '../../api/types';

const todo = () => {
  throw fail.validation('sync.notReady');
};

// TODO(issue 7): each handler is filled by the piece that owns it (settings/status: engine; rosterCheck: down).
export const syncHandlers = defineHandlers({
  'sync.settings.get': todo,
  'sync.settings.save': todo,
  'sync.settings.importCa': todo,
  'sync.settings.removeCa': todo,
  'sync.testConnection': todo,
  'sync.status': todo,
  'sync.activity': todo,
  'sync.now': todo,
  'sync.retryParked': todo,
  'sync.rosterCheck': todo,
});
