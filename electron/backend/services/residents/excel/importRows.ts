import { z } from 'zod';
import { AppError, residentInput, text as textSchema, type ImportMapping } from '../../../../../shared/contract';
import { zodToAppError } from '../../../api/dispatch';
import type { Db } from '../../../db/open';
import { cellText } from '../../excel/cells';
import { findDuplicates } from '../residents';
import { residentFields, type ResidentFields } from '../validate';
import { dateCell, genderCell, idNumberCell, tagsCell, type CellResult } from './importCells';
import { sameKeys, sameNameAndHome } from './importMatch';
import type { RawCell, SheetData } from './importSheet';

export interface RowError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export type GridPath = [area: string, grid: string, building: string];

export interface CheckedRow {
  row: number;
  name: string;
  status: 'new' | 'existing' | 'error';
  errors: RowError[];
  /** The stored fields (without the building, which is resolved from `path` at commit). */
  fields: ResidentFields | null;
  path: GridPath | null;
}

type Cells = { raw(f: keyof ImportMapping): RawCell; text(f: keyof ImportMapping): string };

function cellsOf(cells: RawCell[], mapping: ImportMapping): Cells {
  const raw = (f: keyof ImportMapping) => {
    const col = mapping[f];
    return col === null ? null : (cells[col] ?? null);
  };
  return { raw, text: (f) => cellText(raw(f)) };
}

function take<T>(r: CellResult<T>, field: string, errors: RowError[]): T | undefined {
  if (r.ok) return r.value;
  errors.push({ field, key: r.key, ...(r.params ? { params: r.params } : {}) });
  return undefined;
}

const nodeName = textSchema(40);

/** 片区 / 网格 / 楼栋: all three or none, each a valid node name (as grid.create checks it). */
function gridPath(c: Cells, errors: RowError[]): GridPath | null {
  const parts = (['area', 'grid', 'building'] as const).map((f) => ({ f, v: c.text(f) }));
  if (parts.every((p) => p.v === '')) return null;
  const missing = parts.find((p) => p.v === '');
  if (missing) {
    errors.push({ field: missing.f, key: 'import.address.incomplete' });
    return null;
  }
  for (const p of parts) {
    const r = nodeName.safeParse(p.v);
    if (!r.success) errors.push({ field: p.f, key: zodToAppError(r.error).key });
  }
  return [parts[0]!.v, parts[1]!.v, parts[2]!.v];
}

/** One row through the same rules as the desk's form: the contract's schema, then `residentFields`. */
function checkRow(db: Db, cells: Cells, today: string): { errors: RowError[]; fields: ResidentFields | null; path: GridPath | null } {
  const errors: RowError[] = [];
  const gender = take(genderCell(cells.text('gender')), 'gender', errors);
  const birthDate = take(dateCell(cells.raw('birthDate')), 'birthDate', errors);
  const idNumber = take(idNumberCell(cells.raw('idNumber'), cells.text('idNumber')), 'idNumber', errors);
  const path = gridPath(cells, errors);
  const parsed = residentInput.safeParse({
    name: cells.text('name'),
    idNumber,
    gender,
    birthDate,
    phone: cells.text('phone'),
    unit: cells.text('unit'),
    room: cells.text('room'),
    tags: tagsCell(cells.text('tags')),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const e = zodToAppError(new z.ZodError([issue]));
      const field = String(issue.path[0] ?? 'row');
      if (!errors.some((x) => x.field === field)) errors.push({ field, key: e.key });
    }
    return { errors, fields: null, path };
  }
  // After a cell-level error the rules would judge a stand-in (no ID number → "gender required"): stop here.
  if (errors.length > 0) return { errors, fields: null, path };
  try {
    return { errors, fields: residentFields(db, { ...parsed.data, buildingId: null }, today), path };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    errors.push({ field: e.value.field ?? 'row', key: e.value.key, ...(e.value.params ? { params: e.value.params } : {}) });
    return { errors, fields: null, path };
  }
}

/**
 * Every row checked, then compared with the file's earlier rows (a second row of the same person is
 * an error naming the first) and with live residents (a match is 'existing' and left alone, which is
 * what makes a re-import change nothing).
 */
export function checkRows(db: Db, sheet: SheetData, mapping: ImportMapping, today: string): CheckedRow[] {
  const firstRow = new Map<string, number>();
  const buildings = new Map<string, string | null>();
  return sheet.rows.map(({ row, cells }) => {
    const c = cellsOf(cells, mapping);
    const { errors, fields, path } = checkRow(db, c, today);
    const name = c.text('name');
    if (!fields) return { row, name, status: 'error', errors, fields: null, path };
    const keys = sameKeys(fields, path);
    const dup = keys.find((k) => firstRow.has(k.key));
    if (dup) {
      return { row, name, status: 'error', errors: [{ field: dup.field, key: 'import.duplicateInFile', params: { row: firstRow.get(dup.key)! } }], fields: null, path };
    }
    for (const k of keys) firstRow.set(k.key, row);
    const existing =
      findDuplicates(db, { name: fields.name, idNumber: fields.id_number, phone: fields.phone }, null).length > 0 ||
      (!fields.id_number && !fields.phone && sameNameAndHome(db, fields, path, buildings));
    return { row, name, status: existing ? 'existing' : 'new', errors: [], fields, path };
  });
}
