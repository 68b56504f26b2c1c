import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('migrations 004 and 005: the request list indexes', () => {
  it('lets a status, service, channel or mode filter read newest first from an index', () => {
    const db = new Database(':memory:');
    for (const m of migrations) m.up(db);
    const plan = (where: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM requests WHERE ${where} ORDER BY number DESC LIMIT 50`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan("status = 'received'")).toMatch(/requests_status_number/);
    expect(plan("service_id = 's1'")).toMatch(/requests_service_number/);
    expect(plan("channel = 'county'")).toMatch(/requests_channel_number/);
    expect(plan("mode = 'escalated'")).toMatch(/requests_mode_number/);
    expect(plan("channel = 'county'")).not.toMatch(/TEMP B-TREE/);
  });
});
