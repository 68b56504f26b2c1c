import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract/errors';
import { newId } from '../../db/ids';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA, migrate } from '../../db/migrate';
import { closeDatabase, DB_FILE_NAME, openDatabase, type Db } from '../../db/open';
import { createBackup, inspectBackup, restoreBackup, swapIn } from './backup';
import { writeFailure } from './errors';
import { encodeStream } from './format';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-backup-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) {
    if (fs.existsSync(d)) fs.chmodSync(d, 0o700);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

function liveCentre(): { db: Db; dir: string } {
  const dir = tempDir();
  const db = openDatabase(dir);
  const insert = db.prepare(
    `INSERT INTO partners (id, name, address, contact_name, contact_phone, created_at, updated_at) VALUES (?, ?, '幸福路8号', '李经理', '13800138000', 1, 1)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 50; i++) insert.run(newId(), `商户${i}`);
  })();
  return { db, dir };
}

function tables(db: Db): Record<string, string[]> {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}"`).all().map((r) => JSON.stringify(r)).sort()]));
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.value.key;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('backup and restore', () => {
  it.each([undefined, 'correct horse 电池'])('round trip keeps every table equal (passphrase %s)', async (passphrase) => {
    const { db, dir } = liveCentre();
    const out = path.join(tempDir(), 'centre.lxbk');
    const manifest = await createBackup(db, dir, out, { passphrase, appVersion: '9.9.9' });
    expect(manifest.schemaVersion).toBe(LATEST_SCHEMA);
    expect(manifest.counts.partners).toBe(50);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    expect(fs.readdirSync(dir).some((f) => f.includes('.tmp.db'))).toBe(false);
    const before = tables(db);
    closeDatabase(db);
    const target = tempDir();
    const { keptAs } = await restoreBackup(target, out, passphrase);
    expect(keptAs).toBeNull();
    const restored = openDatabase(target);
    expect(tables(restored)).toEqual(before);
    closeDatabase(restored);
  }, 15_000);

  it('refuses a renamed, truncated, altered or wrongly unlocked file and leaves the live database untouched', async () => {
    const { db, dir } = liveCentre();
    const folder = tempDir();
    const plain = path.join(folder, 'plain.lxbk');
    const locked = path.join(folder, 'locked.lxbk');
    await createBackup(db, dir, plain, { appVersion: '1' });
    await createBackup(db, dir, locked, { appVersion: '1', passphrase: 'right' });
    closeDatabase(db);
    const liveBytes = fs.readFileSync(path.join(dir, DB_FILE_NAME));

    const renamed = path.join(folder, 'photo.lxbk');
    fs.writeFileSync(renamed, 'JPEG not a backup');
    expect(await refusal(restoreBackup(dir, renamed))).toBe('backup.error.notBackup');

    const whole = fs.readFileSync(plain);
    const truncated = path.join(folder, 'truncated.lxbk');
    fs.writeFileSync(truncated, whole.subarray(0, whole.length - 1000));
    expect(await refusal(restoreBackup(dir, truncated))).toBe('backup.error.truncated');

    const flipped = Buffer.from(whole);
    flipped[flipped.length - 500]! ^= 0x01;
    const altered = path.join(folder, 'altered.lxbk');
    fs.writeFileSync(altered, flipped);
    expect(await refusal(restoreBackup(dir, altered))).toBe('backup.error.checksum');

    expect(await refusal(restoreBackup(dir, locked, 'wrong'))).toBe('backup.error.wrongPassphrase');
    expect(await refusal(restoreBackup(dir, locked))).toBe('backup.error.needPassphrase');

    expect(fs.readFileSync(path.join(dir, DB_FILE_NAME)).equals(liveBytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('restoring') || f.includes('before-restore'))).toEqual([]);
  }, 15_000);

  it('a backup from an older version is brought up to this version on restore', async () => {
    const dir = tempDir();
    const old = new Database(path.join(dir, DB_FILE_NAME));
    old.pragma('journal_mode = WAL');
    migrate(old, LATEST_SCHEMA - 2);
    const out = path.join(tempDir(), 'old.lxbk');
    const manifest = await createBackup(old, dir, out, { appVersion: '0.0.1' });
    old.close();
    expect(manifest.schemaVersion).toBe(LATEST_SCHEMA - 2);
    const target = tempDir();
    await restoreBackup(target, out);
    const restored = openDatabase(target);
    expect(restored.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    closeDatabase(restored);
  });

  it('a backup claiming a newer schema is refused', async () => {
    const folder = tempDir();
    const dbFile = path.join(folder, 'x.db');
    fs.writeFileSync(dbFile, 'x');
    const manifest = { format: 1 as const, appVersion: '99', schemaVersion: LATEST_SCHEMA + 1, createdAt: 1, counts: {}, dbBytes: 1, sha256: 'x', encrypted: false };
    const file = path.join(folder, 'future.lxbk');
    await pipeline(Readable.from(encodeStream(manifest, dbFile)), fs.createWriteStream(file));
    expect(await refusal(inspectBackup(file))).toBe('backup.error.newer');
    expect(await refusal(restoreBackup(tempDir(), file))).toBe('backup.error.newer');
  });

  it('an encrypted backup that was cut short or altered is refused; a missing file is named as such', async () => {
    const { db, dir } = liveCentre();
    const folder = tempDir();
    const locked = path.join(folder, 'locked.lxbk');
    await createBackup(db, dir, locked, { appVersion: '1', passphrase: 'right horse' });
    closeDatabase(db);
    const whole = fs.readFileSync(locked);
    const cut = path.join(folder, 'cut.lxbk');
    fs.writeFileSync(cut, whole.subarray(0, whole.length - 10));
    expect(await refusal(restoreBackup(dir, cut, 'right horse'))).toBe('backup.error.truncated');
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 300]! ^= 0x80;
    const altered = path.join(folder, 'altered.lxbk');
    fs.writeFileSync(altered, flipped);
    expect(await refusal(restoreBackup(dir, altered, 'right horse'))).toBe('backup.error.checksum');
    expect(await refusal(inspectBackup(path.join(folder, 'nowhere.lxbk')))).toBe('backup.error.fileMissing');
    expect((await inspectBackup(locked, 'right horse')).counts.partners).toBe(50);
    expect(fs.readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  }, 15_000);

  it('if the restored database cannot be put in place, the old one is put back', () => {
    const dir = tempDir();
    const live = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(live, 'the live database');
    fs.writeFileSync(`${live}-wal`, 'its wal');
    expect(() => swapIn(live, path.join(dir, 'vanished.restoring'), 5)).toThrow();
    expect(fs.readFileSync(live, 'utf8')).toBe('the live database');
    expect(fs.readFileSync(`${live}-wal`, 'utf8')).toBe('its wal');
    expect(fs.readdirSync(dir).sort()).toEqual([DB_FILE_NAME, `${DB_FILE_NAME}-wal`]);
  });

  it('restoring over a centre keeps the old database beside it', async () => {
    const { db, dir } = liveCentre();
    const out = path.join(tempDir(), 'centre.lxbk');
    await createBackup(db, dir, out, { appVersion: '1' });
    db.prepare('DELETE FROM partners').run();
    closeDatabase(db);
    const { keptAs } = await restoreBackup(dir, out, undefined, { now: 1234 });
    expect(keptAs).toBe(path.join(dir, `${DB_FILE_NAME}.before-restore-1234`));
    const restored = openDatabase(dir);
    expect(restored.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(50);
    closeDatabase(restored);
  });

  it('a read-only target folder is refused plainly and leaves no partial file', async () => {
    const { db, dir } = liveCentre();
    // root ignores folder permissions: use /sys, mounted read-only for it.
    const folder = process.getuid?.() === 0 ? '/sys' : tempDir();
    if (folder !== '/sys') fs.chmodSync(folder, 0o500);
    const before = fs.readdirSync(folder);
    expect(await refusal(createBackup(db, dir, path.join(folder, 'c.lxbk'), { appVersion: '1' }))).toBe('backup.error.readOnly');
    expect(fs.readdirSync(folder)).toEqual(before);
    expect(fs.readdirSync(dir).some((f) => f.includes('.tmp.db'))).toBe(false);
    closeDatabase(db);
  });

  it('file-system failures map to plain reasons', () => {
    const err = (code: string) => writeFailure(Object.assign(new Error(code), { code })).value.key;
    expect(err('ENOSPC')).toBe('backup.error.noSpace');
    expect(err('EROFS')).toBe('backup.error.readOnly');
    expect(err('EIO')).toBe('backup.error.gone');
    expect(err('ENOENT')).toBe('backup.error.gone');
  });
});

describe('command line', () => {
  it('backs up and restores through npm run backup / restore (tsx), refusing a non-backup file with exit 1', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const { db, dir } = liveCentre();
    closeDatabase(db);
    const folder = tempDir();
    const pass = path.join(folder, 'pass');
    fs.writeFileSync(pass, 'pw\n');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const out = path.join(folder, 'c.lxbk');
    execFileSync(tsx, ['electron/backend/cli/backup.ts', '--data-dir', dir, '--out', out, '--passphrase-file', pass]);
    const target = path.join(folder, 'restored');
    execFileSync(tsx, ['electron/backend/cli/restore.ts', '--data-dir', target, '--from', out, '--passphrase-file', pass]);
    const restored = openDatabase(target);
    expect(restored.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(50);
    closeDatabase(restored);
    const renamed = path.join(folder, 'photo.lxbk');
    fs.writeFileSync(renamed, 'JPEG');
    const refused = spawnSync(tsx, ['electron/backend/cli/restore.ts', '--data-dir', target, '--from', renamed], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('不是连心前台的备份文件');
  }, 20_000);
});
