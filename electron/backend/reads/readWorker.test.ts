import { afterEach, describe, expect, it } from 'vitest';
import { computeFigures } from '../services/figures/figures';
import { makeTestBackend, type TestBackend } from '../testSupport';
import { ReadWorker } from './readWorker';
import path from 'node:path';
import { DB_FILE_NAME } from '../db/open';

describe('read worker', () => {
  let t: TestBackend;
  afterEach(() => t.close());

  it('answers from its own thread what the main connection would, and sees writes at once', async () => {
    t = await makeTestBackend({ demo: true });
    const reads = new ReadWorker(path.join(t.dir, DB_FILE_NAME), t.backend.db);
    const input = { from: '2026-11-01', to: '2026-11-23' };
    const viaWorker = await reads.run('figures.get', input, t.clock.now());
    expect(reads.mode).toBe('worker');
    expect(viaWorker).toEqual(computeFigures(t.backend.db, input.from, input.to, t.clock.now()));
    expect(viaWorker.requests.received).toBeGreaterThan(0);

    // A request written on the main connection is in the worker's very next read.
    const service = (await t.ok(t.admin, 'services.list', {}))[0]!;
    await t.ok(t.admin, 'requests.create', { serviceId: service.id, channel: 'phone', description: '路灯不亮', mode: 'immediate' });
    const after = await reads.run('figures.get', { from: '2026-11-23', to: '2026-11-23' }, t.clock.now());
    const before = computeFigures(t.backend.db, '2026-11-23', '2026-11-23', t.clock.now());
    expect(after).toEqual(before);
    await reads.close();
  });

  it('starts again after its thread dies, and fails the reads that were under way', async () => {
    t = await makeTestBackend();
    const reads = new ReadWorker(path.join(t.dir, DB_FILE_NAME), t.backend.db);
    await reads.run('requests.list', { q: undefined, limit: 10, offset: 0 }, t.clock.now());
    const running = reads.run('figures.get', { from: '2016-01-01', to: '2026-11-23' }, t.clock.now());
    const refused = expect(running).rejects.toThrow(/closed|stopped/);
    await reads.close();
    await refused;
    const again = await reads.run('requests.list', { q: undefined, limit: 10, offset: 0 }, t.clock.now());
    expect(again).toEqual({ rows: [], total: 0 });
    expect(reads.mode).toBe('worker');
    await reads.close();
  });

  it('runs the reads on the main connection when a worker cannot start at all', async () => {
    t = await makeTestBackend();
    // The worker cannot open this file; the main connection answers instead of every read failing.
    const reads = new ReadWorker(path.join(t.dir, 'missing', DB_FILE_NAME), t.backend.db);
    const first = await reads.run('requests.list', { q: undefined, limit: 10, offset: 0 }, t.clock.now());
    expect(first).toEqual({ rows: [], total: 0 });
    expect(reads.mode).toBe('inline');
    const figures = await reads.run('figures.get', { from: '2026-11-23', to: '2026-11-23' }, t.clock.now());
    expect(figures).toEqual(computeFigures(t.backend.db, '2026-11-23', '2026-11-23', t.clock.now()));
    await reads.close();
  });

  it('a worker being closed does not fail the reads of the one started after it', async () => {
    t = await makeTestBackend();
    const reads = new ReadWorker(path.join(t.dir, DB_FILE_NAME), t.backend.db);
    await reads.run('requests.list', { q: undefined, limit: 10, offset: 0 }, t.clock.now());
    const closing = reads.close();
    const next = reads.run('requests.list', { q: undefined, limit: 10, offset: 0 }, t.clock.now());
    await closing;
    expect(await next).toEqual({ rows: [], total: 0 });
    await reads.close();
  });
});
