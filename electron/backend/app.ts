import { EventEmitter } from 'node:events';
import { events as eventDefs, type ApiResult, type EventName } from '../../shared/contract';
import { systemClock, type Clock, type SessionSlot } from './context';
import path from 'node:path';
import { closeDatabase, DB_FILE_NAME, openDatabase, type Db } from './db/open';
import { ReadWorker } from './reads/readWorker';
import { createDispatcher } from './api/dispatch';
import { handlers } from './api/handlers';
import { SessionStore } from './services/accounts/sessions';
import { fillDemoCentre } from './cli/demoData';
import { countUsers } from './services/accounts/users';
import { ensureCalendarSeeded } from './services/catalogue/calendar';
import { createSecretStore, type SecretStore } from './secrets/secretStore';
import { createSyncEngine, type ProxyResolver } from './services/sync/engine';

export type { SessionSlot } from './context';

export interface Backend {
  db: Db;
  dispatch(slot: SessionSlot, method: string, input: unknown): Promise<ApiResult>;
  /** Pushed events for one client, filtered by that client's role at the moment of delivery. */
  subscribe(slot: SessionSlot, listener: (name: string, payload: unknown) => void): () => void;
  close(): void;
}

export interface BackendOptions {
  dataDir: string;
  /** Fill the demo centre when the database is new. */
  demo?: boolean;
  clock?: Clock;
  checkOutputs?: boolean;
  /** Electron passes one sealed with safeStorage; otherwise user-only files in the data folder. */
  secrets?: SecretStore;
  /** Electron passes the system proxy's answer for a URL; the web host honours HTTPS_PROXY/NO_PROXY. */
  resolveProxy?: ProxyResolver;
  /** False keeps the sync engine from ever starting (tests of other domains). Default: start it; it
   * makes no network call unless an admin switched sync on. */
  sync?: boolean;
}

export function createBackend(opts: BackendOptions): Backend {
  const db = openDatabase(opts.dataDir);
  const clock = opts.clock ?? systemClock;
  ensureCalendarSeeded(db);
  const secrets = opts.secrets ?? createSecretStore(opts.dataDir);
  if (opts.demo && countUsers(db) === 0) fillDemoCentre(db, clock.now(), secrets);
  const sessions = new SessionStore();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const emit = (name: EventName, payload: unknown) => bus.emit('event', name, payload);
  const reads = new ReadWorker(path.join(opts.dataDir, DB_FILE_NAME), db);
  const sync = createSyncEngine({
    db,
    clock,
    secrets,
    resolveProxy: opts.resolveProxy,
    changed: (topic) => emit('data.changed', { topic }),
  });
  if (opts.sync !== false) sync.start();
  const dispatch = createDispatcher({ db, clock, sessions, reads, secrets, sync, handlers, emit, checkOutputs: opts.checkOutputs });

  return {
    db,
    dispatch,
    subscribe(slot, listener) {
      const onEvent = (name: keyof typeof eventDefs, payload: unknown) => {
        const access = eventDefs[name].access;
        if (access !== 'public') {
          const st = sessions.state(slot.sessionId, clock.now(), Number.MAX_SAFE_INTEGER);
          if (st.kind !== 'active' && st.kind !== 'locked') return;
          if (!access.includes(st.session.role)) return;
        }
        listener(name, payload);
      };
      bus.on('event', onEvent);
      return () => bus.off('event', onEvent);
    },
    close() {
      sync.stop();
      bus.removeAllListeners();
      void reads.close();
      closeDatabase(db);
    },
  };
}

