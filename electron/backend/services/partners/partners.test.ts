import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';

describe('partners and their verifier accounts', () => {
  let t: TestBackend;
  const shop = { name: '惠民超市', address: '幸福路18号', contactName: '王店长', contactPhone: '139 1234 5678', offer: '米面粮油九折' };

  beforeAll(async () => {
    t = await makeTestBackend();
  });
  afterAll(() => t?.close());

  it('registers a partner; the list shows the phone masked, the verifier count and no package yet', async () => {
    const p = await t.ok(t.admin, 'partners.save', shop);
    expect(p).toMatchObject({ name: '惠民超市', contactPhoneMasked: '139****5678', active: true, verifierCount: 0, lastPackageAt: null, lastImportAt: null });
    expect(t.backend.db.prepare('SELECT contact_phone FROM partners WHERE id = ?').pluck().get(p.id)).toBe('13912345678');
    const desk = await t.loginAs('desk');
    expect(await t.ok(desk, 'partners.list', {})).toEqual([p]);
    expect(JSON.stringify(await t.ok(desk, 'partners.list', {}))).not.toContain('13912345678');
  });

  it('keeps the phone on file when the form sends the masked one back, and checks a new one', async () => {
    const [p] = await t.ok(t.admin, 'partners.list', {});
    const edited = await t.ok(t.admin, 'partners.save', { ...shop, id: p!.id, contactPhone: p!.contactPhoneMasked, offer: '全场九五折' });
    expect(edited).toMatchObject({ offer: '全场九五折', contactPhoneMasked: '139****5678' });
    expect(t.backend.db.prepare('SELECT contact_phone FROM partners WHERE id = ?').pluck().get(p!.id)).toBe('13912345678');
    expect(await t.backend.dispatch(t.admin, 'partners.save', { ...shop, id: p!.id, contactPhone: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'partner.phone.invalid', field: 'contactPhone' },
    });
    expect(await t.backend.dispatch(t.admin, 'partners.save', { ...shop, contactPhone: '010-12345678' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'partner.name.taken', field: 'name' },
    });
    expect(await t.backend.dispatch(t.admin, 'partners.save', { ...shop, name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'validation.required', field: 'name' },
    });
  });

  it('adds verifier accounts that log in as partners; a taken username is refused on its field', async () => {
    const [p] = await t.ok(t.admin, 'partners.list', {});
    const u = await t.ok(t.admin, 'partners.addVerifier', { partnerId: p!.id, username: 'huimin1', displayName: '一号收银', password: PASSWORD });
    expect(u).toMatchObject({ username: 'huimin1', role: 'partner', disabled: false });
    expect(await t.ok(t.admin, 'partners.verifiers', { partnerId: p!.id })).toEqual([u]);
    expect((await t.ok(t.admin, 'partners.list', {}))[0]!.verifierCount).toBe(1);
    expect(await t.backend.dispatch(t.admin, 'partners.addVerifier', { partnerId: p!.id, username: 'HUIMIN1', displayName: 'x', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'user.username.taken', field: 'username' },
    });
    const slot = { sessionId: null };
    expect(await t.ok(slot, 'session.login', { username: 'huimin1', password: PASSWORD })).toMatchObject({ role: 'partner' });
    // A verifier sees nothing of the centre's registers.
    for (const method of ['partners.list', 'cardReports.month', 'partners.verifiers'] as const) {
      expect(await t.backend.dispatch(slot, method, { month: '2026-11', partnerId: p!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const audit = await t.ok(t.admin, 'audit.list', { action: 'partner.addVerifier', limit: 5, offset: 0 });
    expect(audit.total).toBe(1);
  });

  it('only the admin registers partners and their accounts; an unknown partner is not found', async () => {
    const desk = await t.loginAs('desk');
    expect(await t.backend.dispatch(desk, 'partners.save', shop)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const missing = '0190aaaa-0000-7000-8000-000000000000';
    expect(await t.backend.dispatch(t.admin, 'partners.verifiers', { partnerId: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.backend.dispatch(t.admin, 'partners.addVerifier', { partnerId: missing, username: 'x1', displayName: 'x', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'partner.notFound' },
    });
    expect(await t.backend.dispatch(t.admin, 'partners.exportPackage', { partnerId: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('does not export a package for a partner no longer active', async () => {
    const [p] = await t.ok(t.admin, 'partners.list', {});
    await t.ok(t.admin, 'partners.save', { ...shop, id: p!.id, contactPhone: p!.contactPhoneMasked, active: false });
    expect(await t.backend.dispatch(t.admin, 'partners.exportPackage', { partnerId: p!.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'partner.inactive' },
    });
  });
});
