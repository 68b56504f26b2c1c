import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startWebHost, stopWebHost } from '../e2e/fixtures';

/** The web host as a real process: `--port 0` prints its URL; SIGTERM leaves a whole, checkpointed database. */
describe('web host process', () => {
  it('starts on a free port, serves, and shuts down cleanly on SIGTERM', async () => {
    const h = await startWebHost();
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const setup = await fetch(`${h.url}/api/system.setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ centreName: '测试中心', username: 'admin', displayName: '管理员', password: 'secret123' }),
    });
    expect(setup.status).toBe(200);

    const exit = new Promise<number | null>((r) => h.process.once('exit', (code) => r(code)));
    h.process.kill('SIGTERM');
    expect(await exit).toBe(0);
    const wal = `${h.dataDir}/lianxin.db-wal`;
    expect(!fs.existsSync(wal) || fs.statSync(wal).size === 0).toBe(true);
    const db = new Database(`${h.dataDir}/lianxin.db`, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT username FROM users').all()).toEqual([{ username: 'admin' }]);
    db.close();
    await stopWebHost(h);
  }, 60_000);
});
