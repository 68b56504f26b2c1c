import fs from 'node:fs';

/** Written data is flushed every this many bytes, so the disk never holds gigabytes of unwritten pages. */
const SYNC_EVERY = 64 * 1024 * 1024;

/**
 * Writes chunks to a new file (user-only) and makes them durable. The flushes run on libuv's thread
 * pool, never on the event loop, and come every 64 MB: a desk commit's own fsync then waits behind at
 * most that much, not behind a whole backup's worth of dirty pages.
 */
export async function writeDurably(file: string, chunks: AsyncIterable<Buffer>): Promise<void> {
  const handle = await fs.promises.open(file, 'w', 0o600);
  try {
    let unsynced = 0;
    for await (const chunk of chunks) {
      let done = 0;
      while (done < chunk.length) done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
      unsynced += chunk.length;
      if (unsynced >= SYNC_EVERY) {
        await handle.datasync();
        unsynced = 0;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes a file off the event loop (unlinking gigabytes can take a while); a vanished medium is not an error here. */
export async function removeQuietly(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true }).catch(() => undefined);
}
