import type { Migration } from './index';

/**
 * The duty rota (SPEC §6.1–6.3): shifts per station with a minimum staffing, templates that repeat or
 * rotate, the weekly plan (one row per person per shift per day), its publication, and swaps with
 * their history.
 */
export const m010Rota: Migration = {
  name: '010-rota',
  up(db) {
    db.exec(`
      CREATE TABLE shifts (
        id TEXT PRIMARY KEY,
        station_id TEXT NOT NULL REFERENCES stations(id),
        name TEXT NOT NULL,
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
        min_staff INTEGER NOT NULL CHECK (min_staff BETWEEN 0 AND 50),
        -- ISO weekdays (1 = Monday) the shift runs on, JSON
        weekdays TEXT NOT NULL DEFAULT '[1,2,3,4,5,6,7]',
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX shifts_station ON shifts(station_id, start_minute);

      -- cells: [{ weekday, shiftId, positions: [index into members] }]. Week n after anchor_week, a
      -- rotating template moves every position n steps along members; a repeating one does not.
      CREATE TABLE rota_templates (
        id TEXT PRIMARY KEY,
        station_id TEXT NOT NULL REFERENCES stations(id),
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('repeat', 'rotate')),
        anchor_week TEXT NOT NULL,
        members TEXT NOT NULL DEFAULT '[]',
        cells TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- week = its Monday (YYYY-MM-DD); a week without a row is an empty draft
      CREATE TABLE rota_weeks (
        week TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        published_at INTEGER,
        published_by TEXT REFERENCES users(id),
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- the shift's times are copied at planning, so a later change to the shift leaves the past as it was
      CREATE TABLE rota_assignments (
        id TEXT PRIMARY KEY,
        week TEXT NOT NULL,
        day TEXT NOT NULL,
        shift_id TEXT NOT NULL REFERENCES shifts(id),
        station_id TEXT NOT NULL REFERENCES stations(id),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        start_minute INTEGER NOT NULL,
        end_minute INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('template', 'manual', 'swap')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (day, shift_id, staff_id)
      ) STRICT;
      CREATE INDEX rota_assignments_week ON rota_assignments(week, station_id);
      CREATE INDEX rota_assignments_staff_day ON rota_assignments(staff_id, day);
      CREATE INDEX rota_assignments_station_day ON rota_assignments(station_id, day, start_minute);

      CREATE TABLE rota_swaps (
        id TEXT PRIMARY KEY,
        assignment_id TEXT NOT NULL REFERENCES rota_assignments(id),
        from_staff_id TEXT NOT NULL REFERENCES staff(id),
        to_staff_id TEXT NOT NULL REFERENCES staff(id),
        -- an exchange: the other's shift the asker takes in return; NULL = a plain cover
        return_assignment_id TEXT REFERENCES rota_assignments(id),
        reason TEXT,
        status TEXT NOT NULL CHECK (status IN ('asked', 'accepted', 'approved', 'declined', 'rejected', 'withdrawn')),
        asked_at INTEGER NOT NULL,
        accepted_at INTEGER,
        decided_at INTEGER,
        decided_by TEXT REFERENCES users(id),
        decision_note TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX rota_swaps_status ON rota_swaps(status, asked_at);
      CREATE INDEX rota_swaps_assignment ON rota_swaps(assignment_id);

      CREATE TABLE rota_swap_steps (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        swap_id TEXT NOT NULL REFERENCES rota_swaps(id),
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        status TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX rota_swap_steps_swap ON rota_swap_steps(swap_id, seq);
      CREATE TRIGGER rota_swap_steps_no_update BEFORE UPDATE ON rota_swap_steps
        BEGIN SELECT RAISE(ABORT, 'rota_swap_steps is append-only'); END;
      CREATE TRIGGER rota_swap_steps_no_delete BEFORE DELETE ON rota_swap_steps
        BEGIN SELECT RAISE(ABORT, 'rota_swap_steps is append-only'); END;
    `);
  },
};
