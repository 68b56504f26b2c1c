import fs from 'node:fs';
import path from 'node:path';
import type { BackupStatus, BackupSummary } from '../../../../shared/contract/backup';
import { AppError } from '../../../../shared/contract/errors';
import { shanghaiDate } from '../../../../shared/rules/time';
import { DB_FILE_NAME, type Db } from '../../db/open';
import { createBackup, inspectBackup, type FileMaker, type Manifest } from './backup';
import { removeQuietly } from './durableWrite';
import { backupError, writeFailure } from './errors';
import { readHeader } from './format';
import { retention } from './retention';

/** A daily backup is due once the app has run this long (the desk's first minutes stay quick). */
const FIRST_DELAY_MS = Number(process.env.LIANXIN_BACKUP_DELAY_MS ?? 60_000);
const CHECK_EVERY_MS = 60 * 60_000;
/** The last good backup and the last failure, beside the backups. */
const STATUS_FILE = 'status.json';
/** On quit, a backup only if the last good one is older than this. */
const QUIT_GAP_MS = 60 * 60_000;

interface Recorded {
  lastGood: BackupStatus['lastGood'];
  lastFailure: BackupStatus['lastFailure'];
}

export interface BackupServiceDeps {
  dataDir: string;
  db(): Db;
  now(): number;
  appVersion: string;
  /** Makes the backup file (copy, check, checksum, write) off the main thread. */
  make: FileMaker;
  changed(): void;
}

