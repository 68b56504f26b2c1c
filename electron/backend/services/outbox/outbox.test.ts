import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { enqueueOutbox, pendingOutboxCount } from './outbox';

describe('outbox', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-outbox-'));
  const db = openDatabase(dir);
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an entry only if the change it belongs to commits', () => {
    db.transaction(() => enqueueOutbox(db, 1, { stream: 'requests', kind: 'created', recordId: 'r1', payload: { a: 1 } }))();
    expect(() =>
      db.transaction(() => {
        enqueueOutbox(db, 2, { stream: 'requests', kind: 'created', recordId: 'r2', payload: {} });
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(pendingOutboxCount(db)).toBe(1);
    const row = db.prepare('SELECT record_id, payload FROM outbox').get();
    expect(row).toEqual({ record_id: 'r1', payload: '{"a":1}' });
  });
});
