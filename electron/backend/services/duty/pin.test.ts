import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../accounts/password';
import { saveStaff, setStaffPinHash } from '../catalogue/staff';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { checkStaffPin, MAX_PIN_FAILURES, PIN_LOCKOUT_MS } from './pin';

describe('checkStaffPin', () => {
  let t: TestBackend;
  let staffId: string;
  beforeEach(async () => {
    t = await makeTestBackend();
    const now = t.clock.now();
    staffId = saveStaff(t.backend.db, undefined, { name: '王小梅', phone: undefined, roles: [], stationIds: [], active: true }, now);
    setStaffPinHash(t.backend.db, staffId, await hashSecret('482913'), now);
  });
  afterEach(() => t.close());

  const check = (pin: string) => checkStaffPin(t.backend.db, staffId, pin, t.clock.now());

  it('accepts the right PIN and counts wrong ones down to a lockout, which the right PIN does not lift', async () => {
    expect(await check('482913')).toEqual({ name: '王小梅' });
    for (let left = MAX_PIN_FAILURES - 1; left > 0; left--) {
      await expect(check('000000')).rejects.toMatchObject({ value: { key: 'duty.pin.wrong', field: 'pin', params: { left } } });
    }
    await expect(check('000000')).rejects.toMatchObject({ value: { key: 'duty.pin.locked', params: { minutes: 15 } } });
    await expect(check('482913')).rejects.toMatchObject({ value: { key: 'duty.pin.locked' } });
    const audit = t.backend.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'staff.pinLockout'").get() as { n: number };
    expect(audit.n).toBe(1);
    t.clock.advance(PIN_LOCKOUT_MS + 1);
    expect(await check('482913')).toEqual({ name: '王小梅' });
    await expect(check('000000')).rejects.toMatchObject({ value: { params: { left: MAX_PIN_FAILURES - 1 } } });
  });

  it('says when no PIN is set, and refuses an unknown or inactive member as not found', async () => {
    const now = t.clock.now();
    const other = saveStaff(t.backend.db, undefined, { name: '李建国', phone: undefined, roles: [], stationIds: [], active: true }, now);
    await expect(checkStaffPin(t.backend.db, other, '1234', now)).rejects.toMatchObject({ value: { key: 'duty.pin.notSet', params: { name: '李建国' } } });
    await expect(checkStaffPin(t.backend.db, '00000000-0000-7000-8000-000000000000', '1234', now)).rejects.toMatchObject({ value: { key: 'staff.notFound' } });
  });
});
