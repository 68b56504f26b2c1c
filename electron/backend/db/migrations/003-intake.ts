import type { Migration } from './index';

/**
 * Walk-in intake (SPEC §3): tickets and counters, requests with their step log, daily queue
 * summaries. Days are Shanghai calendar dates as YYYY-MM-DD text so that figures group by day with
 * an index and no time-zone arithmetic in SQL.
 */
export const m003Intake: Migration = {
  name: '003-intake',
  up(db) {
    db.exec(`
      CREATE TABLE counters (
        number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
        status TEXT NOT NULL CHECK (status IN ('closed', 'open', 'paused')),
        user_id TEXT REFERENCES users(id),
        staff_name TEXT,
        current_ticket_id TEXT,
        -- appointment/priority calls in a row since the last ordinary one (the interleave rule)
        priority_streak INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        service_id TEXT NOT NULL REFERENCES services(id),
        -- the service the number was issued for: a transfer changes service_id, not the number
        issued_service_id TEXT NOT NULL REFERENCES services(id),
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        class TEXT NOT NULL CHECK (class IN ('appointment', 'priority', 'ordinary')),
        priority_reason TEXT CHECK (priority_reason IN ('elderly', 'disabled', 'pregnant', 'veteran')),
        source TEXT NOT NULL CHECK (source IN ('kiosk', 'desk', 'appointment')),
        resident_id TEXT REFERENCES residents(id),
        appointment_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'noshow', 'unserved')),
        counter INTEGER,
        target_counter INTEGER,
        issued_at INTEGER NOT NULL,
        -- the place in its class: issue time, or the time it came back after a no-show
        queued_at INTEGER NOT NULL,
        first_called_at INTEGER,
        called_at INTEGER,
        call_count INTEGER NOT NULL DEFAULT 0,
        finished_at INTEGER,
        served_by TEXT REFERENCES users(id),
        returned INTEGER NOT NULL DEFAULT 0,
        request_id TEXT,
        UNIQUE (day, issued_service_id, seq)
      ) STRICT;
      CREATE INDEX tickets_waiting ON tickets(day, status, class, queued_at);
      CREATE INDEX tickets_day ON tickets(day);

      -- every call, recall, no-show, return, transfer: the display's "last calls" and the history
      CREATE TABLE ticket_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        day TEXT NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('issued', 'called', 'recalled', 'finished', 'noshow', 'returned', 'transferred', 'unserved')),
        counter INTEGER,
        user_id TEXT,
        detail TEXT
      ) STRICT;
      CREATE INDEX ticket_events_day ON ticket_events(day, kind);
      CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);

      CREATE TABLE queue_days (
        day TEXT PRIMARY KEY,
        issued INTEGER NOT NULL,
        served INTEGER NOT NULL,
        no_shows INTEGER NOT NULL,
        unserved INTEGER NOT NULL,
        closed_at INTEGER NOT NULL,
        closed_by TEXT
      ) STRICT;

      CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        resident_id TEXT REFERENCES residents(id),
        -- the resident's grid when the request was received (figures by grid stay as they were)
        grid_id TEXT REFERENCES grid_nodes(id),
        ticket_id TEXT REFERENCES tickets(id),
        counter INTEGER,
        station_id TEXT REFERENCES stations(id),
        service_id TEXT NOT NULL REFERENCES services(id),
        channel TEXT NOT NULL CHECK (channel IN ('window', 'phone', 'grid', 'station', 'county')),
        description TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('immediate', 'onsite', 'homevisit', 'assigned', 'escalated')),
        assignee_staff_id TEXT REFERENCES staff(id),
        visit_address TEXT,
        department TEXT,
        origin_ref TEXT,
        status TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'in_progress', 'resolved', 'closed', 'void')),
        received_at INTEGER NOT NULL,
        received_day TEXT NOT NULL,
        received_by TEXT NOT NULL REFERENCES users(id),
        due_date TEXT NOT NULL,
        resolved_at INTEGER,
        resolved_day TEXT,
        resolution TEXT,
        satisfaction TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
        feedback_note TEXT,
        feedback_at INTEGER,
        closed_at INTEGER,
        reopen_count INTEGER NOT NULL DEFAULT 0,
        void_reason TEXT,
        voided_at INTEGER,
        home_visit_id TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX requests_received_day ON requests(received_day, status);
      CREATE INDEX requests_open_due ON requests(due_date) WHERE status IN ('received', 'assigned', 'in_progress');
      CREATE INDEX requests_assignee ON requests(assignee_staff_id) WHERE status IN ('received', 'assigned', 'in_progress');
      CREATE INDEX requests_resident ON requests(resident_id);
      CREATE INDEX requests_ticket ON requests(ticket_id);

      CREATE TABLE request_steps (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests(id),
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        status TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX request_steps_request ON request_steps(request_id, seq);
      CREATE TRIGGER request_steps_no_update BEFORE UPDATE ON request_steps
        BEGIN SELECT RAISE(ABORT, 'request_steps is append-only'); END;
      CREATE TRIGGER request_steps_no_delete BEFORE DELETE ON request_steps
        BEGIN SELECT RAISE(ABORT, 'request_steps is append-only'); END;
    `);
  },
};
