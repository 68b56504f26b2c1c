import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from '../../electron/backend/db/open';
import type { Ledger } from './writers';

/*
 * A power cut, replayed from an strace log of the host. The log holds every write the host made to
 * its database and WAL (offset and bytes) and every fsync of them, with times. A power cut at time T
 * leaves on the disk what was there before the host started, plus each write that an fsync of its
 * file had made durable by T; of the writes not yet synced, none (the worst case) or any subset, some
 * of them torn (the disk wrote back some, in any order, some only in part, sector by sector). The
 * files rebuilt that way are what the next start would find. Not modelled: a disk that acknowledges
 * an fsync it has not done (no software can be safe on it).
 */

/** strace's options: file writes, syncs and truncations with their paths and bytes (hex), answers to sockets, times and durations. */
export const POWER_TRACE_ARGS = [
  '-f',
  '-qq',
  '-ttt',
  '-T',
  '-xx',
  '-s',
  '65536',
  '-y',
  '-e',
  'trace=pwrite64,write,writev,fsync,fdatasync,ftruncate',
  '-e',
  'signal=none',
];

/** Whether strace can trace a child here (missing, or ptrace not allowed in the container: no). */
export function canStrace(): boolean {
  return spawnSync('strace', ['-qq', '-e', 'trace=none', 'true'], { stdio: 'ignore' }).status === 0;
}

type FileName = typeof DB_FILE_NAME | `${typeof DB_FILE_NAME}-wal`;

interface FileOp {
  file: FileName;
  at: number;
  /** Position in the log: the order the calls returned in. */
  seq: number;
  /** A write's bytes at its offset, or a truncation to `length`. */
  write: { offset: number; data: Buffer } | { length: number };
  /** When an fsync of the file made it durable (Infinity: never before the end of the log), by time and by position. */
  durableAt: number;
  durableSeq: number;
}

export interface HostTrace {
  ops: FileOp[];
  /** The HTTP answers the host sent: time and position in the log. */
  answers: { at: number; seq: number }[];
  walSyncs: number;
  first: number;
  last: number;
}

const hex = (s: string) => Buffer.from(s.replaceAll('\\x', ''), 'hex');
const HTTP = [...Buffer.from('HTTP/1.1 ')].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');