const two = (n: number) => String(n).padStart(2, '0');
/** 2026-12-04 17:05:09 in Shanghai → "20261204-170509". */
function stamp(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}-${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

export function summaryOf(m: Manifest): BackupSummary {
  const c = (t: string) => m.counts[t] ?? 0;
  return {
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    encrypted: m.encrypted,
    dbBytes: m.dbBytes,
    residents: c('residents'),
    requests: c('requests'),
    cards: c('cards'),
    appointments: c('appointments'),
    users: c('users'),
  };
}

/**
 * The centre's backups: automatic ones in `<data>/backups` (daily, and on quit when the last is over an
 * hour old; 14 daily and 12 monthly kept), and one now to a chosen folder with a passphrase. One runs
 * at a time. What happened last is kept in `backups/status.json`, outside the database, so a restore
 * does not roll it back.
 */
export class BackupService {
  readonly folder: string;
  /** The last backup queued: each waits for the one before (one at a time). */
  private tail: Promise<unknown> = Promise.resolve();
  private active = 0;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: BackupServiceDeps) {
    this.folder = path.join(deps.dataDir, 'backups');
  }

  start(): void {
    void this.removeLeftovers();
    const due = () => void this.dailyIfDue().catch(() => undefined);
    this.timers.push(setTimeout(due, FIRST_DELAY_MS), setInterval(due, CHECK_EVERY_MS));
    for (const t of this.timers) t.unref();
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  /** Waits for a backup under way (a restore or a quit must not cut one off). */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen.catch(() => undefined);
    } while (seen !== this.tail);
  }

  /** The daily backup, if none was made today (Shanghai date). */
  async dailyIfDue(): Promise<void> {
    const last = this.kept()[0];
    if (last && shanghaiDate(last.at) === shanghaiDate(this.deps.now())) return;
    await this.auto();
  }

  /** On quit: a backup unless the last good automatic one is under an hour old. */
  async onQuit(): Promise<void> {
    await this.idle();
    const last = this.kept()[0];
    if (last && this.deps.now() - last.at < QUIT_GAP_MS) return;
    await this.auto({ deskClosed: true }).catch(() => undefined);
  }

  /** An automatic backup; while the desk works it gets the disk most of the time (slower), once it has closed the backup goes full speed. */
  auto(opts: { deskClosed?: boolean } = {}): Promise<Manifest> {
    return this.oneAtATime(async () => {
      fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      const file = path.join(this.folder, `lianxin-${stamp(this.deps.now())}.lxbk`);
      const m = await this.made('auto', file, undefined, !opts.deskClosed);
      await Promise.all(retention(this.kept()).drop.map((f) => removeQuietly(path.join(this.folder, f.name))));
      return m;
    });
  }

  /** Backs up now into `folder` (a USB stick), encrypted with the passphrase. */
  exportTo(folder: string, passphrase: string): Promise<{ file: string; manifest: Manifest }> {
    return this.oneAtATime(async () => {
      let isDir = false;
      try {
        isDir = fs.statSync(folder).isDirectory();
      } catch {
        /* missing: said below */
      }
      if (!isDir) throw backupError('folderMissing');
      const file = path.join(folder, `连心前台备份-${stamp(this.deps.now())}.lxbk`);
      return { file, manifest: await this.made('export', file, passphrase, true) };
    });
  }

  status(): BackupStatus {
    const rec = this.recorded();
    let databaseBytes = 0;
    try {
      databaseBytes = fs.statSync(path.join(this.deps.dataDir, DB_FILE_NAME)).size;
    } catch {
      /* a new data folder */
    }
    return {
      lastGood: rec.lastGood,
      lastFailure: rec.lastFailure && (!rec.lastGood || rec.lastFailure.at > rec.lastGood.at) ? rec.lastFailure : null,
      running: this.active > 0,
      folder: this.folder,
      kept: retention(this.kept()).keep.map((f) => ({ name: f.name, at: f.at, bytes: f.bytes, kind: f.kind })),
      databaseBytes,
    };
  }

  inspect(file: string, passphrase?: string): Promise<Manifest> {
    return inspectBackup(file, passphrase);
  }

  /** What a backup or restore cut off by a kill or a power cut left behind: copies and half-written files. */
  private async removeLeftovers(): Promise<void> {
    const inDir = async (dir: string, leftover: (name: string) => boolean) => {
      const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
      await Promise.all(names.filter(leftover).map((n) => removeQuietly(path.join(dir, n))));
    };
    await inDir(this.deps.dataDir, (n) => /^backup-.*\.tmp\.db/.test(n) || n.startsWith(`${DB_FILE_NAME}.restoring-`));
    await inDir(this.folder, (n) => n.endsWith('.partial'));
  }

  /** Automatic backups in the folder, newest first, with the time from each one's manifest. */
  private kept(): { name: string; at: number; bytes: number }[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder).filter((n) => n.endsWith('.lxbk'));
    } catch {
      return [];
    }
    const out: { name: string; at: number; bytes: number }[] = [];
    for (const name of names) {
      let fd: number | null = null;
      try {
        fd = fs.openSync(path.join(this.folder, name), 'r');
        const h = readHeader(fd);
        out.push({ name, at: h.manifest.createdAt, bytes: h.fileBytes });
      } catch {
        /* not a whole backup: not counted */
      } finally {
        if (fd !== null) fs.closeSync(fd);
      }
    }
    return out.sort((a, b) => b.at - a.at);
  }

  private async made(where: 'auto' | 'export', file: string, passphrase: string | undefined, shareDisk: boolean): Promise<Manifest> {
    const at = this.deps.now();
    try {
      const m = await createBackup(this.deps.db(), this.deps.dataDir, file, { passphrase, appVersion: this.deps.appVersion, now: at, make: this.deps.make, shareDisk });
      this.record({ lastGood: { at, bytes: fs.statSync(file).size, where, file, auditChainOk: m.auditChainOk ?? null } });
      return m;
    } catch (e) {
      const err = e instanceof AppError ? e : writeFailure(e);
      this.record({ lastFailure: { at, key: err.value.key } });
      throw err;
    } finally {
      this.deps.changed();
    }
  }

  /** Runs a job when the backups (or the restore) before it are done: one at a time. */
  oneAtATime<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail
      .catch(() => undefined)
      .then(async () => {
        this.active++;
        this.deps.changed();
        try {
          return await job();
        } finally {
          this.active--;
        }
      });
    this.tail = run;
    return run;
  }

  private recorded(): Recorded {
    try {
      const saved = JSON.parse(fs.readFileSync(path.join(this.folder, STATUS_FILE), 'utf8')) as Partial<Recorded>;
      return { lastGood: saved.lastGood ?? null, lastFailure: saved.lastFailure ?? null };
    } catch {
      return { lastGood: null, lastFailure: null };
    }
  }

  private record(change: Partial<Recorded>): void {
    try {
      fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      const file = path.join(this.folder, STATUS_FILE);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...this.recorded(), ...change }), { mode: 0o600 });
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      /* the status line is a convenience; the backups themselves are what count */
    }
  }
}

