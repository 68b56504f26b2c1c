import fs from 'node:fs';
import { DiskShare } from './diskShare';

/** Written data is flushed every this many bytes, so the disk never holds much unwritten data. */
const SYNC_EVERY = 8 * 1024 * 1024;
/** A big file is shortened in steps of this size before it is unlinked. */
const SHRINK_STEP = 32 * 1024 * 1024;

/**
 * Writes chunks to a new file (user-only) and makes them durable. The flushes run on libuv's thread
 * pool, never on the event loop, and come every 8 MB: a desk commit's own fsync then waits behind at
 * most that much, not behind a whole backup's worth of dirty pages. Sharing the disk with the desk,
 * the flushes come every 2 MB with a rest after each (see DiskShare).
 */
export async function writeDurably(file: string, chunks: AsyncIterable<Buffer>, share?: DiskShare): Promise<void> {
  const handle = await fs.promises.open(file, 'w', 0o600);
  try {
    const syncEvery = share ? DiskShare.STEP_BYTES : SYNC_EVERY;
    let unsynced = 0;
    for await (const chunk of chunks) {
      let done = 0;
      while (done < chunk.length) done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
      unsynced += chunk.length;
      if (unsynced >= syncEvery) {
        await handle.datasync();
        unsynced = 0;
        await share?.rest();
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes a file off the event loop; a vanished medium is not an error here. A file of gigabytes is
 * first shortened step by step, resting between steps (DiskShare): freeing all its blocks at once is
 * one long journal commit that the desk's next fsync would wait for.
 */
export async function removeQuietly(file: string): Promise<void> {
  try {
    let size = (await fs.promises.stat(file)).size;
    const share = new DiskShare();
    while (size > SHRINK_STEP) {
      size -= SHRINK_STEP;
      await fs.promises.truncate(file, size);
      await share.rest();
    }
  } catch {
    /* gone already, or cannot be shortened: the unlink below decides */
  }
  await fs.promises.rm(file, { force: true }).catch(() => undefined);
}
