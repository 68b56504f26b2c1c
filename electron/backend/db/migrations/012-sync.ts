import type { Migration } from './index';

/**
 * County sync (SPEC §7, docs/sync-protocol.md): the settings (the credential lives in the secret
 * store, never here), the engine's state, pull cursors, what came down (roster, other centres'
 * cards, revocations, dispatched requests), pulled records parked with their reason, and a short
 * activity log for the sync page. The outbox itself is from 001.
 */
export const m012Sync: Migration = {
  name: '012-sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL DEFAULT 0,
        endpoint TEXT NOT NULL DEFAULT '',
        centre_code TEXT NOT NULL DEFAULT '',
        -- a county CA certificate (PEM) trusted besides the system's roots
        ca_pem TEXT,
        updated_at INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO sync_config (id) VALUES (1);

      -- one row: what the engine knows, so it resumes from the database after a crash
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_success_at INTEGER,
        last_attempt_at INTEGER,
        last_error_code TEXT,
        last_error_detail TEXT,
        last_error_at INTEGER,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        county_name TEXT,
        centre_name TEXT,
        id_hash_key_id TEXT,
        -- the Shanghai day summaries start from: the day the engine first ran (sync first enabled)
        summaries_from TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE sync_cursors (
        stream TEXT PRIMARY KEY,
        cursor TEXT,
        records_applied INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- the last revision applied of each pulled record: a record delivered twice applies once
      CREATE TABLE sync_applied (
        stream TEXT NOT NULL,
        record_id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        applied_at INTEGER NOT NULL,
        PRIMARY KEY (stream, record_id)
      ) STRICT, WITHOUT ROWID;

      -- pulled records that failed validation or could not be applied; retried from the sync page
      CREATE TABLE sync_parked_down (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        stream TEXT NOT NULL,
        record_id TEXT,
        body TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        parked_at INTEGER NOT NULL,
        resolved_at INTEGER
      ) STRICT;

      CREATE TABLE sync_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('up', 'down', 'error')),
        stream TEXT,
        count INTEGER NOT NULL DEFAULT 0,
        detail TEXT
      ) STRICT;

      -- summaries generated for the county once each (daily figures, monthly attendance)
      CREATE TABLE sync_summaries (
        kind TEXT NOT NULL,
        period TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (kind, period)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE county_roster (
        record_id TEXT PRIMARY KEY,
        id_hash TEXT NOT NULL,
        household_size INTEGER NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX county_roster_hash ON county_roster(id_hash);

      CREATE TABLE county_other_cards (
        record_id TEXT PRIMARY KEY,
        id_hash TEXT NOT NULL,
        centre_code TEXT NOT NULL,
        centre_name TEXT NOT NULL,
        card_no TEXT NOT NULL,
        status TEXT NOT NULL
      ) STRICT;
      CREATE INDEX county_other_cards_hash ON county_other_cards(id_hash);

      CREATE TABLE county_revocations (
        card_no TEXT PRIMARY KEY,
        record_id TEXT NOT NULL,
        centre_code TEXT NOT NULL,
        revoked_at INTEGER NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;

      -- requests the county dispatched: the county owns these fields, the desk owns the request's handling
      CREATE TABLE county_dispatches (
        record_id TEXT PRIMARY KEY,
        ref TEXT NOT NULL,
        request_id TEXT NOT NULL UNIQUE REFERENCES requests(id),
        title TEXT NOT NULL,
        department TEXT,
        due_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('active', 'withdrawn')),
        dispatched_at INTEGER NOT NULL,
        rev INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX outbox_sent ON outbox(sent_at) WHERE sent_at IS NOT NULL;
      CREATE INDEX outbox_parked ON outbox(parked_at) WHERE parked_at IS NOT NULL;
    `);
  },
};
