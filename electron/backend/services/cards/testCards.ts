import type { Benefit } from '../../../../shared/contract/cards';
import { newId } from '../../db/ids';
import type { TestBackend } from '../../testSupport';
import { createSecretStore } from '../../secrets/secretStore';
import { cardCodeOf } from './cardCode';
import { issueCard } from './issue';

export interface TestCard {
  id: string;
  cardNo: string;
  householdId: string;
  holderResidentId: string;
  /** The signed QR text, as a scanner types it. */
  code: string;
}

/**
 * For tests of the till, the exchange and the reports: a resident, a household and an issued card,
 * through the real issueCard (signing key, till table, events). The secret store is the backend's own
 * (user-only files in its data folder).
 */
export async function makeTestCard(
  t: TestBackend,
  opts: { name?: string; benefit?: Benefit; monthlyCapFen?: number | null; delivery?: boolean; validFrom?: string } = {},
): Promise<TestCard> {
  const r = await t.ok(t.admin, 'residents.create', { name: opts.name ?? '张小芳', gender: 'F', birthDate: '1950-03-04', tags: ['低保'] });
  const db = t.backend.db;
  const secrets = createSecretStore(t.dir);
  const now = t.clock.now();
  const householdId = newId();
  const id = db.transaction(() => {
    db.prepare(
      `INSERT INTO households (id, head_resident_id, address, hardship_types, created_at, updated_at) VALUES (?, ?, '幸福路1号3单元201', '["低保"]', ?, ?)`,
    ).run(householdId, r.id, now, now);
    db.prepare(`INSERT INTO household_members (household_id, resident_id, relation) VALUES (?, ?, '户主')`).run(householdId, r.id);
    return issueCard(db, secrets, now, { userId: null, userName: '测试' }, {
      householdId,
      holderResidentId: r.id,
      benefit: opts.benefit ?? { kind: 'percent', value: 10 },
      monthlyCapFen: opts.monthlyCapFen === undefined ? 50_000 : opts.monthlyCapFen,
      delivery: opts.delivery ?? false,
      validFrom: opts.validFrom ?? '2026-11-01',
      applicationId: null,
    });
  })();
  const cardNo = (db.prepare('SELECT card_no FROM cards WHERE id = ?').get(id) as { card_no: string }).card_no;
  return { id, cardNo, householdId, holderResidentId: r.id, code: cardCodeOf(db, secrets, id) };
}
