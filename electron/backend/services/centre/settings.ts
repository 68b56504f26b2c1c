import type { Db } from '../../db/open';

export interface CentreSettings {
  centreName: string;
  centreCode: string;
  idleLockMinutes: number;
}

const DEFAULTS: CentreSettings = { centreName: '', centreCode: 'C001', idleLockMinutes: 10 };

export function getSetting<K extends string, T>(db: Db, key: K, fallback: T): T {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/** Read on every call by the dispatcher: one lookup, not the whole settings set. */
export function getIdleLockMinutes(db: Db): number {
  return getSetting(db, 'idleLockMinutes', DEFAULTS.idleLockMinutes);
}

export function getCentreSettings(db: Db): CentreSettings {
  return {
    centreName: getSetting(db, 'centreName', DEFAULTS.centreName),
    centreCode: getSetting(db, 'centreCode', DEFAULTS.centreCode),
    idleLockMinutes: getIdleLockMinutes(db),
  };
}

export function setCentreSettings(db: Db, s: CentreSettings): void {
  setSetting(db, 'centreName', s.centreName);
  setSetting(db, 'centreCode', s.centreCode);
  setSetting(db, 'idleLockMinutes', s.idleLockMinutes);
}
