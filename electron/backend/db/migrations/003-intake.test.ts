import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { m001Foundation } from './001-foundation';
import { m002ResidentSearch } from './002-resident-search';
import { m003Intake } from './003-intake';

function intakeDb() {
  const db = new Database(':memory:');
  for (const m of [m001Foundation, m002ResidentSearch, m003Intake]) m.up(db);
  db.exec(`
    INSERT INTO services (id, category, name, prefix, default_mode, time_limit_days, created_at, updated_at)
      VALUES ('s1', '民政', '户籍业务', 'A', 'immediate', 3, 1, 1);
    INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at)
      VALUES ('u1', 'qiantai', '李前台', 'desk', 'x', 1, 1);
  `);
  return db;
}

const ticket = (seq: number, status = 'waiting') =>
  `INSERT INTO tickets (id, day, service_id, issued_service_id, seq, number, class, source, status, issued_at, queued_at)
   VALUES ('t${seq}-${status}', '2026-11-23', 's1', 's1', ${seq}, 'A00${seq}', 'ordinary', 'kiosk', '${status}', 1, 1)`;

describe('migration 003-intake', () => {
  it('numbers tickets once per service per day and refuses unknown statuses and classes', () => {
    const db = intakeDb();
    db.exec(ticket(1));
    expect(() => db.exec(ticket(1, 'done'))).toThrow(/UNIQUE/);
    expect(() => db.exec(ticket(2, 'lost'))).toThrow(/CHECK/);
    expect(() => db.exec(ticket(3).replace("'ordinary'", "'vip'"))).toThrow(/CHECK/);
  });

  it('keeps the request step log append-only', () => {
    const db = intakeDb();
    db.exec(`
      INSERT INTO requests (id, number, service_id, channel, description, mode, status, received_at, received_day,
                            received_by, due_date, updated_at)
        VALUES ('r1', '20261123-0001', 's1', 'window', '咨询', 'immediate', 'received', 1, '2026-11-23', 'u1', '2026-11-26', 1);
      INSERT INTO request_steps (request_id, at, action, status, user_id, user_name) VALUES ('r1', 1, 'received', 'received', 'u1', '李前台');
    `);
    expect(() => db.exec(`UPDATE request_steps SET user_name = '别人'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM request_steps`)).toThrow(/append-only/);
    expect(() => db.exec(`UPDATE requests SET mode = 'magic' WHERE id = 'r1'`)).toThrow(/CHECK/);
  });
});
