import type { Db } from '../../../electron/backend/db/open';

/**
 * One domain's part of the ten-year dataset. Generators run in list order inside one transaction;
 * a later one may read what earlier ones wrote (residents, staff…). Bump `version` when the output
 * changes, so an old dataset is rebuilt instead of benchmarked. A generator added at the end of the
 * list is run on its own over a dataset whose other generators are current (see ensureDataset).
 */
export interface DatasetGenerator {
  name: string;
  version: number;
  /** Returns counts for the summary, e.g. { residents: 50000 }. `dataDir` holds the dataset (and its secret store). */
  run(db: Db, now: number, env: { dataDir: string }): Record<string, number>;
}
