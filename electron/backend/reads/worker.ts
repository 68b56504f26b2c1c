import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors';
import { inSnapshot } from './snapshot';
import { READ_TASKS, type ReadTask } from './tasks';

/** The read worker's thread: one read-only connection to the centre's database; each task reads one snapshot. */
export interface ReadRequest {
  id: number;
  task: ReadTask;
  input: unknown;
  now: number;
}
export type ReadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: AppError['value'] | null; message: string }
  /** Sent once the connection is open: a worker that dies before it never started. */
  | { ready: true };

const db = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort!.postMessage({ ready: true } satisfies ReadReply);

parentPort!.on('message', (req: ReadRequest) => {
  void (async () => {
    let reply: ReadReply;
    try {
      const run = READ_TASKS[req.task] as (db: Database.Database, input: unknown, now: number) => unknown;
      reply = { id: req.id, ok: true, value: await inSnapshot(db, () => run(db, req.input, req.now)) };
    } catch (e) {
      reply = { id: req.id, ok: false, error: e instanceof AppError ? e.value : null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    parentPort!.postMessage(reply);
  })();
});
