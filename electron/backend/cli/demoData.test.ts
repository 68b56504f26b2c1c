import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../shared/rules/idNumber';
import { isValidPhone } from '../../../shared/rules/phone';
import { createBackend, type Backend } from '../app';
import { TestClock } from '../testSupport';
import { closeDatabase, openDatabase } from '../db/open';
import { DEMO_COMMUNITY, DEMO_PASSWORD } from './demoData';
import { fillCommunity } from './fictional/community';

describe('demo centre', () => {
  const dirs: string[] = [];
  const backends: Backend[] = [];
  const open = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-'));
    dirs.push(dir);
    const b = createBackend({ dataDir: dir, demo: true, clock: new TestClock(), checkOutputs: true });
    backends.push(b);
    return b;
  };
  afterEach(() => {
    for (const b of backends.splice(0)) b.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('fills a living, valid, fictional centre the demo accounts can log into', async () => {
    const b = open();
    const db = b.db;
    const kinds = Object.fromEntries((db.prepare('SELECT kind, count(*) n FROM grid_nodes GROUP BY kind').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
    expect(kinds.area).toBe(3);
    expect(kinds.grid).toBe(26);
    expect(kinds.building).toBeGreaterThan(100);

    const residents = db.prepare('SELECT name, gender, birth_date, id_number, phone, tags, building_id FROM residents').all() as {
      name: string; gender: string; birth_date: string; id_number: string | null; phone: string | null; tags: string; building_id: string;
    }[];
    expect(residents.length).toBeGreaterThanOrEqual(2000);
    for (const r of residents) {
      if (r.id_number) {
        const p = parseIdNumber(r.id_number, '2026-11-23');
        expect(p.ok && p.info.birthDate === r.birth_date && p.info.gender === r.gender).toBe(true);
      }
      if (r.phone) expect(isValidPhone(r.phone)).toBe(true);
      expect(r.building_id).toBeTruthy();
    }
    const elderly = residents.filter((r) => r.birth_date <= '1966-11-23').length / residents.length;
    expect(elderly).toBeGreaterThan(0.15);
    const tagged = (tag: string) => residents.filter((r) => (JSON.parse(r.tags) as string[]).includes(tag)).length;
    expect(tagged('独居老人')).toBeGreaterThan(50);
    expect(tagged('党员')).toBeGreaterThan(50);

    const status = await b.dispatch({ sessionId: null }, 'system.status', {});
    expect(status).toMatchObject({ ok: true, value: { centreName: '幸福里社区党群服务中心', demoLogin: { username: 'admin', password: DEMO_PASSWORD } } });
    for (const [username, role] of [['admin', 'admin'], ['qiantai', 'desk'], ['zhiban', 'duty'], ['shanghu', 'partner']] as const) {
      const r = await b.dispatch({ sessionId: null }, 'session.login', { username, password: DEMO_PASSWORD });
      expect(r).toMatchObject({ ok: true, value: { username, role } });
    }
    const slot = { sessionId: null };
    await b.dispatch(slot, 'session.login', { username: 'qiantai', password: DEMO_PASSWORD });
    const found = await b.dispatch(slot, 'residents.search', { q: residents[0]!.name });
    expect(found).toMatchObject({ ok: true });
  });

  it('is not filled twice', () => {
    const count = (db: Backend['db']) => (db.prepare('SELECT count(*) n FROM residents').get() as { n: number }).n;
    const a = open();
    const before = count(a.db);
    a.close();
    const again = createBackend({ dataDir: dirs[0]!, demo: true });
    backends.push(again);
    expect(count(again.db)).toBe(before);
  });

  it('makes the same community from the same seed', () => {
    const plan = { ...DEMO_COMMUNITY, areas: [{ name: '东片区', grids: 2 }], residents: 200 };
    const fill = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-'));
      dirs.push(dir);
      const db = openDatabase(dir);
      db.transaction(() => fillCommunity(db, Date.UTC(2026, 10, 23), plan))();
      const rows = db.prepare('SELECT name, id_number, phone, unit, room, tags FROM residents ORDER BY rowid').all();
      closeDatabase(db);
      return rows;
    };
    const first = fill();
    expect(first.length).toBeGreaterThanOrEqual(200);
    expect(fill()).toEqual(first);
  });
});
