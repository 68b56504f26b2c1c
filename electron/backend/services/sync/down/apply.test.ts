import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/open';
import { makeTestBackend, type TestBackend } from '../../../testSupport';
import { applyPulledPage, resetCursor, retryParkedDown } from './apply';

const HASH = (n: number) => n.toString(16).padStart(64, '0');
const roster = (id: string, rev: number, extra: Record<string, unknown> = {}) => ({
  id,
  rev,
  version: 1,
  idHash: HASH(Number(id.replace(/\D/g, '')) || 1),
  householdSize: 2,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  removed: false,
  ...extra,
});

let t: TestBackend;
let db: Db;
const now = () => t.clock.now();
const count = (table: string) => (db.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
const cursorOf = (stream: string) => db.prepare(`SELECT cursor, records_applied FROM sync_cursors WHERE stream = ?`).get(stream) as
  | { cursor: string | null; records_applied: number }
  | undefined;

beforeEach(async () => {
  t = await makeTestBackend();
  db = t.backend.db;
});
afterEach(() => t.close());

describe('applyPulledPage', () => {
  it('applies each revision once, whatever duplicates and reordering the page holds', () => {
    const page = [roster('r1', 1), roster('r2', 1), roster('r1', 1), roster('r1', 2, { householdSize: 5 }), roster('r2', 1)];
    const r = applyPulledPage(db, 'roster', page, 'c1', now());
    expect(r).toMatchObject({ applied: 3, skipped: 2, parked: 0 });
    expect(r.topics).toEqual(['sync']);
    expect(db.prepare(`SELECT household_size FROM county_roster WHERE record_id = 'r1'`).get()).toEqual({ household_size: 5 });

    // An older revision arriving late (and the same page again) changes nothing.
    const again = applyPulledPage(db, 'roster', [roster('r1', 1, { householdSize: 9 }), ...page], 'c2', now());
    expect(again).toMatchObject({ applied: 0, skipped: 6 });
    expect(db.prepare(`SELECT household_size FROM county_roster WHERE record_id = 'r1'`).get()).toEqual({ household_size: 5 });
    expect(cursorOf('roster')).toEqual({ cursor: 'c2', records_applied: 3 });
    expect(count('county_roster')).toBe(2);
  });

  it('parks a record of the wrong type or an unknown version, with a plain reason, and applies the rest', () => {
    const bad = roster('r2', 1, { householdSize: '两人' });
    const future = roster('r3', 1, { version: 2 });
    const r = applyPulledPage(db, 'roster', [roster('r1', 1), bad, future, 'not even an object', roster('r4', 1)], 'c1', now());
    expect(r).toMatchObject({ applied: 2, parked: 3 });
    const parked = db.prepare(`SELECT record_id, code, reason FROM sync_parked_down ORDER BY id`).all() as { record_id: string | null; code: string; reason: string }[];
    expect(parked.map((p) => [p.record_id, p.code])).toEqual([
      ['r2', 'invalid_record'],
      ['r3', 'unknown_version'],
      [null, 'invalid_record'],
    ]);
    expect(parked[0]!.reason).toContain('householdSize');
    expect(parked[1]!.reason).toContain('版本');
    expect(cursorOf('roster')?.cursor).toBe('c1');
    // The same bad record delivered again is not parked twice.
    expect(applyPulledPage(db, 'roster', [bad], 'c2', now())).toMatchObject({ parked: 0, skipped: 1 });
    expect(count('sync_parked_down')).toBe(3);
  });

  it('moves the cursor with the records in one transaction: an error mid-page leaves both as they were', () => {
    applyPulledPage(db, 'roster', [roster('r1', 1)], 'c1', now());
    db.exec(`CREATE TRIGGER fail_r3 BEFORE INSERT ON county_roster WHEN NEW.record_id = 'r3' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`);
    expect(() => applyPulledPage(db, 'roster', [roster('r2', 1), roster('r1', 2, { removed: true }), roster('r3', 1)], 'c2', now())).toThrow(/disk trouble/);
    expect(cursorOf('roster')).toEqual({ cursor: 'c1', records_applied: 1 });
    expect(count('county_roster')).toBe(1);
    expect(db.prepare(`SELECT removed FROM county_roster WHERE record_id = 'r1'`).get()).toEqual({ removed: 0 });
    expect(db.prepare(`SELECT rev FROM sync_applied WHERE record_id = 'r1'`).get()).toEqual({ rev: 1 });
    db.exec(`DROP TRIGGER fail_r3`);
    expect(applyPulledPage(db, 'roster', [roster('r2', 1), roster('r1', 2, { removed: true }), roster('r3', 1)], 'c2', now()).applied).toBe(3);
    expect(cursorOf('roster')).toEqual({ cursor: 'c2', records_applied: 4 });
  });

  it('resetCursor starts the stream again; records already applied are skipped', () => {
    applyPulledPage(db, 'roster', [roster('r1', 1)], 'c9', now());
    resetCursor(db, 'roster');
    expect(cursorOf('roster')).toEqual({ cursor: null, records_applied: 1 });
    expect(applyPulledPage(db, 'roster', [roster('r1', 1), roster('r2', 1)], 'd1', now())).toMatchObject({ applied: 1, skipped: 1 });
  });

  it('retryParkedDown applies a parked record once it validates, and keeps it parked while it does not', () => {
    applyPulledPage(db, 'roster', [roster('r1', 1, { householdSize: 0 })], 'c1', now());
    const { id } = db.prepare(`SELECT id FROM sync_parked_down`).get() as { id: number };
    const still = retryParkedDown(db, id, now());
    expect(still).toMatchObject({ resolved: false, code: 'invalid_record' });
    // Someone fixes the body (as an upgrade that understands it would): the retry applies it.
    db.prepare(`UPDATE sync_parked_down SET body = ? WHERE id = ?`).run(JSON.stringify(roster('r1', 1, { householdSize: 3 })), id);
    expect(retryParkedDown(db, id, now())).toEqual({ resolved: true, applied: true });
    expect(db.prepare(`SELECT household_size FROM county_roster WHERE record_id = 'r1'`).get()).toEqual({ household_size: 3 });
    expect((db.prepare(`SELECT resolved_at FROM sync_parked_down WHERE id = ?`).get(id) as { resolved_at: number | null }).resolved_at).toBe(now());
    expect(retryParkedDown(db, id, now())).toBeNull();
  });

  it('the calendar: county days override, normal removes only a county day; topic calendar', () => {
    db.prepare(`INSERT INTO calendar_days (date, kind, name, source) VALUES ('2026-12-24', 'holiday', '中心自定', 'manual')`).run();
    const day = (id: string, rev: number, date: string, kind: string, name = '元旦') => ({ id, rev, version: 1, date, kind, name });
    const r = applyPulledPage(db, 'calendar', [day('d1', 1, '2027-01-01', 'holiday'), day('d2', 1, '2026-12-24', 'normal', '')], 'c', now());
    expect(r.topics).toEqual(['calendar', 'sync']);
    expect(db.prepare(`SELECT date, kind, source FROM calendar_days WHERE date IN ('2026-12-24', '2027-01-01') ORDER BY date`).all()).toEqual([
      { date: '2026-12-24', kind: 'holiday', source: 'manual' },
      { date: '2027-01-01', kind: 'holiday', source: 'county' },
    ]);
    applyPulledPage(db, 'calendar', [day('d1', 2, '2027-01-01', 'normal', '')], 'c2', now());
    expect(db.prepare(`SELECT count(*) n FROM calendar_days WHERE source = 'county'`).get()).toEqual({ n: 0 });
  });

  it('revocations and other centres’ cards land in their tables; topic cards', () => {
    const r = applyPulledPage(db, 'revocations', [{ id: 'v1', rev: 1, version: 1, cardNo: 'LX0001', centreCode: 'C-02', revokedAt: 1, reason: '重复办卡' }], 'c', now());
    expect(r.topics).toEqual(['cards', 'sync']);
    expect(db.prepare(`SELECT card_no, reason FROM county_revocations`).all()).toEqual([{ card_no: 'LX0001', reason: '重复办卡' }]);
    applyPulledPage(db, 'otherCards', [{ id: 'o1', rev: 1, version: 1, idHash: HASH(7), centreCode: 'C-02', centreName: '东街中心', cardNo: 'LX9', status: 'active' }], 'c', now());
    expect(count('county_other_cards')).toBe(1);
  });

  it('applies 20,000 roster records in pages of 500 at well over 5,000 a second', () => {
    const start = performance.now();
    for (let page = 0; page < 40; page++) {
      const records = Array.from({ length: 500 }, (_, i) => roster(`r${page * 500 + i + 1}`, 1));
      applyPulledPage(db, 'roster', records, `c${page}`, now());
    }
    const perSecond = 20_000 / ((performance.now() - start) / 1000);
    console.info(`applyPulledPage: ${Math.round(perSecond)} records/s`);
    expect(count('county_roster')).toBe(20_000);
    expect(perSecond).toBeGreaterThan(5_000);
  });
});
