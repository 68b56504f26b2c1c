import { createHash } from 'node:crypto';
import type { ImportMapping, ImportPreview } from '../../../../../shared/contract';
import { shanghaiDate } from '../../../../../shared/rules/time';
import type { SessionUser } from '../../../context';
import type { Db } from '../../../db/open';
import { writeAudit } from '../../audit/audit';
import { decodeXlsx, loadWorkbook } from '../../excel/read';
import { findOrCreateBuilding } from '../../grid/grid';
import { insertResident } from '../residents';
import { checkRows, type CheckedRow } from './importRows';
import { assertMapping, suggestMapping } from './importMapping';
import { readSheet } from './importSheet';

export const PREVIEW_ROWS = 200;

function counts(rows: CheckedRow[]) {
  let newRows = 0;
  let existingRows = 0;
  let errorRows = 0;
  for (const r of rows) {
    if (r.status === 'new') newRows++;
    else if (r.status === 'existing') existingRows++;
    else errorRows++;
  }
  return { newRows, existingRows, errorRows };
}

/** Reads and checks the file without writing anything. Error rows come first: they are what needs attention. */
export async function previewImport(db: Db, fileBase64: string, mapping: ImportMapping | undefined, today: string): Promise<ImportPreview> {
  const sheet = readSheet(await loadWorkbook(decodeXlsx(fileBase64)));
  const m = mapping ?? suggestMapping(sheet.headers);
  assertMapping(m, sheet.headers.length);
  const checked = checkRows(db, sheet, m, today);
  const errors = checked.filter((r) => r.status === 'error').slice(0, PREVIEW_ROWS);
  const others = checked.filter((r) => r.status !== 'error').slice(0, PREVIEW_ROWS - errors.length);
  return {
    sheetName: sheet.sheetName,
    headers: sheet.headers,
    mapping: m,
    totalRows: checked.length,
    ...counts(checked),
    rows: [...errors, ...others].map((r) => ({ row: r.row, name: r.name, status: r.status, errors: r.errors })),
  };
}

/**
 * Writes the rows that pass, all in one transaction. The file is parsed again and every row checked
 * again (the preview is never trusted); the only await is the parse, so the check and the writes
 * run together inside one immediate transaction and see the same database.
 */
export async function commitImport(
  db: Db,
  fileBase64: string,
  mapping: ImportMapping,
  now: number,
  user: Pick<SessionUser, 'userId' | 'username'>,
): Promise<{ created: number; existing: number; skippedErrors: number }> {
  const bytes = decodeXlsx(fileBase64);
  const sheet = readSheet(await loadWorkbook(bytes));
  assertMapping(mapping, sheet.headers.length);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db
    .transaction(() => {
      const checked = checkRows(db, sheet, mapping, shanghaiDate(now));
      const buildings = new Map<string, string>();
      let created = 0;
      for (const r of checked) {
        if (r.status !== 'new' || !r.fields) continue;
        let buildingId: string | null = null;
        if (r.path) {
          const key = r.path.join('\u0000');
          buildingId = buildings.get(key) ?? findOrCreateBuilding(db, r.path, now);
          buildings.set(key, buildingId);
        }
        insertResident(db, { ...r.fields, building_id: buildingId }, now);
        created++;
      }
      const c = counts(checked);
      const result = { created, existing: c.existingRows, skippedErrors: c.errorRows };
      writeAudit(db, user, now, {
        action: 'resident.import',
        targetType: 'resident',
        detail: { ...result, totalRows: checked.length, sheetName: sheet.sheetName, sha256 },
      });
      return result;
    })
    .immediate();
}
