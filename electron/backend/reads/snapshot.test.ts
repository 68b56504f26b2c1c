import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase, type Db } from '../db/open';
import { snapshotRunner } from './snapshot';

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

  it('gives one task one snapshot: a write committed half-way through is not half seen', async () => {
    open();
    const run = snapshotRunner(ro);
    const seen = await run(() => {
      const before = count();
      write('a'); // the desk commits while the figures are being read
      return [before, count()];
    });
    expect(seen).toEqual([0, 0]);
    // The next task sees it.
    expect(await run(() => count())).toBe(1);
  });

  it('runs overlapping async tasks one after another, each in its own snapshot', async () => {
    open();
    const run = snapshotRunner(ro);
    const slow = run(async () => {
      const a = count();
      await new Promise((r) => setTimeout(r, 20));
      write('b');
      return [a, count()];
    });
    const next = run(() => count());
    const failing = run(() => {
      throw new Error('boom');
    });
    expect(await slow).toEqual([0, 0]);
    expect(await next).toBe(1);
    await expect(failing).rejects.toThrow('boom');
    expect(ro.inTransaction).toBe(false);
    expect(await run(() => count())).toBe(1);
  });
});
