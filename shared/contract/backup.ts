import { z } from 'zod';
import { call } from './define';
import { ADMIN } from './roles';
import { epochMs } from './common';

/**
 * Backups (SPEC §8): automatic ones in the data folder (daily, and on quit at most hourly; 14 daily and
 * 12 monthly kept), one now to a chosen folder with a passphrase, and restore — from settings (admin)
 * or from the first-run screen. Paths are on the PC that runs the app: the desktop window fills them
 * from the system's file chooser; in a browser on the same PC they are typed.
 */

const path = z.string('backup.path.required').trim().min(1, 'backup.path.required').max(1000, 'validation.tooBig');
/** Exports leave the PC (a USB stick): a passphrase is required, long enough to resist guessing. */
const newPassphrase = z.string('backup.passphrase.required').min(8, 'backup.passphrase.short').max(200, 'validation.tooBig');
/** Reading a backup: only files made with a passphrase need one. */
const passphrase = z.string().max(200, 'validation.tooBig').optional();

/** What a backup holds, told without opening it: enough to name what a restore brings back. */
export const backupSummary = z.object({
  createdAt: epochMs,
  appVersion: z.string(),
  schemaVersion: z.number(),
  encrypted: z.boolean(),
  /** Size of the database inside, in bytes. */
  dbBytes: z.number(),
  residents: z.number(),
  requests: z.number(),
  cards: z.number(),
  appointments: z.number(),
  users: z.number(),
});
export type BackupSummary = z.infer<typeof backupSummary>;

export const backupFile = z.object({ name: z.string(), at: epochMs, bytes: z.number(), kind: z.enum(['daily', 'monthly']) });

export const backupStatus = z.object({
  /** The last backup that was checked and counts as good (automatic or exported). */
  lastGood: z
    .object({
      at: epochMs,
      bytes: z.number(),
      where: z.enum(['auto', 'export']),
      file: z.string(),
      /** False: the backup check found the audit log's hash chain broken (a row edited outside the app). */
      auditChainOk: z.boolean().nullable().default(null),
    })
    .nullable(),
  /** The last attempt that failed, if it came after the last good one. */
  lastFailure: z.object({ at: epochMs, key: z.string() }).nullable(),
  running: z.boolean(),
  folder: z.string(),
  kept: z.array(backupFile),
  /** The size of the live database, for "will it fit on the stick". */
  databaseBytes: z.number(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

const restoreInput = z.object({ file: path, passphrase });

export const backupContract = {
  'backup.status': call({ summary: '备份状态（最近一次成功备份、保留的自动备份）', access: ADMIN, input: z.object({}), output: backupStatus }),
  'backup.now': call({
    summary: '立即备份到指定文件夹（需设备份密码）',
    access: ADMIN,
    input: z.object({ folder: path, passphrase: newPassphrase }),
    output: z.object({ file: z.string(), summary: backupSummary }),
  }),
  'backup.inspect': call({
    summary: '查看备份文件（恢复前核对）',
    access: ADMIN,
    input: restoreInput,
    output: z.object({ summary: backupSummary, current: backupSummary.nullable() }),
  }),
  'backup.restore': call({
    summary: '从备份恢复（替换当前全部数据，恢复后需重新登录）',
    access: ADMIN,
    input: restoreInput.extend({ confirm: z.literal(true, 'backup.confirm.required') }),
    output: z.object({ summary: backupSummary }),
  }),
  /** First run on a new PC: before any account exists, anyone at the PC may restore (then nobody else can). */
  'system.inspectBackup': call({ summary: '首次运行：查看备份文件', access: 'public', input: restoreInput, output: z.object({ summary: backupSummary }) }),
  'system.restoreBackup': call({ summary: '首次运行：从备份恢复', access: 'public', input: restoreInput, output: z.object({ summary: backupSummary }) }),
};
