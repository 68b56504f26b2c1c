import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { makeAppointmentsFixture } from '../appointments/testFixture';
import { idNumberFor } from '../cards/testFixture';
import { makeTestCard } from '../cards/testCards';
import { makeRequestsFixture } from '../requests/testFixture';
import { applyPulledPage } from './down/apply';
import { encodeForPush, type OutboxRow } from './encode';
import { checkUpPayload } from './protocol';
import { idNumberHash } from './signing';

const key = { idHashKey: randomBytes(32).toString('base64'), idHashKeyId: 'k2026' };
const outbox = (db: Db) => db.prepare(`SELECT * FROM outbox ORDER BY seq`).all() as OutboxRow[];
let close: (() => void) | null = null;
afterEach(() => close?.());

/** Every entry encodes and passes the protocol's own check; returns the entries by stream. */
function encodeAll(db: Db) {
  const { entries, unencodable } = encodeForPush(db, outbox(db), key);
  for (const e of entries) expect(checkUpPayload(e), `${e.stream}/${e.kind}: ${JSON.stringify(e.payload)}`).toBeNull();
  return { entries, unencodable };
}

describe('encodeForPush over what the real services write', () => {
  it('requests, cards and purchases: hashes the holder, adds service name and origin, all pass checkUpPayload', async () => {
    const f = await makeRequestsFixture();
    close = () => f.t.close();
    const db = f.t.backend.db;
    const t = f.t;

    // requests: an escalated one through its life, and a county dispatch
    const r = await f.ok('requests.create', { serviceId: f.serviceId, channel: 'window', description: '咨询低保', mode: 'escalated', department: '民政局' }, f.desk);
    await f.ok('requests.start', { id: r.id }, f.desk);
    await f.ok('requests.resolve', { id: r.id, resolution: '已答复' }, f.desk);
    await f.ok('requests.feedback', { id: r.id, satisfaction: 'satisfied' }, f.desk);
    applyPulledPage(db, 'dispatch', [{ id: 'd1', rev: 1, version: 1, ref: 'XJ-1', title: '标题'.repeat(50), description: '长'.repeat(2000), department: null, serviceCode: null, dueDate: '2026-11-30', dispatchedAt: 1, state: 'active' }], 'c', t.clock.now());

    // cards: issued, suspended, resumed, replaced, renewed, revoked — the holder with an ID number
    const card = await makeTestCard(t, { name: '王大明' });
    const idNumber = idNumberFor('1950-03-04', 7);
    db.prepare(`UPDATE residents SET id_number = ? WHERE id = ?`).run(idNumber, card.holderResidentId);
    await t.ok(t.admin, 'cards.suspend', { id: card.id, reason: '外出' });
    await t.ok(t.admin, 'cards.resume', { id: card.id, note: '已回来' });
    const replaced = await t.ok(t.admin, 'cards.replace', { id: card.id, reason: '丢失' });
    const renewed = await t.backend.dispatch(t.admin, 'cards.renew', { id: replaced.id, note: '年审' });
    await t.ok(t.admin, 'cards.revoke', { id: replaced.id, reason: '迁出' });

    // purchases: one bought and voided at a partner's till
    const other = await makeTestCard(t, { name: '李小红', monthlyCapFen: null });
    const partner = await t.loginAs('partner');
    const v = await t.ok(partner, 'till.verify', { code: other.code });
    await t.ok(partner, 'till.purchase', { purchaseId: v.purchaseId!, code: other.code, amountFen: 1_000, expectedDiscountFen: 100 });
    await t.ok(partner, 'till.void', { id: v.purchaseId!, reason: '输错金额' });

    const { entries, unencodable } = encodeAll(db);
    const kinds = new Set(entries.map((e) => `${e.stream}/${e.kind}`));
    for (const k of ['requests/request.status', 'cards/issued', 'cards/suspended', 'cards/resumed', 'cards/replaced', 'cards/revoked', 'purchases/purchase', 'purchases/void']) {
      expect(kinds, k).toContain(k);
    }
    if (renewed.ok) expect(kinds).toContain('cards/renewed');

    const cardEntries = entries.filter((e) => e.stream === 'cards' && e.recordId === card.id);
    expect(cardEntries.length).toBeGreaterThan(0);
    for (const e of cardEntries) expect(e.payload).toMatchObject({ holderIdHash: idNumberHash(key.idHashKey, idNumber), idHashKeyId: 'k2026' });
    // The ID number itself never goes into an entry.
    expect(JSON.stringify(entries)).not.toContain(idNumber);
    // The second card's holder has no ID number: its events cannot go up and say why.
    expect(unencodable.length).toBeGreaterThan(0);
    for (const u of unencodable) expect(u).toMatchObject({ code: 'no_id_number' });
    expect(unencodable.map((u) => u.reason)[0]).toContain('身份证号');

    const req = entries.filter((e) => e.stream === 'requests' && e.recordId === r.id);
    expect(req.map((e) => (e.payload as { status: string }).status)).toEqual(['received', 'assigned', 'in_progress', 'resolved', 'closed']);
    for (const e of req) expect(e.payload).toMatchObject({ serviceName: '低保咨询', originRef: null, description: '咨询低保' });
    const dispatched = entries.find((e) => e.stream === 'requests' && (e.payload as { channel: string }).channel === 'county')!;
    expect(dispatched.payload).toMatchObject({ originRef: 'XJ-1', serviceName: '县级平台交办' });
  });

  it('appointments pass checkUpPayload', async () => {
    const f = await makeAppointmentsFixture();
    close = () => f.t.close();
    const a = await f.ok('appointments.book', { stationServiceId: f.haircut, day: '2026-09-15', startMinute: 620, residentId: f.zhang }, f.desk);
    await f.ok('appointments.cancel', { id: a.id, reason: '改天' }, f.desk);
    const { entries, unencodable } = encodeAll(f.t.backend.db);
    expect(unencodable).toEqual([]);
    expect(entries.filter((e) => e.stream === 'appointments').map((e) => (e.payload as { action: string }).action)).toEqual(['booked', 'cancelled']);
  });

  it('encodes 20,000 rows a second or more', async () => {
    const f = await makeRequestsFixture();
    close = () => f.t.close();
    const db = f.t.backend.db;
    const card = await makeTestCard(f.t);
    db.prepare(`UPDATE residents SET id_number = ? WHERE id = ?`).run(idNumberFor('1950-03-04', 8), card.holderResidentId);
    const r = await f.ok('requests.create', { serviceId: f.serviceId, channel: 'window', description: '咨询', mode: 'immediate' }, f.desk);
    const sample = outbox(db);
    const rows: OutboxRow[] = [];
    for (let i = 0; rows.length < 20_000; i++) rows.push({ ...sample[i % sample.length]!, id: `e${i}` });
    expect(rows.some((x) => x.record_id === r.id)).toBe(true);
    encodeForPush(db, rows.slice(0, 500), key);
    const start = performance.now();
    for (let i = 0; i < rows.length; i += 500) encodeForPush(db, rows.slice(i, i + 500), key);
    const perSecond = rows.length / ((performance.now() - start) / 1000);
    console.info(`encodeForPush: ${Math.round(perSecond)} rows/s`);
    expect(perSecond).toBeGreaterThan(20_000);
  });
});