/** Reads the log (lines `pid secs.micros call(fd</path>, …) = n`); only the two database files of `dataDir` count. */
export function parseHostTrace(log: string, dataDir: string): HostTrace {
  const files = new Map<string, FileName>([
    [path.join(dataDir, DB_FILE_NAME), DB_FILE_NAME],
    [path.join(dataDir, `${DB_FILE_NAME}-wal`), `${DB_FILE_NAME}-wal`],
  ]);
  const trace: HostTrace = { ops: [], answers: [], walSyncs: 0, first: Infinity, last: 0 };
  const syncing = new Map<string, FileName>();
  let seq = 0;
  const synced = (file: FileName, at: number) => {
    if (file !== DB_FILE_NAME) trace.walSyncs++;
    for (const op of trace.ops) {
      if (op.file !== file || op.durableAt !== Infinity) continue;
      op.durableAt = at;
      op.durableSeq = seq;
    }
  };
  for (const line of log.split('\n')) {
    seq++;
    const m = /^(\d+) +(\d+\.\d+) (.*)$/.exec(line);
    if (!m) continue;
    const [, pid, secs, call] = m as unknown as [string, string, string, string];
    const at = Number(secs) * 1000;
    trace.first = Math.min(trace.first, at);
    trace.last = Math.max(trace.last, at);
    // -xx shows the fd's path in hex too.
    const target = /^\w+\(\d+<([^>]+)>/.exec(call);
    const fdPath = target ? hex(target[1]!).toString('utf8') : '';
    const file = files.get(fdPath);
    if (call.startsWith('pwrite64(') && file) {
      const w = /^pwrite64\(\d+<[^>]+>, "((?:\\x[0-9a-f]{2})*)"(\.\.\.)?, (\d+), (\d+)/.exec(call);
      if (!w || w[2]) throw new Error(`pwrite64 not read whole: ${line.slice(0, 200)}`);
      trace.ops.push({ file, at, seq, write: { offset: Number(w[4]), data: hex(w[1]!) }, durableAt: Infinity, durableSeq: Infinity });
    } else if (call.startsWith('ftruncate(') && file) {
      const t = /^ftruncate\(\d+<[^>]+>, (\d+)/.exec(call)!;
      trace.ops.push({ file, at, seq, write: { length: Number(t[1]) }, durableAt: Infinity, durableSeq: Infinity });
    } else if (/^f(data)?sync\(/.test(call) && file) {
      // Durable when the call returned: its start plus its duration (-T).
      const done = /\) = 0 <(\d+\.\d+)>$/.exec(call);
      if (call.endsWith('<unfinished ...>')) syncing.set(pid, file);
      else if (done) synced(file, at + Number(done[1]) * 1000);
    } else if (/^<\.\.\. f(data)?sync resumed>\) = 0 <[\d.]+>$/.test(call) && syncing.has(pid)) {
      synced(syncing.get(pid)!, at);
      syncing.delete(pid);
    } else if (/^(write|writev)\(/.test(call) && fdPath.startsWith('socket:') && call.includes(HTTP)) {
      trace.answers.push({ at, seq });
    } else if (/^(write|writev)\(/.test(call) && file) {
      throw new Error(`a database write strace shows as ${call.slice(0, 10)}: the replay reads only pwrite64`);
    }
  }
  return trace;
}

export interface AnswerVerdict {
  answers: number;
  /** Answers that followed a write to the WAL (a commit): the writes' answers. */
  answersAfterCommit: number;
  /** Answers sent while a WAL write before them was not yet fsynced: each one a write a power cut could lose after it was acknowledged. */
  unsyncedAnswers: number;
}

/** Whether every answer left after the fsync of every WAL write before it (by position in the log, not by clock). */
export function judgeAnswers(trace: HostTrace): AnswerVerdict {
  const wal = trace.ops.filter((op) => op.file !== DB_FILE_NAME);
  const v: AnswerVerdict = { answers: trace.answers.length, answersAfterCommit: 0, unsyncedAnswers: 0 };
  let previous = 0;
  for (const a of trace.answers) {
    if (wal.some((op) => op.seq > previous && op.seq < a.seq)) v.answersAfterCommit++;
    if (wal.some((op) => op.seq < a.seq && op.durableSeq > a.seq)) v.unsyncedAnswers++;
    previous = a.seq;
  }
  return v;
}

/**
 * The files a power cut at `cutAt` leaves: the durable writes, and of each write not yet durable the
 * bytes `kept` says reached the disk (by default none; a torn write keeps some sectors of it).
 */
export function filesAfterCut(
  start: Map<FileName, Buffer>,
  trace: HostTrace,
  cutAt: number,
  kept: (bytes: number) => number = () => 0,
): Map<FileName, Buffer> {
  // Each file in one buffer as large as it ever gets (growing it write by write would copy megabytes each time).
  const files = new Map<FileName, { data: Buffer; length: number }>();
  const fileOf = (name: FileName) => {
    let f = files.get(name);
    if (!f) {
      const initial = start.get(name) ?? Buffer.alloc(0);
      const size = trace.ops.reduce((n, op) => (op.file === name && 'data' in op.write ? Math.max(n, op.write.offset + op.write.data.length) : n), initial.length);
      f = { data: Buffer.alloc(size), length: initial.length };
      initial.copy(f.data);
      files.set(name, f);
    }
    return f;
  };
  for (const name of start.keys()) fileOf(name);
  for (const op of trace.ops) {
    if (op.at > cutAt) continue;
    const f = fileOf(op.file);
    const durable = op.durableAt <= cutAt;
    if ('length' in op.write) {
      if (!durable && kept(1) === 0) continue;
      f.length = op.write.length;
      f.data.fill(0, f.length);
    } else {
      const bytes = durable ? op.write.data.length : kept(op.write.data.length);
      if (bytes === 0) continue;
      op.write.data.copy(f.data, op.write.offset, 0, bytes);
      f.length = Math.max(f.length, op.write.offset + bytes);
    }
  }
  return new Map([...files].map(([name, f]) => [name, f.data.subarray(0, f.length)]));
}

/** The database files of a data folder as they are now (the host down). */
export function readDatabaseFiles(dataDir: string): Map<FileName, Buffer> {
  const files = new Map<FileName, Buffer>();
  for (const name of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`] as const) {
    const file = path.join(dataDir, name);
    if (fs.existsSync(file)) files.set(name, fs.readFileSync(file));
  }
  return files;
}

export function writeDatabaseFiles(dir: string, files: Map<FileName, Buffer>): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, data] of files) fs.writeFileSync(path.join(dir, name), data);
  return path.join(dir, DB_FILE_NAME);
}

/**
 * The ledger as it stood at `cutAt`: only what had been acknowledged by then (answers read by the
 * client before the cut, so sent by the host before it). Sent-but-unanswered flags stay as they
 * are: they only allow more.
 */
export function ledgerAt(l: Ledger, cutAt: number): Ledger {
  // Answer times are Date.now(), whole milliseconds: read within [t, t + 1).
  const before = (t: number | null) => t !== null && t + 1 <= cutAt;
  const keep = <T>(m: Map<string, T>, ok: (v: T) => boolean, map: (v: T) => T = (v) => v) => new Map([...m].filter(([, v]) => ok(v)).map(([k, v]) => [k, map(v)]));
  return {
    ...l,
    tickets: keep(l.tickets, (t) => before(t.ackedAt)),
    requests: keep(
      l.requests,
      (q) => before(q.ackedAt),
      (q) => ({ ...q, voidAcked: before(q.voidAckedAt) }),
    ),
    purchases: keep(
      l.purchases,
      (p) => before(p.ackedAt),
      (p) => ({ ...p, voidAcked: before(p.voidAckedAt) }),
    ),
    duty: keep(
      l.duty,
      (d) => before(d.inAckedAt) || before(d.outAckedAt),
      (d) => ({ ...d, inAt: before(d.inAckedAt) ? d.inAt : null, outAt: before(d.outAckedAt) ? d.outAt : null }),
    ),
    logins: new Map(),
    pendingPurchase: null,
  };
}
