import type { ConnectionTest, Topic } from '../../../../shared/contract';
import type { Clock } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';

/** Electron's session.resolveProxy answer for a URL ("PROXY host:port; DIRECT"), or null for direct. */
export type ProxyResolver = (url: string) => Promise<string | null>;

/** What handlers may do with the engine. None of it waits on the county. */
export interface SyncControl {
  /** Wake the engine to push and pull now (returns at once). */
  kick(): void;
  /** Settings changed: start, restart or stop the loop. */
  reconfigure(): void;
  /** Try the given settings against the county (network, with a timeout); nothing saved. */
  test(cfg: { endpoint: string; centreCode: string; credential: string }): Promise<ConnectionTest>;
  running(): boolean;
}

export interface SyncEngine extends SyncControl {
  start(): void;
  stop(): void;
}

export interface SyncEngineDeps {
  db: Db;
  clock: Clock;
  secrets: SecretStore;
  resolveProxy?: ProxyResolver;
  /** Data under a topic changed: 'sync' for the badge and the sync page; 'requests', 'calendar',
   * 'cards' when pulled records were applied. */
  changed(topic: Topic): void;
}

// TODO(issue 7, engine helper): the real engine — this placeholder does nothing.
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  void deps;
  return {
    start() {},
    stop() {},
    kick() {},
    reconfigure() {},
    test: () => Promise.resolve({ ok: false, error: 'not_configured', detail: null }),
    running: () => false,
  };
}
