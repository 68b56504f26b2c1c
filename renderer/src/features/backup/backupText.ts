import type { BackupSummary } from '../../../../shared/contract/backup';
import { chineseDateTime } from '../../components/format';
import { t } from '../../i18n';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** 0.4 MB, 12.3 MB, 1.25 GB: a stick's size is known in MB and GB. */
export function sizeText(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(2)} GB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** The counts a backup holds, in the order the confirmation and the comparison name them. */
export const COUNTED = ['residents', 'requests', 'cards', 'appointments', 'users'] as const;
export type Counted = (typeof COUNTED)[number];

export function countText(what: Counted, n: number): string {
  return t(`backupRestore.unit.${what}`, { n });
}

/** The restore form as typed; only files made with a passphrase need one. */
export interface RestoreValues {
  file: string;
  passphrase?: string;
}

export function restoreInput(v: RestoreValues): { file: string; passphrase?: string } {
  return { file: v.file.trim(), passphrase: v.passphrase || undefined };
}

/** 当前全部数据（居民 N 人、诉求 N 件……）将被替换为 <date> 的备份… */
export function confirmRestoreText(backup: BackupSummary, current: BackupSummary): string {
  return t('backupRestore.confirmText', {
    residents: current.residents,
    requests: current.requests,
    cards: current.cards,
    appointments: current.appointments,
    users: current.users,
    date: chineseDateTime(backup.createdAt),
  });
}
