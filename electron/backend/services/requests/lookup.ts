import { fail } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { RequestRow } from './rows';

export function getRequestRow(db: Db, id: string): RequestRow {
  const row = db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
  if (!row) throw fail.notFound('request.notFound');
  return row;
}
