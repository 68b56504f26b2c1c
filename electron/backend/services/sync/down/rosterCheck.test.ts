import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionSlot } from '../../../context';
import { createSecretStore } from '../../../secrets/secretStore';
import { makeTestBackend, type TestBackend } from '../../../testSupport';
import { idNumberFor } from '../../cards/testFixture';
import { makeTestCard, type TestCard } from '../../cards/testCards';
import { ID_HASH_KEY_SECRET } from '../config';
import { idNumberHash } from '../signing';
import { applyPulledPage } from './apply';

const key = randomBytes(32).toString('base64');
const HEAD_ID = idNumberFor('1950-03-04', 11);
const SPOUSE_ID = idNumberFor('1952-06-01', 12);

let t: TestBackend;
let desk: SessionSlot;
let card: TestCard;
beforeEach(async () => {
  t = await makeTestBackend();
  desk = await t.loginAs('desk');
  card = await makeTestCard(t, { name: '王大明' });
  const db = t.backend.db;
  db.prepare(`UPDATE residents SET id_number = ? WHERE id = ?`).run(HEAD_ID, card.holderResidentId);
  const spouse = await t.ok(t.admin, 'residents.create', { name: '刘桂兰', gender: 'F', idNumber: SPOUSE_ID });
  db.prepare(`INSERT INTO household_members (household_id, resident_id, relation) VALUES (?, ?, '配偶')`).run(card.householdId, spouse.id);
});
afterEach(() => t.close());

const check = () => t.ok(desk, 'sync.rosterCheck', { householdId: card.householdId });
const pull = (stream: 'roster' | 'otherCards', records: unknown[]) => applyPulledPage(t.backend.db, stream, records, 'c', t.clock.now());
const rosterRecord = (id: string, idNumber: string, extra: Record<string, unknown> = {}) => ({
  id,
  rev: 1,
  version: 1,
  idHash: idNumberHash(key, idNumber),
  householdSize: 2,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  removed: false,
  ...extra,
});

describe('sync.rosterCheck', () => {
  it('says "not known" before the roster was ever pulled', async () => {
    expect(await check()).toEqual({ rosterKnown: false, onRoster: null, otherCards: [] });
    createSecretStore(t.dir).set(ID_HASH_KEY_SECRET, Buffer.from(key, 'utf8'));
    expect((await check()).rosterKnown).toBe(false);
    pull('roster', []);
    expect(await check()).toEqual({ rosterKnown: true, onRoster: null, otherCards: [] });
  });

  it('finds a member on the roster (valid today, not removed) and masks other centres’ card numbers', async () => {
    createSecretStore(t.dir).set(ID_HASH_KEY_SECRET, Buffer.from(key, 'utf8'));
    pull('roster', [
      rosterRecord('old', HEAD_ID, { validFrom: '2025-01-01', validTo: '2025-12-31', householdSize: 4 }),
      rosterRecord('gone', HEAD_ID, { removed: true, householdSize: 5 }),
      rosterRecord('now', SPOUSE_ID, { householdSize: 2 }),
      rosterRecord('someone-else', idNumberFor('1960-01-01', 13), { householdSize: 1 }),
    ]);
    pull('otherCards', [
      { id: 'o1', rev: 1, version: 1, idHash: idNumberHash(key, SPOUSE_ID), centreCode: 'C-02', centreName: '东街社区服务中心', cardNo: 'DJ20250042', status: 'active' },
      { id: 'o2', rev: 1, version: 1, idHash: idNumberHash(key, idNumberFor('1960-01-01', 13)), centreCode: 'C-03', centreName: '西街', cardNo: 'XJ1', status: 'active' },
    ]);
    expect(await check()).toEqual({
      rosterKnown: true,
      onRoster: { householdSize: 2, validFrom: '2026-01-01', validTo: '2026-12-31' },
      otherCards: [{ centreName: '东街社区服务中心', cardNoMasked: 'DJ****0042', status: 'active' }],
    });
    // Removed from the roster by a later revision: no longer on it.
    pull('roster', [rosterRecord('now', SPOUSE_ID, { rev: 2, removed: true })]);
    expect((await check()).onRoster).toBeNull();
  });

  it('an unknown household is refused with a plain message', async () => {
    const r = await t.backend.dispatch(desk, 'sync.rosterCheck', { householdId: card.holderResidentId });
    expect(r).toMatchObject({ ok: false, error: { key: 'household.notFound' } });
  });
});
