import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { appErrorOf, showApiError } from '../../components/apiErrors';

/**
 * Which field a backup refusal belongs to: the person fixes the path or the passphrase they typed.
 * The backend's refusals name no field (they come from the file system and the file), so the screen
 * places them by their key.
 */
const FIELD_OF_KEY: Record<string, 'folder' | 'file' | 'passphrase'> = {
  'backup.error.folderMissing': 'folder',
  'backup.error.gone': 'folder',
  'backup.error.readOnly': 'folder',
  'backup.error.noSpace': 'folder',
  'backup.error.fileMissing': 'file',
  'backup.error.notBackup': 'file',
  'backup.error.truncated': 'file',
  'backup.error.checksum': 'file',
  'backup.error.damaged': 'file',
  'backup.error.newer': 'file',
  'backup.error.wrongPassphrase': 'passphrase',
  'backup.error.needPassphrase': 'passphrase',
};

export function fieldOfBackupError(key: string, field: string | undefined): string | null {
  return FIELD_OF_KEY[key] ?? field ?? null;
}

/** Shows a backup call's refusal under the field it is about (when the form has it), otherwise as a message. */
export function showBackupError(err: unknown, showMessage: (text: string) => void, form: FormInstance, fields: readonly string[]): void {
  const e = appErrorOf(err);
  const field = fieldOfBackupError(e.key, e.field);
  showApiError(field ? new ApiError({ ...e, field }) : err, showMessage, form, fields);
}

/** A refusal placed at a field by hand stays until that field is checked again: a change clears it (a field without rules is never checked). */
export function clearErrorsOf(form: FormInstance, changed: object): void {
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}
