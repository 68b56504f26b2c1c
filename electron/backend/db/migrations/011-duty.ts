import type { Migration } from './index';

/**
 * Check-in and check-out at the station (SPEC §6.4–6.5): the PIN lockout and the badge version on
 * staff, and one row per stretch of presence. A session is 'open' until its check-out, or
 * 'missed_out' when it was left open past its end (the next check-in or the day's close marks it).
 */
export const m011Duty: Migration = {
  name: '011-duty',
  up(db) {
    db.exec(`
      ALTER TABLE staff ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE staff ADD COLUMN pin_locked_until INTEGER;
      -- a reissued badge bumps this; the old badge's QR no longer matches
      ALTER TABLE staff ADD COLUMN badge_version INTEGER NOT NULL DEFAULT 1;

      CREATE TABLE duty_sessions (
        id TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        station_id TEXT NOT NULL REFERENCES stations(id),
        day TEXT NOT NULL,
        -- the planned shift it was checked in for; NULL = unscheduled presence
        assignment_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'missed_out')),
        in_at INTEGER NOT NULL,
        in_method TEXT NOT NULL CHECK (in_method IN ('pin', 'badge')),
        out_at INTEGER,
        out_method TEXT CHECK (out_method IN ('pin', 'badge')),
        late_minutes INTEGER NOT NULL DEFAULT 0,
        early_minutes INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX duty_sessions_open ON duty_sessions(staff_id) WHERE status = 'open';
      CREATE INDEX duty_sessions_day ON duty_sessions(day, station_id);
      CREATE INDEX duty_sessions_staff_day ON duty_sessions(staff_id, day);
      CREATE INDEX duty_sessions_assignment ON duty_sessions(assignment_id);
    `);
  },
};
