import type { Db } from '../../../db/open';
import type { ResidentFields } from '../validate';
import type { GridPath } from './importRows';

/* How an import row is recognised as a person already known (in the database or earlier in the file). */

/** Read-only: the live building at a path of names, or null (the import creates it only at commit). */
function findBuilding(db: Db, path: GridPath): string | null {
  let parentId: string | null = null;
  for (const name of path) {
    const row = db.prepare('SELECT id FROM grid_nodes WHERE parent_id IS ? AND name = ? AND removed_at IS NULL').get(parentId, name) as { id: string } | undefined;
    if (!row) return null;
    parentId = row.id;
  }
  return parentId;
}

/**
 * A row with neither ID number nor phone cannot be matched the usual way, and a re-import would add
 * it again; such a row is the same person as a live resident of the same name, gender, birth date and home.
 */
export function sameNameAndHome(db: Db, f: ResidentFields, path: GridPath | null, buildings: Map<string, string | null>): boolean {
  let buildingId: string | null = null;
  if (path) {
    const key = path.join('\u0000');
    if (!buildings.has(key)) buildings.set(key, findBuilding(db, path));
    buildingId = buildings.get(key)!;
    if (!buildingId) return false;
  }
  return (
    db
      .prepare(
        `SELECT 1 FROM residents WHERE voided_at IS NULL AND name = ? AND gender = ? AND birth_date IS ?
           AND building_id IS ? AND unit IS ? AND room IS ? LIMIT 1`,
      )
      .get(f.name, f.gender, f.birth_date, buildingId, f.unit, f.room) !== undefined
  );
}

/** What makes two rows of one file the same person: the ID number, else name + phone, else name + home. */
export function sameKeys(f: ResidentFields, path: GridPath | null): { field: string; key: string }[] {
  const keys: { field: string; key: string }[] = [];
  if (f.id_number) keys.push({ field: 'idNumber', key: `id\u0000${f.id_number}` });
  if (f.phone) keys.push({ field: 'phone', key: `phone\u0000${f.name}\u0000${f.phone}` });
  if (!f.id_number && !f.phone) {
    keys.push({ field: 'name', key: ['home', f.name, f.gender, f.birth_date, ...(path ?? []), f.unit, f.room].join('\u0000') });
  }
  return keys;
}
