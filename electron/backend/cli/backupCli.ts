import fs from 'node:fs';
import { AppError } from '../../../shared/contract/errors';
import { backupMessages } from '../../../shared/contract/backupMessages';
import { BACKUP_ERRORS } from '../services/backup/errors';

/** The passphrase comes from a file (never argv, which other users can see in the process list). */
export function readPassphrase(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const text = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (!text) throw new Error('口令文件是空的 / the passphrase file is empty');
  return text;
}

/** One line in Chinese and English for a refusal; anything else is shown as it is. */
export function explain(e: unknown): string {
  if (e instanceof AppError) {
    const en = Object.values(BACKUP_ERRORS).find((x) => x.key === e.value.key)?.en ?? e.value.key;
    return `${backupMessages[e.value.key] ?? e.value.key} / ${en}`;
  }
  return e instanceof Error ? e.message : String(e);
}
