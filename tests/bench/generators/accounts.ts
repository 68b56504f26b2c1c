import { newId } from '../../../electron/backend/db/ids';
import { hashSecretSync } from '../../../electron/backend/services/accounts/password';
import { insertUser } from '../../../electron/backend/services/accounts/users';
import { setSetting } from '../../../electron/backend/services/centre/settings';
import type { DatasetGenerator } from './types';

/** The admin the bench runner logs in as. Test-only credentials for a generated, fictional dataset. */
export const BENCH_ADMIN = { username: 'bench', password: 'bench-2026' };

export const accountsGenerator: DatasetGenerator = {
  name: 'accounts',
  version: 1,
  run(db, now) {
    setSetting(db, 'centreName', '基准测试社区党群服务中心');
    setSetting(db, 'centreCode', 'BENCH01');
    const hash = hashSecretSync(BENCH_ADMIN.password);
    insertUser(db, { id: newId(), username: BENCH_ADMIN.username, displayName: '基准测试管理员', role: 'admin', passwordHash: hash }, now);
    return { users: 1 };
  },
};
