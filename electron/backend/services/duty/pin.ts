import { fail } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { writeAudit } from '../audit/audit';
import { decoyHash, verifySecret } from '../accounts/password';

/** Wrong PINs in a row before the PIN is locked, and for how long (a PIN has only 10^4–10^8 values). */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 15 * 60_000;

interface PinRow {
  id: string;
  name: string;
  pin_hash: string | null;
  active: number;
  pin_failures: number;
  pin_locked_until: number | null;
}

/**
 * Checks a staff member's personal PIN (check-in, accepting a swap) and returns their name.
 * The slow hash runs outside any transaction; the failure count is kept atomically in SQL. Refusals
 * (all on the field `pin`): no PIN set, locked for N minutes, wrong (with tries left), locked now.
 * The PIN itself is never logged or stored in clear; a lockout is audited.
 */
export async function checkStaffPin(db: Db, staffId: string, pin: string, now: number): Promise<{ name: string }> {
  const row = db
    .prepare('SELECT id, name, pin_hash, active, pin_failures, pin_locked_until FROM staff WHERE id = ?')
    .get(staffId) as PinRow | undefined;
  if (!row || row.active !== 1) {
    await verifySecret(pin, await decoyHash());
    throw fail.notFound('staff.notFound');
  }
  if (row.pin_hash === null) throw fail.validation('duty.pin.notSet', 'pin', { name: row.name });
  if (row.pin_locked_until !== null && row.pin_locked_until > now) {
    throw fail.validation('duty.pin.locked', 'pin', { minutes: Math.ceil((row.pin_locked_until - now) / 60_000) });
  }
  if (await verifySecret(pin, row.pin_hash)) {
    if (row.pin_failures > 0 || row.pin_locked_until !== null) {
      db.prepare('UPDATE staff SET pin_failures = 0, pin_locked_until = NULL WHERE id = ?').run(staffId);
    }
    return { name: row.name };
  }
  const lockedNow = db.transaction(() => {
    const { pin_failures: n } = db
      .prepare('UPDATE staff SET pin_failures = pin_failures + 1 WHERE id = ? RETURNING pin_failures')
      .get(staffId) as { pin_failures: number };
    if (n < MAX_PIN_FAILURES) return { locked: false, left: MAX_PIN_FAILURES - n };
    db.prepare('UPDATE staff SET pin_failures = 0, pin_locked_until = ? WHERE id = ?').run(now + PIN_LOCKOUT_MS, staffId);
    writeAudit(db, null, now, { action: 'staff.pinLockout', targetType: 'staff', targetId: staffId });
    return { locked: true, left: 0 };
  }).immediate();
  if (lockedNow.locked) throw fail.validation('duty.pin.locked', 'pin', { minutes: PIN_LOCKOUT_MS / 60_000 });
  throw fail.validation('duty.pin.wrong', 'pin', { left: lockedNow.left });
}
