import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { DEMO_STAFF, fillDemoCatalogue } from './demo';
import { listServices } from './services';
import { listStaff, verifyStaffPin } from './staff';
import { listStations } from './stations';

describe('fillDemoCatalogue', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-'));
  const db = openDatabase(dir);
  afterAll(() => {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fills stations, services and staff with PINs, returning the staff ids in order', async () => {
    const ids = fillDemoCatalogue(db, Date.UTC(2026, 10, 23));
    expect(ids).toHaveLength(DEMO_STAFF.length);

    const stations = listStations(db);
    expect(stations).toHaveLength(12);
    expect(stations.every((s) => s.name.endsWith('驿站'))).toBe(true);
    expect(stations.filter((s) => !s.hours['7'])).toHaveLength(3);
    for (const s of stations) for (const d of Object.values(s.hours)) expect(d && d.open < d.close).toBe(true);

    const services = listServices(db);
    expect(services.map((s) => s.prefix)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(services.every((s) => s.timeLimitDays >= 1 && s.timeLimitDays <= 10 && s.counters.length > 0)).toBe(true);
    const stationIds = new Set(stations.map((s) => s.id));
    expect(services.flatMap((s) => s.stationIds).every((id) => stationIds.has(id))).toBe(true);

    const staff = listStaff(db);
    expect(new Set(staff.map((s) => s.id))).toEqual(new Set(ids));
    expect(staff.every((s) => s.hasPin && s.phoneMasked !== null && s.roles.length > 0)).toBe(true);
    expect(staff.find((s) => s.id === ids[0])!.roles).toEqual(['前台']);
    expect(await verifyStaffPin(db, ids[2]!, DEMO_STAFF[2]!.pin)).toBe(true);
    expect(await verifyStaffPin(db, ids[2]!, DEMO_STAFF[3]!.pin)).toBe(false);
  });
});
