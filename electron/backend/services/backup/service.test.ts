import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../app';
import { DB_FILE_NAME } from '../../db/open';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';
import { dataDirInUse, LOCK_FILE } from './backup';
import { retention } from './retention';
import { BackupService } from './service';
import { makeBackupFile, type MakeJob } from './make';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-backup-svc-'));
  cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}
async function centre(): Promise<TestBackend> {
  const t = await makeTestBackend();
  cleanup.push(() => t.close());
  return t;
}
const residents = (t: TestBackend) => t.backend.db.prepare('SELECT count(*) FROM residents').pluck().get() as number;
const addResident = (t: TestBackend, name: string) => t.ok(t.admin, 'residents.create', { name, gender: 'F', birthDate: '1950-03-02' });

describe('backups through the contract', () => {
  it('backs up now to a folder with a passphrase (admin only), restores it, and everyone signs in again', async () => {
    const t = await centre();
    await addResident(t, '王秀英');
    const folder = tempDir();
    const desk = await t.loginAs('desk');
    expect(await t.backend.dispatch(desk, 'backup.now', { folder, passphrase: 'long enough' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.backend.dispatch(t.admin, 'backup.now', { folder, passphrase: 'short' })).toMatchObject({ ok: false, error: { key: 'backup.passphrase.short', field: 'passphrase' } });
    expect(await t.backend.dispatch(t.admin, 'backup.now', { folder: path.join(folder, 'nope'), passphrase: 'long enough' })).toMatchObject({ ok: false, error: { key: 'backup.error.folderMissing' } });

    const made = await t.ok(t.admin, 'backup.now', { folder, passphrase: 'long enough' });
    expect(path.dirname(made.file)).toBe(folder);
    expect(made.summary).toMatchObject({ residents: 1, encrypted: true, users: 2 });
    const status = await t.ok(t.admin, 'backup.status', {});
    expect(status.lastGood).toMatchObject({ where: 'export', file: made.file });
    expect(t.backend.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'backup.export'`).pluck().get()).toBe(1);

    await addResident(t, '李大爷');
    const look = await t.ok(t.admin, 'backup.inspect', { file: made.file, passphrase: 'long enough' });
    expect([look.summary.residents, look.current?.residents]).toEqual([1, 2]);
    expect(await t.backend.dispatch(t.admin, 'backup.inspect', { file: made.file, passphrase: 'not it at all' })).toMatchObject({ ok: false, error: { key: 'backup.error.wrongPassphrase' } });
    expect(await t.backend.dispatch(t.admin, 'backup.restore', { file: made.file, passphrase: 'long enough' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'confirm' } });

    const restored = await t.ok(t.admin, 'backup.restore', { file: made.file, passphrase: 'long enough', confirm: true });
    expect(restored.summary.residents).toBe(1);
    expect(residents(t)).toBe(1);
    // sessions ended with the old database; the restored accounts work
    expect(await t.backend.dispatch(t.admin, 'backup.status', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await t.ok(t.admin, 'session.login', { username: 'admin', password: PASSWORD });
    expect(t.backend.db.prepare(`SELECT username FROM audit_log WHERE action = 'backup.restore'`).pluck().all()).toEqual(['admin']);
    expect(fs.readdirSync(t.dir).filter((f) => f.startsWith(`${DB_FILE_NAME}.before-restore-`))).toHaveLength(1);
  }, 60_000);

  it('a damaged backup is refused and the centre carries on with its own data', async () => {
    const t = await centre();
    await addResident(t, '王秀英');
    const folder = tempDir();
    const made = await t.ok(t.admin, 'backup.now', { folder, passphrase: 'long enough' });
    const bytes = fs.readFileSync(made.file);
    bytes[bytes.length - 100]! ^= 0xff;
    fs.writeFileSync(made.file, bytes);
    expect(await t.backend.dispatch(t.admin, 'backup.restore', { file: made.file, passphrase: 'long enough', confirm: true })).toMatchObject({ ok: false, error: { key: 'backup.error.checksum' } });
    expect(residents(t)).toBe(1);
    await addResident(t, '李大爷'); // still signed in, still writing
    expect(residents(t)).toBe(2);
  }, 60_000);

  it('the backup check finds an audit row edited outside the app; the backup still counts and says so', async () => {
    const t = await centre();
    const folder = tempDir();
    expect((await t.ok(t.admin, 'backup.now', { folder, passphrase: 'long enough' })).summary).toBeDefined();
    expect((await t.ok(t.admin, 'backup.status', {})).lastGood?.auditChainOk).toBe(true);
    const db = t.backend.db;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET username = 'someone else' WHERE seq = (SELECT min(seq) FROM audit_log)`).run();
    await t.ok(t.admin, 'backup.now', { folder, passphrase: 'long enough' });
    expect((await t.ok(t.admin, 'backup.status', {})).lastGood).toMatchObject({ where: 'export', auditChainOk: false });
  }, 60_000);

  it('first run on a new PC restores from a backup; afterwards the first-run calls are closed', async () => {
    const t = await centre();
    await addResident(t, '王秀英');
    const made = await t.ok(t.admin, 'backup.now', { folder: tempDir(), passphrase: 'long enough' });
    const dir = tempDir();
    const fresh = createBackend({ dataDir: dir, checkOutputs: true, sync: false });
    cleanup.unshift(() => fresh.close());
    const anyone = { sessionId: null };
    expect(await fresh.dispatch(anyone, 'system.inspectBackup', { file: made.file })).toMatchObject({ ok: false, error: { key: 'backup.error.needPassphrase' } });
    expect(await fresh.dispatch(anyone, 'system.restoreBackup', { file: made.file, passphrase: 'long enough' })).toMatchObject({ ok: true, value: { summary: { residents: 1 } } });
    expect(await fresh.dispatch(anyone, 'system.status', {})).toMatchObject({ ok: true, value: { setupDone: true } });
    expect(await fresh.dispatch(anyone, 'session.login', { username: 'admin', password: PASSWORD })).toMatchObject({ ok: true });
    expect(await fresh.dispatch(anyone, 'system.restoreBackup', { file: made.file, passphrase: 'long enough' })).toMatchObject({ ok: false, error: { key: 'backup.error.setupDone' } });
  }, 60_000);

  it('automatic backups: one a day, on quit only when the last is over an hour old, status on the settings page', async () => {
    const t = await centre();
    let inFlight = 0;
    let mostAtOnce = 0;
    const sharing: (boolean | undefined)[] = [];
    const make = async (job: MakeJob) => {
      sharing.push(job.shareDisk);
      mostAtOnce = Math.max(mostAtOnce, ++inFlight);
      try {
        return await makeBackupFile(job);
      } finally {
        inFlight--;
      }
    };
    const svc = new BackupService({ dataDir: t.dir, db: () => t.backend.db, now: () => t.clock.now(), appVersion: '1', make, changed: () => undefined });
    const autos = () => fs.readdirSync(path.join(t.dir, 'backups')).filter((f) => f.endsWith('.lxbk'));
    await svc.dailyIfDue();
    await svc.dailyIfDue();
    expect(autos()).toHaveLength(1);
    t.clock.advance(30 * 60_000);
    await svc.onQuit();
    expect(autos()).toHaveLength(1);
    const first = autos()[0];
    t.clock.advance(31 * 60_000);
    await svc.onQuit();
    expect(autos()).toHaveLength(1); // the same day's older one gives way
    expect(autos()[0]).not.toBe(first);
    // the daily one leaves the disk to the desk; the one on quit, with the desk closed, goes full speed
    expect(sharing).toEqual([true, false]);
    t.clock.advance(24 * 3600_000);
    // asked at the same moment (the daily one and the admin's): one after the other, never together
    await Promise.all([svc.dailyIfDue(), svc.exportTo(tempDir(), 'long enough')]);
    expect(mostAtOnce).toBe(1);
    const status = svc.status();
    expect(status.kept.map((k) => k.kind)).toEqual(['daily', 'daily']);
    expect(autos()).toHaveLength(2);
    expect(status.lastGood).toMatchObject({ at: t.clock.now(), where: 'export' }); // the admin's came second
    expect(status.lastGood!.bytes).toBeGreaterThan(10_000);
    expect(fs.statSync(path.join(t.dir, 'backups', autos()[0]!)).mode & 0o077).toBe(0);
  }, 60_000);
});

describe('after a kill', () => {
  it('the next start removes what a cut-off backup or restore left behind, and nothing else', async () => {
    const t = await centre();
    const backups = path.join(t.dir, 'backups');
    fs.mkdirSync(backups);
    const left = [path.join(t.dir, 'backup-0190.tmp.db'), path.join(t.dir, 'backup-0190.tmp.db-wal'), path.join(t.dir, `${DB_FILE_NAME}.restoring-17`), path.join(backups, 'lianxin-20261204-170000.lxbk.partial')];
    const kept = [path.join(t.dir, `${DB_FILE_NAME}.before-restore-12`), path.join(backups, 'notes.txt')];
    for (const f of [...left, ...kept]) fs.writeFileSync(f, 'x');
    const svc = new BackupService({ dataDir: t.dir, db: () => t.backend.db, now: () => t.clock.now(), appVersion: '1', make: makeBackupFile, changed: () => undefined });
    svc.start();
    svc.stop();
    await expect.poll(() => left.filter((f) => fs.existsSync(f))).toEqual([]);
    expect(kept.every((f) => fs.existsSync(f))).toBe(true);
  });
});

describe('retention', () => {
  const at = (iso: string) => Date.parse(`${iso}+08:00`);
  it('keeps the newest of the last 14 days that have a backup and of the last 12 months', () => {
    const files = [];
    // two a day for 400 days
    for (let d = 0; d < 400; d++) {
      const day = new Date(Date.UTC(2025, 10, 1) + d * 86_400_000).toISOString().slice(0, 10);
      files.push({ name: `${day}-a`, at: at(`${day}T09:00:00`) }, { name: `${day}-b`, at: at(`${day}T17:30:00`) });
    }
    const { keep, drop } = retention(files);
    const daily = keep.filter((f) => f.kind === 'daily');
    const monthly = keep.filter((f) => f.kind === 'monthly');
    expect(daily).toHaveLength(14);
    expect(daily.every((f) => f.name.endsWith('-b'))).toBe(true);
    expect(daily[0]!.name).toBe('2026-12-05-b');
    // 12 months; the newest of December and of November are already among the dailies
    expect(new Set(keep.map((f) => f.name.slice(0, 7))).size).toBe(12);
    expect(monthly).toHaveLength(10);
    expect(keep.length + drop.length).toBe(800);
  });

  it('a closed week does not use up the daily places', () => {
    const files = ['2026-11-02', '2026-11-03', '2026-11-20'].map((d) => ({ name: d, at: at(`${d}T10:00:00`) }));
    expect(retention(files).keep.map((f) => f.name)).toEqual(['2026-11-20', '2026-11-03', '2026-11-02']);
  });
});

describe('the data folder lock', () => {
  it('a running app holds its data folder; a killed one does not', async () => {
    const t = await centre();
    expect(fs.readFileSync(path.join(t.dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    expect(dataDirInUse(t.dir)).toBe(false); // this very process may restore (the app does, after closing)
    fs.writeFileSync(path.join(t.dir, LOCK_FILE), String(process.ppid));
    expect(dataDirInUse(t.dir)).toBe(true);
    fs.writeFileSync(path.join(t.dir, LOCK_FILE), '999999999');
    expect(dataDirInUse(t.dir)).toBe(false);
  });
});
