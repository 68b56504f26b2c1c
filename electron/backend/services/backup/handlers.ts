import { AppError } from '../../../../shared/contract/errors';
import { defineHandlers } from '../../api/types';
import { requireUser, type Ctx } from '../../context';
import { countUsers } from '../accounts/users';
import { writeAudit } from '../audit/audit';
import { inspectBackup } from './backup';
import { summaryOf } from './service';

/** The tables a summary names; counting only these keeps the desk quick on years of data. */
const SUMMARY_TABLES = ['residents', 'requests', 'cards', 'appointments', 'users'];

/** The live centre told the same way as a backup, for the confirmation (what is replaced). */
function currentSummary(ctx: Ctx) {
  const counts = Object.fromEntries(SUMMARY_TABLES.map((t) => [t, ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  return summaryOf({
    format: 1,
    appVersion: '',
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    createdAt: ctx.clock.now(),
    counts,
    dbBytes: ctx.backups.service.status().databaseBytes,
    sha256: '',
    encrypted: false,
  });
}

/** The first-run calls work only while no account exists: afterwards restore is the admin's, in 设置. */
function firstRunOnly(ctx: Ctx) {
  if (countUsers(ctx.db) > 0) throw new AppError('FORBIDDEN', 'backup.error.setupDone');
}

export const backupHandlers = defineHandlers({
  'backup.status': (_input, ctx) => ctx.backups.service.status(),
  'backup.now': async (input, ctx) => {
    const user = requireUser(ctx);
    const { file, manifest } = await ctx.backups.service.exportTo(input.folder, input.passphrase);
    ctx.db.transaction(() => writeAudit(ctx.db, user, ctx.clock.now(), { action: 'backup.export', targetType: 'backup', targetId: file }))();
    return { file, summary: summaryOf(manifest) };
  },
  'backup.inspect': async (input, ctx) => ({
    summary: summaryOf(await inspectBackup(input.file, input.passphrase)),
    current: currentSummary(ctx),
  }),
  'backup.restore': async (input, ctx) => {
    const user = requireUser(ctx);
    const manifest = await ctx.backups.restore(input.file, input.passphrase, user);
    return { summary: summaryOf(manifest) };
  },
  'system.inspectBackup': async (input, ctx) => {
    firstRunOnly(ctx);
    return { summary: summaryOf(await inspectBackup(input.file, input.passphrase)) };
  },
  'system.restoreBackup': async (input, ctx) => {
    firstRunOnly(ctx);
    const manifest = await ctx.backups.restore(input.file, input.passphrase, null);
    return { summary: summaryOf(manifest) };
  },
});
