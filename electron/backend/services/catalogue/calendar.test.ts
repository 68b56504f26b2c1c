import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/open';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { ensureCalendarSeeded, PACKAGED_SOURCE } from './calendar';

const FILE_2027 = {
  years: {
    '2027': {
      holidays: { '2027-01-01': '元旦', '2027-02-05': '春节', '2027-02-08': '春节', '2027-02-09': '春节' },
      workdays: { '2027-02-07': '春节调休' },
    },
  },
};

describe('ensureCalendarSeeded', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-cal-'));
  const db = openDatabase(dir);
  afterAll(() => {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const count = (where = '1') => (db.prepare(`SELECT count(*) n FROM calendar_days WHERE ${where}`).get() as { n: number }).n;

  it('fills an empty table from the packaged official data, once', () => {
    expect(PACKAGED_SOURCE).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
    const added = ensureCalendarSeeded(db);
    expect(added).toBeGreaterThan(700);
    expect(count()).toBe(added);
    expect(db.prepare("SELECT * FROM calendar_days WHERE date = '2025-10-01'").get()).toEqual({ date: '2025-10-01', kind: 'holiday', name: '国庆节', source: PACKAGED_SOURCE });
    expect(db.prepare("SELECT * FROM calendar_days WHERE date = '2025-09-28'").get()).toEqual({ date: '2025-09-28', kind: 'workday', name: '国庆节调休', source: PACKAGED_SOURCE });
    expect(ensureCalendarSeeded(db)).toBe(0);
    expect(count()).toBe(added);
  });

  it('adds only the years missing, never touching a year already there', () => {
    db.prepare("DELETE FROM calendar_days WHERE date LIKE '2026-%'").run();
    db.prepare("UPDATE calendar_days SET source = 'import' WHERE date LIKE '2025-%'").run();
    const added = ensureCalendarSeeded(db);
    expect(added).toBe(count("date LIKE '2026-%'"));
    expect(added).toBeGreaterThan(30);
    expect(count("date LIKE '2025-%' AND source != 'import'")).toBe(0);
  });
});

describe('calendar calls', () => {
  let t: TestBackend;
  const call = (method: string, input: unknown) => t.backend.dispatch(t.admin, method, input);
  const snapshot = () => ({
    days: t.backend.db.prepare('SELECT * FROM calendar_days ORDER BY date').all(),
    audits: (t.backend.db.prepare("SELECT count(*) n FROM audit_log WHERE action = 'calendar.import'").get() as { n: number }).n,
  });

  beforeAll(async () => {
    t = await makeTestBackend();
    ensureCalendarSeeded(t.backend.db);
  });
  afterAll(() => t.close());

  it('lists a year with its source', async () => {
    const r = await t.ok(t.admin, 'calendar.list', { year: 2025 });
    expect(r.source).toBe(PACKAGED_SOURCE);
    expect(r.days).toContainEqual({ date: '2025-10-08', kind: 'holiday', name: '国庆节' });
    expect(r.days).toContainEqual({ date: '2025-10-11', kind: 'workday', name: '国庆节调休' });
    expect(r.days.map((d: { date: string }) => d.date)).toEqual([...r.days.map((d: { date: string }) => d.date)].sort());
    expect(await t.ok(t.admin, 'calendar.list', { year: 2099 })).toEqual({ days: [], source: '' });
  });

  it('adds working days over the real National Day holiday', async () => {
    expect(await t.ok(t.admin, 'calendar.addWorkingDays', { from: '2025-09-30', days: 1 })).toEqual({ date: '2025-10-09' });
    expect(await t.ok(t.admin, 'calendar.addWorkingDays', { from: '2025-09-26', days: 1 })).toEqual({ date: '2025-09-28' });
    expect(await t.ok(t.admin, 'calendar.addWorkingDays', { from: '2026-10-03', days: 0 })).toEqual({ date: '2026-10-08' });
    const duty = await t.loginAs('duty');
    expect(await t.ok(duty, 'calendar.addWorkingDays', { from: '2026-09-30', days: 3 })).toEqual({ date: '2026-10-10' });
  });

  it('refuses a start date that does not exist', async () => {
    expect(await call('calendar.addWorkingDays', { from: '2026-02-30', days: 1 })).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'validation.badDate', field: 'from' } });
    expect(await call('calendar.addWorkingDays', { from: '2026/02/01', days: 1 })).toMatchObject({ ok: false, error: { key: 'validation.badDate', field: 'from' } });
  });

  it('imports a year from a file, replacing only that year, audited', async () => {
    const before2026 = await t.ok(t.admin, 'calendar.list', { year: 2026 });
    expect(await t.ok(t.admin, 'calendar.import', { json: JSON.stringify(FILE_2027) })).toEqual({ years: [2027], days: 5 });
    expect(await t.ok(t.admin, 'calendar.list', { year: 2027 })).toEqual({
      source: 'import',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-05', kind: 'holiday', name: '春节' },
        { date: '2027-02-07', kind: 'workday', name: '春节调休' },
        { date: '2027-02-08', kind: 'holiday', name: '春节' },
        { date: '2027-02-09', kind: 'holiday', name: '春节' },
      ],
    });
    expect(await t.ok(t.admin, 'calendar.list', { year: 2026 })).toEqual(before2026);
    expect(await t.ok(t.admin, 'calendar.addWorkingDays', { from: '2027-02-04', days: 1 })).toEqual({ date: '2027-02-07' });
    expect(snapshot().audits).toBe(1);

    const again = { years: { '2027': { holidays: { '2027-01-01': ' 元旦 ' } } } };
    expect(await t.ok(t.admin, 'calendar.import', { json: JSON.stringify(again) })).toEqual({ years: [2027], days: 1 });
    expect((await t.ok(t.admin, 'calendar.list', { year: 2027 })).days).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
  });

  const bad = (years: unknown) => JSON.stringify({ years });
  it.each([
    ['not JSON', '{"years": ', 'calendar.file.invalid', { detail: 'JSON' }],
    ['no years object', JSON.stringify({ holidays: {} }), 'calendar.file.invalid', { detail: 'years' }],
    ['years as a list', JSON.stringify({ years: [2027] }), 'calendar.file.invalid', { detail: 'years' }],
    ['no year at all', bad({}), 'calendar.file.noYears', undefined],
    ['a year that is not one', bad({ '27': FILE_2027.years['2027'] }), 'calendar.file.badYear', { year: '27' }],
    ['a year out of range', bad({ '1999': FILE_2027.years['2027'] }), 'calendar.file.badYear', { year: '1999' }],
    ['a year that is not an object', bad({ '2027': [] }), 'calendar.file.invalid', { detail: 'years.2027' }],
    ['holidays missing', bad({ '2027': { workdays: {} } }), 'calendar.file.invalid', { detail: 'years.2027.holidays' }],
    ['no holidays', bad({ '2027': { holidays: {} } }), 'calendar.file.noHolidays', { year: '2027' }],
    ['an unknown key', bad({ '2027': { holidays: { '2027-01-01': '元旦' }, workday: {} } }), 'calendar.file.invalid', { detail: 'years.2027.workday' }],
    ['30 February', bad({ '2027': { holidays: { '2027-01-01': '元旦', '2027-02-30': '春节' } } }), 'calendar.file.badDate', { year: '2027', date: '2027-02-30' }],
    ['month 13', bad({ '2027': { holidays: { '2027-13-01': '元旦' } } }), 'calendar.file.badDate', { year: '2027', date: '2027-13-01' }],
    ['a loose date', bad({ '2027': { holidays: { '2027-1-1': '元旦' } } }), 'calendar.file.badDate', { year: '2027', date: '2027-1-1' }],
    ['a date of another year', bad({ '2027': { holidays: { '2027-01-01': '元旦' }, workdays: { '2026-12-31': '调休' } } }), 'calendar.file.wrongYear', { year: '2027', date: '2026-12-31' }],
    ['a day both off and worked', bad({ '2027': { holidays: { '2027-01-01': '元旦' }, workdays: { '2027-01-01': '调休' } } }), 'calendar.file.bothKinds', { date: '2027-01-01' }],
    ['a name that is not text', bad({ '2027': { holidays: { '2027-01-01': 1 } } }), 'calendar.file.invalid', { detail: 'years.2027.holidays.2027-01-01' }],
    ['an empty name', bad({ '2027': { holidays: { '2027-01-01': ' ' } } }), 'calendar.file.invalid', { detail: 'years.2027.holidays.2027-01-01' }],
  ])('refuses a file with %s and writes nothing', async (_what, json, key, params) => {
    const before = snapshot();
    const r = await call('calendar.import', { json });
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', key, field: 'json', ...(params ? { params } : {}) } });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a file where a later year is bad, keeping the good earlier year unwritten too', async () => {
    const before = snapshot();
    const json = bad({ '2028': { holidays: { '2028-01-01': '元旦' } }, '2029': { holidays: { '2029-02-29': '元旦' } } });
    expect(await call('calendar.import', { json })).toMatchObject({ ok: false, error: { key: 'calendar.file.badDate', params: { date: '2029-02-29' } } });
    expect(snapshot()).toEqual(before);
  });

  it('lets only an admin import', async () => {
    const desk = await t.loginAs('desk');
    expect(await t.backend.dispatch(desk, 'calendar.import', { json: JSON.stringify(FILE_2027) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
