import fs from 'node:fs';
import path from 'node:path';
import { copyAndCheck } from './check';
import { DiskShare } from './diskShare';
import { writeDurably } from './durableWrite';
import { writeFailure } from './errors';
import { encodeStream, sha256OfFile, type Manifest } from './format';

/** One backup to make: the live database `source`, copied to `tmp`, written as a backup file to `partial`. */
export interface MakeJob {
  source: string;
  tmp: string;
  partial: string;
  passphrase?: string;
  appVersion: string;
  createdAt: number;
  /** The desk is working beside the backup: leave it the data folder's disk most of the time (see DiskShare). */
  shareDisk?: boolean;
}

const sameDisk = (a: string, b: string) => fs.statSync(path.dirname(a)).dev === fs.statSync(path.dirname(b)).dev;

/** Who makes the file: in-process (command line, tests) or the read worker's thread (the app). */
export type FileMaker = (job: MakeJob) => Promise<Manifest>;

/**
 * Makes a backup file from the live database: the copy proven whole (copyAndCheck), its checksum, then
 * the file (encrypted with a passphrase) written durably to `job.partial`. Every stage reads or writes
 * gigabytes on a ten-year database, so the app runs all of it on a worker thread (`backup.make`): the
 * hashing and the encryption then take no time from the desk's calls on the main thread. The caller
 * renames the partial file and removes `tmp`.
 */
export async function makeBackupFile(job: MakeJob): Promise<Manifest> {
  const { schemaVersion, counts, auditChainOk } = await copyAndCheck(job.source, job.tmp, job.shareDisk ? new DiskShare() : undefined);
  const manifest: Manifest = {
    format: 1,
    appVersion: job.appVersion,
    schemaVersion,
    createdAt: job.createdAt,
    counts,
    dbBytes: fs.statSync(job.tmp).size,
    sha256: await sha256OfFile(job.tmp),
    encrypted: Boolean(job.passphrase),
    auditChainOk,
  };
  try {
    const share = job.shareDisk && sameDisk(job.partial, job.source) ? new DiskShare() : undefined;
    await writeDurably(job.partial, encodeStream(manifest, job.tmp, job.passphrase), share);
  } catch (e) {
    throw writeFailure(e);
  }
  return manifest;
}
