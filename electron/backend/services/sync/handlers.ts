import { fail } from '../../../../shared/contract';
import { defineHandlers } from '../../api/types';
import { requireUser } from '../../context';
import { retryParkedUp, syncActivity } from './activity';
import { checkEndpoint, importCa, removeCa, saveSettings, settingsView } from './config';
import { syncStatus } from './status';
import { retryParkedDown, topicOf } from './down/apply';
import { rosterCheck } from './down/rosterCheck';

/** Settings, status and the sync page. None of them waits on the county except 测试连接. */
export const syncHandlers = defineHandlers({
  'sync.settings.get': (_input, ctx) => settingsView(ctx.db, ctx.secrets),
  'sync.settings.save': (input, ctx) => {
    saveSettings(ctx.db, ctx.secrets, requireUser(ctx), ctx.clock.now(), input);
    ctx.sync.reconfigure();
    ctx.changed('sync');
    return { ok: true };
  },
  'sync.settings.importCa': (input, ctx) => {
    importCa(ctx.db, requireUser(ctx), ctx.clock.now(), input.pem);
    ctx.sync.reconfigure();
    ctx.changed('sync');
    return { ok: true };
  },
  'sync.settings.removeCa': (_input, ctx) => {
    removeCa(ctx.db, requireUser(ctx), ctx.clock.now());
    ctx.sync.reconfigure();
    ctx.changed('sync');
    return { ok: true };
  },
  'sync.testConnection': (input, ctx) => {
    checkEndpoint(input.endpoint);
    return ctx.sync.test(input);
  },
  'sync.status': (_input, ctx) => syncStatus(ctx.db, ctx.sync.running()),
  'sync.activity': (_input, ctx) => syncActivity(ctx.db),
  'sync.now': (_input, ctx) => {
    ctx.sync.kick();
    return { ok: true };
  },
  'sync.retryParked': (input, ctx) => {
    if (input.direction === 'up') retryParkedUp(ctx.db, input.id);
    else {
      const id = Number(input.id);
      const stream = (ctx.db.prepare(`SELECT stream FROM sync_parked_down WHERE id = ?`).get(id) as { stream: string } | undefined)?.stream;
      const r = Number.isSafeInteger(id) && stream ? retryParkedDown(ctx.db, id, ctx.clock.now()) : null;
      if (!r) throw fail.notFound('sync.parked.notFound');
      const topic = r.resolved && r.applied ? topicOf(stream!) : null;
      if (topic) ctx.changed(topic);
    }
    ctx.sync.kick();
    ctx.changed('sync');
    return { ok: true };
  },
  'sync.rosterCheck': (input, ctx) => rosterCheck(ctx.db, ctx.secrets, input.householdId, ctx.clock.now()),
});
