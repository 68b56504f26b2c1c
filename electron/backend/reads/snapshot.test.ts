import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase, type Db } from '../db/open';
import { inSnapshot } from './snapshot';

describe('read snapshots on the worker connection', () => {
  let main: Db;
  let ro: Db;
  afterEach(() => {
    ro.close();
    main.close();
  });

  function open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-snap-'));
    main = openDatabase(dir);
    ro = new Database(path.join(dir, DB_FILE_NAME), { readonly: true, fileMustExist: true });
  }
  const count = () => (ro.prepare("SELECT count(*) n FROM settings WHERE key LIKE 'snap.%'").get() as { n: number }).n;
  const write = (key: string) => main.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(`snap.${key}`, '1');

  it('gives one task one snapshot: a write committed half-way through is not half seen', () => {
    open();
    const seen = inSnapshot(ro, () => {
      const before = count();
      write('a'); // the desk commits while the figures are being read
      return [before, count()];
    });
    expect(seen).toEqual([0, 0]);
    expect(ro.inTransaction).toBe(false);
    // The next task sees it.
    expect(inSnapshot(ro, () => count())).toBe(1);
  });

  it('ends the snapshot when the task returns or throws, so an async task does not hold the next one', async () => {
    open();
    const workbook = inSnapshot(ro, () => {
      const rows = count();
      return (async () => {
        await new Promise((r) => setTimeout(r, 20));
        return rows;
      })();
    });
    expect(ro.inTransaction).toBe(false);
    write('b');
    expect(inSnapshot(ro, () => count())).toBe(1);
    expect(await workbook).toBe(0);
    expect(() =>
      inSnapshot(ro, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ro.inTransaction).toBe(false);
  });
});
