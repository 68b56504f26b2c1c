import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { events as eventDefs, type ApiResult, type EventName } from '../../shared/contract';
import { systemClock, type Clock, type SessionSlot, type SessionUser } from './context';
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
import { BackupService } from './services/backup/service';
import { inspectBackup, LOCK_FILE, restoreBackup, type Manifest } from './services/backup/backup';
import { writeAudit } from './services/audit/audit';
import { APP_VERSION } from './version';

export type { SessionSlot } from './context';

export interface Backend {
  /** The open database (a new one after a restore). */
  readonly db: Db;
  dispatch(slot: SessionSlot, method: string, input: unknown): Promise<ApiResult>;
  /** Pushed events for one client, filtered by that client's role at the moment of delivery. */
  subscribe(slot: SessionSlot, listener: (name: string, payload: unknown) => void): () => void;
  /** Quitting: lets a backup under way finish, makes the on-quit backup when due, then closes. */
  shutdown(): Promise<void>;
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
  /** The app's own hosts turn on the daily automatic backup; tests leave it off. */
  autoBackup?: boolean;
}

/** What handlers reach for backups: the service, and restore (which swaps the whole database). */
export interface BackupControl {
  service: BackupService;
  restore(file: string, passphrase: string | undefined, by: Pick<SessionUser, 'userId' | 'username'> | null): Promise<Manifest>;
}

/** Everything that hangs on one open database; a restore closes it and opens another. */
interface Core {
  db: Db;
  dispatch: Backend['dispatch'];
  /** Resolves once the read worker's thread has let go of the file too (Windows cannot rename an open file). */
  close(): Promise<void>;
}

export function createBackend(opts: BackendOptions): Backend {
  const clock = opts.clock ?? systemClock;
  const secrets = opts.secrets ?? createSecretStore(opts.dataDir);
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const emit = (name: EventName, payload: unknown) => bus.emit('event', name, payload);
  const liveFile = path.join(opts.dataDir, DB_FILE_NAME);

  const backups: BackupControl = {
    service: new BackupService({
      dataDir: opts.dataDir,
      db: () => core.db,
      now: () => clock.now(),
      appVersion: APP_VERSION,
      make: async (job) => {
        const worker = new ReadWorker(liveFile, core.db);
        try {
          return await worker.run('backup.make', job, clock.now());
        } finally {
          await worker.close();
        }
      },
      changed: () => emit('data.changed', { topic: 'backup' }),
    }),
    async restore(file, passphrase, by) {
      await inspectBackup(file, passphrase); // a wrong file or passphrase is refused before anything closes
      // in the backups' queue: no backup starts on a closed database, and two restores never overlap
      return backups.service.oneAtATime(async () => {
        let release!: () => void;
        restoring = new Promise((r) => (release = r));
        try {
          await core.close();
          let manifest: Manifest | null = null;
          try {
            ({ manifest } = await restoreBackup(opts.dataDir, file, passphrase, { now: clock.now() }));
          } finally {
            // restored: everyone signs in again (the accounts may differ); refused: nothing changed, sessions go on
            if (manifest) sessions = new SessionStore();
            core = openCore();
          }
          const { createdAt, appVersion } = manifest;
          core.db.transaction(() =>
            writeAudit(core.db, by, clock.now(), { action: 'backup.restore', targetType: 'backup', targetId: path.basename(file), detail: { createdAt, appVersion } }),
          )();
          emit('data.changed', { topic: 'backup' });
          return manifest;
        } finally {
          restoring = null;
          release();
        }
      });
    },
  };

  function openCore(): Core {
    const db = openDatabase(opts.dataDir);
    ensureCalendarSeeded(db);
    if (opts.demo && countUsers(db) === 0) fillDemoCentre(db, clock.now(), secrets);
    const reads = new ReadWorker(liveFile, db);
    const sync = createSyncEngine({ db, clock, secrets, resolveProxy: opts.resolveProxy, changed: (topic) => emit('data.changed', { topic }) });
    if (opts.sync !== false) sync.start();
    const dispatch = createDispatcher({ db, clock, sessions, reads, secrets, sync, backups, handlers, emit, checkOutputs: opts.checkOutputs });
    return {
      db,
      dispatch,
      close() {
        sync.stop();
        closeDatabase(db);
        return reads.close();
      },
    };
  }

  let restoring: Promise<void> | null = null;
  let sessions = new SessionStore();
  let core = openCore();
  fs.writeFileSync(path.join(opts.dataDir, LOCK_FILE), String(process.pid));
  if (opts.autoBackup) backups.service.start();

  const close = () => {
    backups.service.stop();
    bus.removeAllListeners();
    void core.close();
    fs.rmSync(path.join(opts.dataDir, LOCK_FILE), { force: true });
  };

  return {
    get db() {
      return core.db;
    },
    async dispatch(slot, method, input) {
      while (restoring) await restoring;
      return core.dispatch(slot, method, input);
    },
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
    async shutdown() {
      backups.service.stop();
      if (opts.autoBackup) await backups.service.onQuit();
      else await backups.service.idle();
      close();
    },
    close,
  };
}
