import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors';
import type { Db } from '../db/open';
import { READ_TASKS, type ReadInput, type ReadOutput, type ReadTask } from './tasks';
import type { ReadReply, ReadRequest } from './worker';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** The thread it was sent to: only that thread's end fails it. */
  worker: Worker;
  request: ReadRequest;
}

const SOURCE = { boot: 'tsWorkerBoot.cjs', entry: 'worker.ts' };
/** The chunk electron.vite.config.ts builds next to the main process's bundle. */
const BUNDLED = 'readWorker.js';

/** Where the worker's code is: its TypeScript source when we run from source, else the bundle's chunk. */
function workerScript(): { script: string; entry?: string } {
  if (__filename.endsWith('.ts')) return { script: path.join(__dirname, SOURCE.boot), entry: path.join(__dirname, SOURCE.entry) };
  return { script: path.join(__dirname, BUNDLED) };
}

/**
 * Runs the heavy reads (READ_TASKS) on a worker thread with its own read-only connection (WAL lets it
 * read while the main connection writes), so a year of figures never stalls the desk. Started on
 * first use; restarted after a crash. Where a worker cannot start at all (it ends before its connection
 * is open: a missing chunk, a file it cannot open), the reads run on the main connection instead —
 * slower for everyone else, but the answer is the same.
 */
export class ReadWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private inline = false;
  /** Threads ended on purpose (close): their exit is not a failure to start. */
  private readonly stopped = new WeakSet<Worker>();

  /** Where the reads run: 'worker' once one has started, 'inline' if none could. */
  get mode(): 'worker' | 'inline' | 'idle' {
    return this.inline ? 'inline' : this.worker ? 'worker' : 'idle';
  }

  constructor(
    private readonly file: string,
    private readonly mainDb: Db,
  ) {}

  run<T extends ReadTask>(task: T, input: ReadInput<T>, now: number): Promise<ReadOutput<T>> {
    if (this.inline) return this.runInline(task, input, now);
    const worker = this.start();
    if (!worker) return this.runInline(task, input, now);
    const request: ReadRequest = { id: this.nextId++, task, input, now };
    return new Promise<ReadOutput<T>>((resolve, reject) => {
      this.pending.set(request.id, { resolve: resolve as (v: unknown) => void, reject, worker, request });
      worker.postMessage(request);
    });
  }

  close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) this.stopped.add(w);
    this.failAll(new Error('read worker closed'));
    return w ? w.terminate().then(() => undefined) : Promise.resolve();
  }

  private async runInline<T extends ReadTask>(task: T, input: ReadInput<T>, now: number): Promise<ReadOutput<T>> {
    const run = READ_TASKS[task] as (db: Db, input: unknown, now: number) => unknown;
    return (await run(this.mainDb, input, now)) as ReadOutput<T>;
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    const { script, entry } = workerScript();
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { file: this.file, entry } });
    } catch (e) {
      console.warn('read worker could not start; heavy reads run on the main connection', e);
      this.inline = true;
      return null;
    }
    worker.unref();
    let ready = false;
    worker.on('message', (reply: ReadReply) => {
      if ('ready' in reply) {
        ready = true;
        return;
      }
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else if (reply.error) {
        const { code, key, ...extra } = reply.error;
        p.reject(new AppError(code, key, extra));
      }
      else p.reject(new Error(`read worker task failed: ${reply.message}`));
    });
    const ended = (e: unknown) => {
      if (this.worker === worker) this.worker = null;
      if (!ready && !this.stopped.has(worker)) {
        if (!this.inline) console.warn('read worker could not start; heavy reads run on the main connection', e);
        this.inline = true;
        for (const p of this.takePending(worker)) {
          this.runInline(p.request.task, p.request.input as never, p.request.now).then(p.resolve, p.reject);
        }
        return;
      }
      for (const p of this.takePending(worker)) p.reject(e);
    };
    worker.on('error', ended);
    worker.on('exit', () => ended(new Error('read worker stopped')));
    this.worker = worker;
    return worker;
  }

  /** Removes and returns the reads sent to one thread. */
  private takePending(worker: Worker): Pending[] {
    const out: Pending[] = [];
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      out.push(p);
      this.pending.delete(id);
    }
    return out;
  }

  private failAll(e: unknown) {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
