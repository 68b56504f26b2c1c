import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSlot } from '../../context';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';
import { endorsementMessage } from '../cards/keys';
import { makeTestCard, type TestCard } from '../cards/testCards';
import { addTestPartner, exportPackage, fileOf, makePartnerPc, type PartnerPc } from './testExchange';

/**
 * The exchange without sync, end to end on two real backends: the centre exports a signed package,
 * a fresh PC becomes the partner's till from it, and every later package must be the centre's own,
 * unchanged and newer. Each refusal leaves the till exactly as it was.
 */

/** What a package changes on the till: keys, cards, accounts, settings. */
function tillState(pc: PartnerPc) {
  const db = pc.backend.db;
  return {
    keys: db.prepare('SELECT centre_code, key_id, hex(public_key) k FROM till_keys ORDER BY key_id').all(),
    cards: db.prepare('SELECT * FROM till_cards ORDER BY card_no').all(),
    users: db.prepare('SELECT username, password_hash, disabled, partner_id FROM users ORDER BY username').all(),
    settings: db.prepare('SELECT key, value FROM settings ORDER BY key').all(),
  };
}

describe('the partner package', () => {
  let centre: TestBackend;
  let pc: PartnerPc;
  let shop: { id: string; name: string };
  let card: TestCard;
  let cashier: SessionSlot;

  const importPkg = (base64: string) => pc.call(cashier, 'till.importPackage', { fileBase64: base64 });
  const verify = async (code: string) => (await pc.ok(cashier, 'till.verify', { code })).reason ?? 'ok';

  /** Refused with this key, and nothing on the till changed. */
  async function refused(base64: string, key: string) {
    const before = tillState(pc);
    expect(await importPkg(base64)).toMatchObject({ ok: false, error: { code: 'VALIDATION', key, field: 'fileBase64' } });
    expect(tillState(pc)).toEqual(before);
  }

  beforeAll(async () => {
    centre = await makeTestBackend();
    shop = await addTestPartner(centre, '惠民超市', 'huimin1');
    card = await makeTestCard(centre, { name: '张小芳', monthlyCapFen: 50_000, validFrom: '2026-11-01' });
    pc = makePartnerPc(centre.clock);
  });
  afterAll(() => {
    pc?.close();
    centre?.close();
  });

  it('sets up a fresh PC as the partner till; the verifier logs in with the password set at the centre and verifies a card', async () => {
    const pkg = await exportPackage(centre, shop.id);
    expect(pkg.file.fileName).toBe('爱心商户数据包-惠民超市-2026-11-23.json');
    const anon: SessionSlot = { sessionId: null };
    expect(await pc.ok(anon, 'system.setupPartner', { fileBase64: pkg.base64 })).toEqual({
      partnerName: '惠民超市',
      centreName: '测试中心',
      verifiers: ['huimin1'],
    });
    expect(await pc.ok(anon, 'system.status', {})).toMatchObject({ setupDone: true, mode: 'partner', centreName: '测试中心' });
    // Only once: a set-up PC cannot be taken over by another package or turned into a centre.
    expect(await pc.call(anon, 'system.setupPartner', { fileBase64: pkg.base64 })).toMatchObject({ ok: false, error: { key: 'setup.alreadyDone' } });
    expect(
      await pc.call(anon, 'system.setup', { centreName: 'x', username: 'boss', displayName: 'x', password: PASSWORD }),
    ).toMatchObject({ ok: false, error: { key: 'setup.alreadyDone' } });

    cashier = await pc.login('huimin1');
    const v = await pc.ok(cashier, 'till.verify', { code: card.code });
    expect(v).toMatchObject({ ok: true, cardNo: card.cardNo, maskedName: '张*芳', monthlyCapFen: 50_000, capLeftFen: 50_000 });
    expect(await pc.ok(cashier, 'till.status', {})).toMatchObject({ mode: 'partner', partnerName: '惠民超市', cardsKnown: 1 });
    // The package stamps the partner at the centre and is audited there.
    expect((await centre.ok(centre.admin, 'partners.list', {}))[0]).toMatchObject({ lastPackageAt: centre.clock.now(), verifierCount: 1 });
    const audit = await centre.ok(centre.admin, 'audit.list', { action: 'partner.package.export', limit: 5, offset: 0 });
    expect(audit.total).toBe(1);
  });

  it('refuses a file that is not a package', async () => {
    await refused(Buffer.from('这不是数据包').toString('base64'), 'package.unreadable');
    await refused(fileOf({ format: 'lianxin-purchase-log', version: 1 }), 'package.unreadable');
  });

  it('refuses a package with one byte of its body changed, or its signature changed', async () => {
    centre.clock.advance(60_000);
    const pkg = await exportPackage(centre, shop.id);
    // Turn a revoked card back on, the way someone might try: one character of the body.
    const bytes = Buffer.from(pkg.outer.body, 'base64');
    const at = bytes.indexOf(Buffer.from('"status":"active"')) + 10;
    bytes[at] = 'A'.charCodeAt(0);
    await refused(fileOf({ ...pkg.outer, body: bytes.toString('base64') }), 'package.badSignature');
    const sig = Buffer.from(pkg.outer.signature, 'base64');
    sig[5]! ^= 1;
    await refused(fileOf({ ...pkg.outer, signature: sig.toString('base64') }), 'package.badSignature');
    // A body that is no longer JSON at all.
    await refused(fileOf({ ...pkg.outer, body: Buffer.from(pkg.bodyText.slice(0, -1)).toString('base64') }), 'package.badSignature');
  });

  it('refuses a package of another centre, even one with the same centre code and a partner of the same name', async () => {
    const other = await makeTestBackend();
    try {
      const otherShop = await addTestPartner(other, '惠民超市', 'huimin1');
      await makeTestCard(other, { name: '李四' });
      await refused((await exportPackage(other, otherShop.id)).base64, 'package.untrusted');
      const s = await other.ok(other.admin, 'settings.get', {});
      await other.ok(other.admin, 'settings.update', { ...s, centreCode: 'C999' });
      await refused((await exportPackage(other, otherShop.id)).base64, 'package.otherCentre');
    } finally {
      other.close();
    }
  });

  it('refuses a package for another partner of the same centre', async () => {
    const second = await addTestPartner(centre, '便民粮油店', 'bianmin1');
    centre.clock.advance(60_000);
    await refused((await exportPackage(centre, second.id)).base64, 'package.otherPartner');
  });

  it('refuses an older package (and the one in use again): it would bring revoked cards back', async () => {
    centre.clock.advance(60_000);
    const older = await exportPackage(centre, shop.id);
    centre.clock.advance(60_000);
    const newer = await exportPackage(centre, shop.id);
    expect(await importPkg(newer.base64)).toMatchObject({ ok: true, value: { packageIssuedAt: centre.clock.now() } });
    await refused(older.base64, 'package.older');
    await refused(newer.base64, 'package.older');
  });

  it('accepts the next package after the centre rotates its key, and a card signed with the new key', async () => {
    centre.clock.advance(60_000);
    await centre.ok(centre.admin, 'cards.rotateKey', {});
    const fresh = await makeTestCard(centre, { name: '王大明' });
    // Before the exchange the till does not know the new key.
    expect(await verify(fresh.code)).toBe('unknownKey');
    centre.clock.advance(60_000);
    expect(await importPkg((await exportPackage(centre, shop.id)).base64)).toMatchObject({ ok: true });
    expect(pc.backend.db.prepare('SELECT key_id FROM till_keys ORDER BY key_id').pluck().all()).toEqual([1, 2]);
    expect(await verify(fresh.code)).toBe('ok');
    expect(await verify(card.code)).toBe('ok');
  });

  it('refuses a key that no trusted key endorsed, even when the package is signed with it', async () => {
    centre.clock.advance(60_000);
    const pkg = await exportPackage(centre, shop.id);
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const body = pkg.body as { keys: { keyId: number; publicKey: string; endorsement: string | null }[]; issuedAt: number };
    // A made-up endorsement: signed by the intruder's own key, not by key 2.
    const fake = crypto.sign(null, endorsementMessage(3, raw), privateKey).toString('base64');
    body.keys.push({ keyId: 3, publicKey: raw.toString('base64'), endorsement: fake });
    body.issuedAt += 1;
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    const signature = crypto.sign(null, bytes, privateKey).toString('base64');
    await refused(fileOf({ ...pkg.outer, keyId: 3, body: bytes.toString('base64'), signature }), 'package.untrusted');
    // The same with the intruder's key alone (the centre's keys left out).
    body.keys = [{ keyId: 3, publicKey: raw.toString('base64'), endorsement: null }];
    const alone = Buffer.from(JSON.stringify(body), 'utf8');
    await refused(
      fileOf({ ...pkg.outer, keyId: 3, body: alone.toString('base64'), signature: crypto.sign(null, alone, privateKey).toString('base64') }),
      'package.untrusted',
    );
  });

  it('revocation after exchange: the till refuses a revoked card only once it has the next package', async () => {
    await centre.ok(centre.admin, 'cards.revoke', { id: card.id, reason: '迁出本社区' });
    // The centre's own till knows at once; the partner's still has the old package.
    const desk = await centre.loginAs('desk');
    expect((await centre.ok(desk, 'till.verify', { code: card.code })).reason).toBe('revoked');
    expect(await verify(card.code)).toBe('ok');
    centre.clock.advance(60_000);
    expect(await importPkg((await exportPackage(centre, shop.id)).base64)).toMatchObject({ ok: true, value: { refusedCards: 1 } });
    expect(await verify(card.code)).toBe('revoked');
    expect(await verify(card.cardNo)).toBe('revoked');
  });

  it('brings verifier accounts in line: a new one can log in, a removed one is disabled and its session ends', async () => {
    await centre.ok(centre.admin, 'partners.addVerifier', { partnerId: shop.id, username: 'huimin2', displayName: '二号收银', password: 'another9' });
    const old = (await centre.ok(centre.admin, 'partners.verifiers', { partnerId: shop.id })).find((u) => u.username === 'huimin1')!;
    await centre.ok(centre.admin, 'users.update', { id: old.id, displayName: old.displayName, role: 'partner', disabled: true });
    centre.clock.advance(60_000);
    const second = await pc.login('huimin1');
    const pkg = await exportPackage(centre, shop.id);
    cashier = await pc.login('huimin1');
    expect(await pc.call(second, 'till.importPackage', { fileBase64: pkg.base64 })).toMatchObject({ ok: true });
    expect(await pc.call(cashier, 'till.status', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await pc.call({ sessionId: null }, 'session.login', { username: 'huimin1', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { key: 'login.disabled' },
    });
    cashier = await pc.login('huimin2', 'another9');
    expect(await verify(card.code)).toBe('revoked');
  });

  it('a partner PC cannot export packages and the centre cannot import one', async () => {
    expect(await pc.call(cashier, 'partners.exportPackage', { partnerId: shop.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const centreCashier = await centre.loginAs('partner');
    centre.clock.advance(60_000);
    const pkg = await exportPackage(centre, shop.id);
    expect(await centre.backend.dispatch(centreCashier, 'till.importPackage', { fileBase64: pkg.base64 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'package.notPartnerPc' },
    });
    expect(centre.backend.db.prepare(`SELECT value FROM settings WHERE key = 'mode'`).pluck().get()).toBeUndefined();
  });
});
