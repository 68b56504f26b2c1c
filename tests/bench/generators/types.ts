import type { Db } from '../../../electron/backend/db/open';

/**
 * One domain's part of the ten-year dataset. Generators run in list order inside one transaction;
 * a later one may read what earlier ones wrote (residents, staff…). Bump `version` when the output
 * changes, so an old dataset is rebuilt instead of benchmarked.
 */
export interface DatasetGenerator {
  name: string;
  version: number;
  /** Returns counts for the summary, e.g. { residents: 50000 }. */
  run(db: Db, now: number): Record<string, number>;
}
