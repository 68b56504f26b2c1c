import type { Migration } from './index';

/**
 * The foundation: settings, accounts, the append-only audit log, the sync outbox, the grid tree,
 * residents, staff, the service catalogue, stations and the holiday calendar.
 * Times are UTC epoch milliseconds; ids are UUIDv7 text; lists kept as JSON text.
 */
export const m001Foundation: Migration = {
  name: '001-foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT,
        roles TEXT NOT NULL DEFAULT '[]',
        station_ids TEXT NOT NULL DEFAULT '[]',
        pin_hash TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'desk', 'duty', 'partner')),
        password_hash TEXT NOT NULL,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        disabled INTEGER NOT NULL DEFAULT 0,
        staff_id TEXT REFERENCES staff(id),
        last_login_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at INTEGER NOT NULL,
        user_id TEXT,
        username TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_log_action ON audit_log(action, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        stream TEXT NOT NULL,
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error TEXT,
        parked_at INTEGER,
        sent_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox(seq) WHERE sent_at IS NULL AND parked_at IS NULL;

      CREATE TABLE grid_nodes (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES grid_nodes(id),
        kind TEXT NOT NULL CHECK (kind IN ('area', 'grid', 'building')),
        name TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        removed_at INTEGER
      ) STRICT;
      CREATE INDEX grid_nodes_parent ON grid_nodes(parent_id);

      CREATE TABLE residents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL,
        name_initials TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
        birth_date TEXT,
        id_number TEXT,
        phone TEXT,
        building_id TEXT REFERENCES grid_nodes(id),
        unit TEXT,
        room TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        notes TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        voided_at INTEGER,
        void_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX residents_id_number ON residents(id_number)
        WHERE id_number IS NOT NULL AND voided_at IS NULL;
      CREATE INDEX residents_initials ON residents(name_initials);
      CREATE INDEX residents_pinyin ON residents(name_pinyin);
      CREATE INDEX residents_name ON residents(name);
      CREATE INDEX residents_phone ON residents(phone);
      CREATE INDEX residents_building ON residents(building_id);

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        category TEXT NOT NULL,
        name TEXT NOT NULL,
        prefix TEXT NOT NULL,
        default_mode TEXT NOT NULL,
        time_limit_days INTEGER NOT NULL,
        counters TEXT NOT NULL DEFAULT '[]',
        station_ids TEXT NOT NULL DEFAULT '[]',
        needs_appointment INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX services_prefix ON services(prefix) WHERE active = 1;

      CREATE TABLE stations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        hours TEXT NOT NULL,
        closed_dates TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE calendar_days (
        date TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name TEXT NOT NULL,
        source TEXT NOT NULL
      ) STRICT;
    `);
  },
};
