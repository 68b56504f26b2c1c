import type { Role } from '../../../shared/contract';
import type { Db } from '../db/open';
import type { SecretStore } from '../secrets/secretStore';
import { newId } from '../db/ids';
import { hashSecretSync } from '../services/accounts/password';
import { insertUser } from '../services/accounts/users';
import { fillDemoCatalogue } from '../services/catalogue/demo';
import { setSetting } from '../services/centre/settings';
import { fillDemoAppointments } from './demoAppointments';
import { fillDemoCards } from './demoCards';
import { fillDemoDuty } from './demoDuty';
import { fillDemoHomeVisits } from './demoHomeVisits';
import { fillDemoIntake } from './demoIntake';
import { fillDemoRota } from './demoRota';
import { fillCommunity, type CommunityPlan } from './fictional/community';

export const DEMO_PASSWORD = 'demo1234';

/** A centre like the one in SPEC §1: 3 areas, 26 grids, a few thousand residents. */
export const DEMO_COMMUNITY: CommunityPlan = {
  seed: 20_261_122,
  areas: [
    { name: '东片区', grids: 9 },
    { name: '西片区', grids: 9 },
    { name: '南片区', grids: 8 },
  ],
  buildingsPerGrid: [4, 12],
  residents: 2_400,
  historyYears: 6,
};

/**
 * The demo accounts; `staff` is an index into the demo staff (DEMO_STAFF in catalogue/demo.ts) for
 * those who check in at a station.
 */
const DEMO_USERS: { username: string; displayName: string; role: Role; staff?: number }[] = [
  { username: 'admin', displayName: '王主任', role: 'admin' },
  { username: 'qiantai', displayName: '李小红', role: 'desk' },
  { username: 'zhiban', displayName: '刘晓梅', role: 'duty', staff: 2 },
  { username: 'shanghu', displayName: '惠民便利店', role: 'partner' },
  // The partner shops' tills (DEMO_SHOPS in demoCards.ts links them to their shops).
  { username: 'shop1', displayName: '陈晓燕', role: 'partner' },
  { username: 'shop2', displayName: '周建国', role: 'partner' },
  { username: 'shop3', displayName: '吴美玲', role: 'partner' },
];

/**
 * Fills a new database with a fictional centre (all names, ID numbers and phones are made up), in
 * one transaction. Synchronous: createBackend calls it before any client connects. `secrets` is where
 * the centre's card-signing key goes (the demo cards are signed with it).
 */
export function fillDemoCentre(db: Db, now: number, secrets: SecretStore): void {
  // One hash for all the demo accounts: the password is the same and printed in the README; scrypt costs ~0.2 s each.
  const hash = hashSecretSync(DEMO_PASSWORD);
  db.transaction(() => {
    setSetting(db, 'centreName', '幸福里社区党群服务中心');
    setSetting(db, 'centreCode', 'XFL001');
    const staffIds = fillDemoCatalogue(db, now);
    DEMO_USERS.forEach((u) => {
      const staffId = u.staff === undefined ? null : (staffIds[u.staff] ?? null);
      insertUser(db, { id: newId(), username: u.username, displayName: u.displayName, role: u.role, passwordHash: hash, staffId }, now);
    });
    fillCommunity(db, now, DEMO_COMMUNITY);
    fillDemoIntake(db, now);
    fillDemoHomeVisits(db, now);
    fillDemoCards(db, secrets, now);
    fillDemoRota(db, now, staffIds);
    fillDemoDuty(db, now);
    fillDemoAppointments(db, now);
    setSetting(db, 'demoLogin', { username: 'admin', password: DEMO_PASSWORD });
  }).immediate();
}
