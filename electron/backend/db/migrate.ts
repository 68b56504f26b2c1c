import type Database from 'better-sqlite3';
import { migrations } from './migrations';

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `数据库版本 (${found}) 比本程序支持的版本 (${supported}) 新：它由更新版本的连心前台创建。请安装最新版本后再打开，数据未作任何改动。` +
        ` / The database (schema ${found}) was written by a newer Lianxin Desk (this one supports ${supported}); install the newer version. Nothing was changed.`,
    );
    this.name = 'NewerSchemaError';
  }
}

export const LATEST_SCHEMA = migrations.length;

/** Runs every pending migration in one transaction; the schema version lives in `user_version`. */
export function migrate(db: Database.Database, target = LATEST_SCHEMA): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA) throw new NewerSchemaError(current, LATEST_SCHEMA);
  if (current >= target) return current;
  db.transaction(() => {
    for (let v = current; v < target; v++) {
      migrations[v]!.up(db);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
  return target;
}
