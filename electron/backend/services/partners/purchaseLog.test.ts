import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../../shared/contract';
import { priceOf } from '../../../../shared/rules/money';
import type { SessionSlot } from '../../context';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { makeTestCard, type TestCard } from '../cards/testCards';
import { addTestPartner, exportPackage, fileOf, makePartnerPc, type PartnerPc } from './testExchange';

/**
 * The purchase log's way back: the till exports all of its purchases and deliveries, the centre
 * imports them by id. The same file twice adds nothing; a void made after the first import comes
 * with the next file; one bad row refuses the whole file.
 */

interface LogFile {
  centreCode: string;
  partnerId: string;
  purchases: Record<string, unknown>[];
  deliveries: Record<string, unknown>[];
}

describe('the purchase log', () => {
  let centre: TestBackend;
  let pc: PartnerPc;
  let shop: { id: string };
  let card: TestCard;
  let cashier: SessionSlot;
  let office: SessionSlot;
  let bought: Output<'till.purchase'>[];
  let firstFile: string;

  const db = () => centre.backend.db;
  const count = (sql: string, ...args: unknown[]) => db().prepare(sql).pluck().get(...args) as number;
  const importLog = (fileBase64: string) => centre.backend.dispatch(office, 'partners.importPurchases', { fileBase64 });
  const exportLog = async () => (await pc.ok(cashier, 'till.exportPurchases', {})).base64;
  const decode = (base64: string) => JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as LogFile;

  async function buy(amountFen: number) {
    const v = await pc.ok(cashier, 'till.verify', { code: card.code });
    const { discountFen } = priceOf({ benefit: v.benefit!, amountFen, costFen: null, capLeftFen: v.capLeftFen });
    return pc.ok(cashier, 'till.purchase', { purchaseId: v.purchaseId!, code: card.code, amountFen, expectedDiscountFen: discountFen });
  }

  /** Refused with this key (and these params), and nothing at the centre changed. */
  async function refused(fileBase64: string, key: string, params?: Record<string, unknown>) {
    const before = [count('SELECT count(*) FROM purchases'), count('SELECT count(*) FROM outbox'), count('SELECT count(*) FROM deliveries')];
    const r = await importLog(fileBase64);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', key, field: 'fileBase64', ...(params ? { params } : {}) } });
    expect([count('SELECT count(*) FROM purchases'), count('SELECT count(*) FROM outbox'), count('SELECT count(*) FROM deliveries')]).toEqual(before);
  }

  beforeAll(async () => {
    centre = await makeTestBackend();
    shop = await addTestPartner(centre, '惠民超市', 'huimin1');
    card = await makeTestCard(centre, { name: '张小芳', monthlyCapFen: 10_000, delivery: true });
    pc = makePartnerPc(centre.clock);
    await pc.ok({ sessionId: null }, 'system.setupPartner', { fileBase64: (await exportPackage(centre, shop.id)).base64 });
    cashier = await pc.login('huimin1');
    office = await centre.loginAs('desk');
    bought = [];
    for (const amount of [3_000, 4_550, 5_000]) {
      bought.push(await buy(amount));
      centre.clock.advance(60_000);
    }
  });
  afterAll(() => {
    pc?.close();
    centre?.close();
  });

  it('goes from the till to the centre: every purchase added, the cap carried over the 100-yuan line exactly', async () => {
    // 30.00 + 45.50 fill 75.50 of the 100.00 cap; of the 50.00 only 24.50 still gets the 10 %.
    expect(bought.map((p) => [p.eligibleFen, p.discountFen, p.payFen])).toEqual([
      [3_000, 300, 2_700],
      [4_550, 455, 4_095],
      [2_450, 245, 4_755],
    ]);
    await pc.ok(cashier, 'till.requestDelivery', { cardNo: card.cardNo, address: '幸福路1号3单元201', purchaseId: bought[2]!.id });
    expect((await pc.ok(cashier, 'till.status', {})).unexportedPurchases).toBe(3);
    firstFile = await exportLog();
    expect((await pc.ok(cashier, 'till.status', {})).unexportedPurchases).toBe(0);
    const outboxBefore = count('SELECT count(*) FROM outbox');

    expect(await centre.ok(office, 'partners.importPurchases', { fileBase64: firstFile })).toEqual({
      partnerName: '惠民超市',
      added: 3,
      alreadyHad: 0,
      voidsApplied: 0,
      deliveries: 1,
      unknownCards: 0,
    });
    const rows = db().prepare('SELECT id, card_no, partner_id, amount_fen, discount_fen, pay_fen FROM purchases ORDER BY at').all();
    expect(rows).toEqual(
      bought.map((p) => ({ id: p.id, card_no: card.cardNo, partner_id: shop.id, amount_fen: p.amountFen, discount_fen: p.discountFen, pay_fen: p.payFen })),
    );
    // The county hears of each purchase once, by card number and amounts: no name, no address.
    const outbox = db().prepare(`SELECT payload FROM outbox WHERE stream = 'purchases'`).pluck().all() as string[];
    expect(count('SELECT count(*) FROM outbox') - outboxBefore).toBe(3);
    for (const payload of outbox) expect(payload).not.toMatch(/张|芳|幸福路|maskedName|address/);
    expect((await centre.ok(office, 'partners.list', {}))[0]!.lastImportAt).toBe(centre.clock.now());
    expect((await centre.ok(office, 'cardReports.purchases', { month: '2026-11' })).total).toBe(3);
  });

  it('the same file again adds nothing', async () => {
    const before = db().prepare('SELECT * FROM purchases ORDER BY id').all();
    const outbox = count('SELECT count(*) FROM outbox');
    expect(await centre.ok(office, 'partners.importPurchases', { fileBase64: firstFile })).toMatchObject({
      added: 0,
      alreadyHad: 3,
      voidsApplied: 0,
      deliveries: 0,
    });
    expect(db().prepare('SELECT * FROM purchases ORDER BY id').all()).toEqual(before);
    expect(count('SELECT count(*) FROM outbox')).toBe(outbox);
  });

  it('a void made after the first import arrives with the next file, with the delivery’s new status', async () => {
    await pc.ok(cashier, 'till.void', { id: bought[1]!.id, reason: '顾客退货' });
    const delivery = (await pc.ok(cashier, 'till.deliveries', {}))[0]!;
    centre.clock.advance(1_000);
    await pc.ok(cashier, 'till.setDeliveryStatus', { id: delivery.id, status: 'delivered' });
    const fourth = await buy(1_000);
    expect(await centre.ok(office, 'partners.importPurchases', { fileBase64: await exportLog() })).toMatchObject({
      added: 1,
      alreadyHad: 3,
      voidsApplied: 1,
      deliveries: 1,
    });
    expect(db().prepare('SELECT void_reason FROM purchases WHERE id = ?').pluck().get(bought[1]!.id)).toBe('顾客退货');
    expect(db().prepare('SELECT status FROM deliveries WHERE id = ?').pluck().get(delivery.id)).toBe('delivered');
    expect(count('SELECT count(*) FROM purchases WHERE id = ?', fourth.id)).toBe(1);
    // And the first file again does not undo the void.
    await centre.ok(office, 'partners.importPurchases', { fileBase64: firstFile });
    expect(count('SELECT count(*) FROM purchases WHERE voided_at IS NOT NULL')).toBe(1);
  });

  it('the next package for another partner carries what this card spent here against its cap', async () => {
    const other = await addTestPartner(centre, '便民粮油店', 'bianmin1');
    const pkg = await exportPackage(centre, other.id);
    const usage = (pkg.body as { usage: { month: string; byCard: Record<string, number> } }).usage;
    const spent = count('SELECT sum(eligible_fen) FROM purchases WHERE card_no = ? AND voided_at IS NULL', card.cardNo);
    expect(usage).toEqual({ month: '2026-11', byCard: { [card.cardNo]: spent } });
    expect(spent).toBe(3_000 + 2_450 + 1_000);
    // The package for the shop where it was spent does not count it twice.
    expect((await exportPackage(centre, shop.id)).body).toMatchObject({ usage: { byCard: {} } });
  });

  it('a bad row refuses the whole file, naming the row', async () => {
    const log = decode(firstFile);
    const bad = { ...log, purchases: log.purchases.map((p, i) => (i === 1 ? { ...p, amountFen: -5 } : p)) };
    await refused(fileOf(bad), 'purchases.badRow', { row: 2 });
    const cheat = { ...log, purchases: log.purchases.map((p, i) => (i === 2 ? { ...p, discountFen: 9_999 } : p)) };
    await refused(fileOf(cheat), 'purchases.badRow', { row: 3 });
    const badDelivery = { ...log, deliveries: [{ ...log.deliveries[0], status: 'lost' }] };
    await refused(fileOf(badDelivery), 'purchases.badDelivery', { row: 1 });
  });

  it('refuses a file that is not a purchase log, one of another centre and one of a partner it does not know', async () => {
    await refused(Buffer.from('not a log').toString('base64'), 'purchases.unreadable');
    await refused((await exportPackage(centre, shop.id)).base64, 'purchases.unreadable');
    const log = decode(firstFile);
    await refused(fileOf({ ...log, centreCode: 'C999' }), 'purchases.otherCentre');
    await refused(fileOf({ ...log, partnerId: '0190aaaa-0000-7000-8000-000000000000' }), 'purchases.unknownPartner');
  });

  it('counts purchases of card numbers the centre does not know, and keeps them', async () => {
    const log = decode(firstFile);
    const stranger = { ...log.purchases[0], id: '0190bbbb-0000-7000-8000-000000000001', cardNo: '9999999999' };
    expect(await centre.ok(office, 'partners.importPurchases', { fileBase64: fileOf({ ...log, purchases: [stranger] }) })).toMatchObject({
      added: 1,
      unknownCards: 1,
    });
  });

  it('only the till exports and only the centre’s office imports', async () => {
    expect(await centre.backend.dispatch(centre.admin, 'till.exportPurchases', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await pc.call(cashier, 'partners.importPurchases', { fileBase64: firstFile })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const duty = await centre.loginAs('duty');
    expect(await centre.backend.dispatch(duty, 'partners.importPurchases', { fileBase64: firstFile })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const centreCashier = await centre.loginAs('partner');
    expect(await centre.backend.dispatch(centreCashier, 'till.exportPurchases', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'purchases.exportAtCentre' },
    });
  });
});
