import type { Migration } from './index';

/**
 * Station appointments (SPEC §5): what each station offers by appointment (slot length, capacity),
 * the bookings with their history, and home visits (上门办) on a staff member's day plan.
 * A slot is (station, service, day, start minute); minutes are local (Asia/Shanghai) since midnight.
 */
export const m009Appointments: Migration = {
  name: '009-appointments',
  up(db) {
    db.exec(`
      CREATE TABLE station_services (
        id TEXT PRIMARY KEY,
        station_id TEXT NOT NULL REFERENCES stations(id),
        service_id TEXT NOT NULL REFERENCES services(id),
        slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 480),
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        -- hours narrower than the station's, the shape of stations.hours; NULL = the station's hours
        hours TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (station_id, service_id)
      ) STRICT;

      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        -- printed on the slip and read out on the phone
        number TEXT NOT NULL UNIQUE,
        station_service_id TEXT NOT NULL REFERENCES station_services(id),
        station_id TEXT NOT NULL REFERENCES stations(id),
        service_id TEXT NOT NULL REFERENCES services(id),
        resident_id TEXT NOT NULL REFERENCES residents(id),
        day TEXT NOT NULL,
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
        status TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'completed', 'no_show', 'cancelled', 'rescheduled')),
        note TEXT,
        outcome TEXT,
        cancel_reason TEXT,
        rescheduled_from TEXT REFERENCES appointments(id),
        rescheduled_to TEXT REFERENCES appointments(id),
        ticket_id TEXT REFERENCES tickets(id),
        reminded_at INTEGER,
        reminded_by TEXT REFERENCES users(id),
        booked_by TEXT NOT NULL REFERENCES users(id),
        booked_at INTEGER NOT NULL,
        checked_in_at INTEGER,
        finished_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      -- capacity per slot, the day view and the week view read this index alone
      CREATE INDEX appointments_station_day ON appointments(station_id, day, service_id, start_minute, status);
      CREATE INDEX appointments_resident_day ON appointments(resident_id, day, status);
      CREATE INDEX appointments_day_status ON appointments(day, status);

      CREATE TABLE appointment_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        appointment_id TEXT NOT NULL REFERENCES appointments(id),
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        status TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX appointment_events_appointment ON appointment_events(appointment_id, seq);
      CREATE TRIGGER appointment_events_no_update BEFORE UPDATE ON appointment_events
        BEGIN SELECT RAISE(ABORT, 'appointment_events is append-only'); END;
      CREATE TRIGGER appointment_events_no_delete BEFORE DELETE ON appointment_events
        BEGIN SELECT RAISE(ABORT, 'appointment_events is append-only'); END;

      CREATE TABLE home_visits (
        id TEXT PRIMARY KEY,
        -- the 上门办 request it was planned from; NULL when planned directly
        request_id TEXT REFERENCES requests(id),
        resident_id TEXT REFERENCES residents(id),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        day TEXT NOT NULL,
        start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 10 AND 480),
        address TEXT NOT NULL,
        purpose TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('planned', 'completed', 'cancelled')),
        outcome TEXT,
        cancel_reason TEXT,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        completed_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX home_visits_staff_day ON home_visits(staff_id, day, start_minute);
      CREATE INDEX home_visits_day ON home_visits(day, status);
      CREATE INDEX home_visits_request ON home_visits(request_id);
    `);
  },
};
