import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../../shared/rules/idNumber';
import { makeTestBackend, type TestBackend } from '../../testSupport';

const ID17 = '11010519491231002';
const ID = ID17 + idCheckChar(ID17); // 11010519491231002X
const WRONG_CHECK = ID17 + (ID.endsWith('X') ? '1' : 'X');

describe('residents through the contract', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await makeTestBackend();
  });
  afterEach(() => t.close());

  const count = () => (t.backend.db.prepare('SELECT count(*) n FROM residents').get() as { n: number }).n;

  it('refuses a wrong check digit at the ID field and writes nothing', async () => {
    const r = await t.backend.dispatch(t.admin, 'residents.create', { name: '张小芳', idNumber: WRONG_CHECK });
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', key: 'resident.idNumber.checkDigit', field: 'idNumber' } });
    const bad = await t.backend.dispatch(t.admin, 'residents.create', { name: '张小芳', idNumber: '110105194902300011' });
    expect(bad).toMatchObject({ ok: false, error: { key: 'resident.idNumber.birthDate', field: 'idNumber' } });
    const phone = await t.backend.dispatch(t.admin, 'residents.create', { name: '张小芳', gender: 'F', phone: '1381234' });
    expect(phone).toMatchObject({ ok: false, error: { key: 'resident.phone.invalid', field: 'phone' } });
    const noName = await t.backend.dispatch(t.admin, 'residents.create', { name: '  ', gender: 'F' });
    expect(noName).toMatchObject({ ok: false, error: { key: 'validation.required', field: 'name' } });
    expect(count()).toBe(0);
  });

  it('derives birth date and gender from the ID number, and masks what it returns', async () => {
    const r = await t.ok(t.admin, 'residents.create', { name: '张小芳', idNumber: ID.toLowerCase(), gender: 'M', phone: '138 1234 5678' });
    expect(r).toMatchObject({ birthDate: '1949-12-31', gender: 'F', idNumberMasked: '110105********002X', phoneMasked: '138****5678' });
    expect(JSON.stringify(r)).not.toContain('13812345678');
  });

  it('refuses a second record of the same ID, and asks before saving the same name and phone', async () => {
    await t.ok(t.admin, 'residents.create', { name: '张小芳', idNumber: ID, phone: '13812345678' });
    expect(await t.backend.dispatch(t.admin, 'residents.create', { name: '张三', idNumber: ID })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'resident.idNumber.taken', field: 'idNumber', params: { name: '张小芳' } },
    });
    const twin = { name: '张小芳', gender: 'F' as const, phone: '13812345678' };
    expect(await t.backend.dispatch(t.admin, 'residents.create', twin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'resident.duplicate.namePhone' },
    });
    await t.ok(t.admin, 'residents.create', { ...twin, confirmDuplicate: true });
    expect(count()).toBe(2);
  });

  it('keeps the ID number and phone on an update that leaves them out, and clears them on null', async () => {
    const r = await t.ok(t.admin, 'residents.create', { name: '张小芳', idNumber: ID, phone: '13812345678' });
    const kept = await t.ok(t.admin, 'residents.update', { id: r.id, name: '张晓芳', tags: ['独居老人'] });
    expect(kept).toMatchObject({ name: '张晓芳', idNumberMasked: '110105********002X', phoneMasked: '138****5678', tags: ['独居老人'] });
    const cleared = await t.ok(t.admin, 'residents.update', { id: r.id, name: '张晓芳', gender: 'F', idNumber: null, phone: null });
    expect(cleared).toMatchObject({ idNumberMasked: null, phoneMasked: null, gender: 'F' });
  });

  it('shows the full ID only to office roles, and writes each look to the audit log', async () => {
    const r = await t.ok(t.admin, 'residents.create', { name: '张小芳', idNumber: ID });
    expect(await t.ok(t.admin, 'residents.reveal', { id: r.id, field: 'idNumber' })).toEqual({ value: ID });
    const duty = await t.loginAs('duty');
    expect(await t.backend.dispatch(duty, 'residents.reveal', { id: r.id, field: 'idNumber' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const partner = await t.loginAs('partner');
    expect(await t.backend.dispatch(partner, 'residents.search', { q: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const audit = await t.ok(t.admin, 'audit.list', { action: 'resident.revealIdNumber' });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ username: 'admin', targetId: r.id });
  });

  it('voids with a reason instead of deleting', async () => {
    const r = await t.ok(t.admin, 'residents.create', { name: '张小芳', idNumber: ID });
    await t.ok(t.admin, 'residents.void', { id: r.id, reason: '重复登记' });
    expect(await t.backend.dispatch(t.admin, 'residents.get', { id: r.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.backend.db.prepare('SELECT void_reason FROM residents WHERE id = ?').get(r.id)).toEqual({ void_reason: '重复登记' });
    // The ID number is free again for a corrected record.
    await t.ok(t.admin, 'residents.create', { name: '张小芳', idNumber: ID });
  });
});
