import { AppError } from '../../../../shared/contract/errors';

/** Plain-language refusals; the words are in renderer/src/i18n/messages/backup.ts. */
export const BACKUP_ERRORS = {
  noSpace: { key: 'backup.error.noSpace', en: 'not enough space at the backup location' },
  readOnly: { key: 'backup.error.readOnly', en: 'the backup location cannot be written (read-only or no permission)' },
  gone: { key: 'backup.error.gone', en: 'the backup location is gone (USB stick removed?)' },
  fileMissing: { key: 'backup.error.fileMissing', en: 'no backup file at that path' },
  folderMissing: { key: 'backup.error.folderMissing', en: 'no folder at that path' },
  failed: { key: 'backup.error.failed', en: 'the backup did not complete' },
  notBackup: { key: 'backup.error.notBackup', en: 'this is not a Lianxin Desk backup file' },
  truncated: { key: 'backup.error.truncated', en: 'the backup file is incomplete' },
  wrongPassphrase: { key: 'backup.error.wrongPassphrase', en: 'wrong backup passphrase' },
  needPassphrase: { key: 'backup.error.needPassphrase', en: 'this backup has a passphrase; give --passphrase-file' },
  checksum: { key: 'backup.error.checksum', en: 'the backup file is damaged (checksum mismatch)' },
  newer: { key: 'backup.error.newer', en: 'this backup comes from a newer Lianxin Desk; install it first' },
  damaged: { key: 'backup.error.damaged', en: 'the database in the backup is damaged' },
  backendOpen: { key: 'backup.error.backendOpen', en: 'Lianxin Desk is using this data folder; quit it first' },
} as const;

export type BackupErrorName = keyof typeof BACKUP_ERRORS;

export function backupError(name: BackupErrorName): AppError {
  return new AppError('CONFLICT', BACKUP_ERRORS[name].key);
}

/** Maps a file-system failure while writing to the plain reason the person at the desk can act on. */
export function writeFailure(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return backupError('noSpace');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return backupError('readOnly');
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') return backupError('gone');
  return backupError('failed');
}
