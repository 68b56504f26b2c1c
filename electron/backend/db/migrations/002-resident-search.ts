import { nameGrams, searchDigits } from '../../services/residents/searchText';
import type { Migration } from './index';

/**
 * Fast resident search at 50,000+ residents: a trigram full-text index over the name, its character
 * grams and the phone/ID digits (external content: the text lives in `residents`, triggers keep the
 * index in step). Also a partial index for the live residents per building (the grid tree's counts).
 */
export const m002ResidentSearch: Migration = {
  name: '002-resident-search',
  up(db) {
    db.exec(`
      ALTER TABLE residents ADD COLUMN search_grams TEXT NOT NULL DEFAULT '';
      ALTER TABLE residents ADD COLUMN search_digits TEXT NOT NULL DEFAULT '';
    `);
    const rows = db.prepare('SELECT rowid, name, phone, id_number FROM residents').all() as {
      rowid: number;
      name: string;
      phone: string | null;
      id_number: string | null;
    }[];
    const fill = db.prepare('UPDATE residents SET search_grams = ?, search_digits = ? WHERE rowid = ?');
    for (const r of rows) fill.run(nameGrams(r.name), searchDigits(r.phone, r.id_number), r.rowid);
    db.exec(`
      CREATE VIRTUAL TABLE residents_fts USING fts5(
        name, search_grams, search_digits,
        content = 'residents', content_rowid = 'rowid', tokenize = 'trigram'
      );
      INSERT INTO residents_fts (residents_fts) VALUES ('rebuild');
      CREATE TRIGGER residents_fts_insert AFTER INSERT ON residents BEGIN
        INSERT INTO residents_fts (rowid, name, search_grams, search_digits)
        VALUES (new.rowid, new.name, new.search_grams, new.search_digits);
      END;
      CREATE TRIGGER residents_fts_delete AFTER DELETE ON residents BEGIN
        INSERT INTO residents_fts (residents_fts, rowid, name, search_grams, search_digits)
        VALUES ('delete', old.rowid, old.name, old.search_grams, old.search_digits);
      END;
      CREATE TRIGGER residents_fts_update AFTER UPDATE OF name, search_grams, search_digits ON residents BEGIN
        INSERT INTO residents_fts (residents_fts, rowid, name, search_grams, search_digits)
        VALUES ('delete', old.rowid, old.name, old.search_grams, old.search_digits);
        INSERT INTO residents_fts (rowid, name, search_grams, search_digits)
        VALUES (new.rowid, new.name, new.search_grams, new.search_digits);
      END;
      DROP INDEX residents_building;
      CREATE INDEX residents_live_building ON residents(building_id) WHERE voided_at IS NULL;
    `);
  },
};
