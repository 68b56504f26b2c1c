import { spawnSync } from 'node:child_process';

/** strace's options for the host: the syscalls that write the WAL, sync it, or send an answer; fds shown with their paths. */
export const STRACE_ARGS = ['-f', '-qq', '-y', '-s', '16', '-e', 'trace=pwrite64,write,writev,fdatasync,fsync,sendto,sendmsg', '-e', 'signal=none'];

/** Whether strace can trace a child here (missing, or ptrace not allowed in the container: no). */
export function canStrace(): boolean {
  const r = spawnSync('strace', ['-qq', '-e', 'trace=none', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}

export interface TraceVerdict {
  /** HTTP answers sent. */
  answers: number;
  /** Answers that followed a write to the WAL (a commit): the writes' answers. */
  answersAfterCommit: number;
  /** fsync/fdatasync calls on the WAL. */
  walSyncs: number;
  /** Answers sent while the WAL held bytes not yet synced: each one a write a power cut could lose after it was acknowledged. */
  unsyncedAnswers: number;
  /** The first few of them, with the trace lines before each. */
  examples: string[];
}

/**
 * Reads an strace log of the host in order. The WAL is dirty from a pwrite64 to it until an
 * fsync/fdatasync of it returns; an HTTP answer (a write to a socket starting `HTTP/1.1`) while it
 * is dirty is a violation. A call strace splits (`<unfinished …>` … `<… resumed>`) counts when it returns.
 */
export function judgeTrace(log: string, walPath: string): TraceVerdict {
  // Only this WAL: the host writes other files too (the daily backup, its check).
  const wal = `<${walPath}>`;
  const v: TraceVerdict = { answers: 0, answersAfterCommit: 0, walSyncs: 0, unsyncedAnswers: 0, examples: [] };
  let dirty = false;
  let committedSinceAnswer = false;
  const syncing = new Set<string>();
  const recent: string[] = [];
  for (const line of log.split('\n')) {
    recent.push(line.slice(0, 160));
    if (recent.length > 8) recent.shift();
    const pid = line.slice(0, line.indexOf(' '));
    if (/^\d+ +(pwrite64|write|writev)\(\d+</.test(line) && line.includes(wal)) {
      dirty = true;
      committedSinceAnswer = true;
    } else if (/^\d+ +f(data)?sync\(\d+</.test(line) && line.includes(wal)) {
      if (line.includes('<unfinished ...>')) syncing.add(pid);
      else if (/\) = 0$/.test(line)) {
        dirty = false;
        v.walSyncs++;
      }
    } else if (/<\.\.\. f(data)?sync resumed>\) = 0$/.test(line) && syncing.delete(pid)) {
      dirty = false;
      v.walSyncs++;
    } else if (/^\d+ +(write|writev|sendto|sendmsg)\(\d+<(socket|TCP)[^>]*>,.*HTTP\/1\.1 /.test(line)) {
      v.answers++;
      if (committedSinceAnswer) v.answersAfterCommit++;
      committedSinceAnswer = false;
      if (!dirty) continue;
      v.unsyncedAnswers++;
      if (v.examples.length < 3) v.examples.push(recent.join('\n'));
    }
  }
  return v;
}
