import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { writeAudit } from '../audit/audit';
import { exportPartnerPackage } from './package';
import { getPartner, listPartners, savePartner } from './partners';
import { importPurchaseLog } from './purchaseLogImport';
import { auditCardReportExport } from './reportWorkbook';
import { setupPartnerPc } from './setupPartner';
import { addVerifier, listVerifiers } from './verifiers';

export const partnersHandlers = defineHandlers({
  'partners.list': (_input, ctx) => listPartners(ctx.db),

  'partners.save': (input, ctx) => {
    const now = ctx.clock.now();
    const id = ctx.db.transaction(() => {
      const saved = savePartner(ctx.db, input, now);
      writeAudit(ctx.db, requireUser(ctx), now, {
        action: input.id ? 'partner.update' : 'partner.create',
        targetType: 'partner',
        targetId: saved,
        detail: { name: input.name, active: input.active },
      });
      return saved;
    }).immediate();
    ctx.changed('partners');
    return getPartner(ctx.db, id);
  },

  'partners.verifiers': (input, ctx) => listVerifiers(ctx.db, input.partnerId),

  'partners.addVerifier': async (input, ctx) => {
    const user = await addVerifier(ctx.db, input, ctx.clock.now(), requireUser(ctx));
    ctx.changed('partners');
    ctx.changed('users');
    return user;
  },

  'partners.exportPackage': (input, ctx) => {
    const file = exportPartnerPackage(ctx.db, ctx.secrets, input.partnerId, ctx.clock.now(), requireUser(ctx));
    ctx.changed('partners');
    return file;
  },

  'partners.importPurchases': (input, ctx) => {
    const result = importPurchaseLog(ctx.db, input.fileBase64, ctx.clock.now(), requireUser(ctx));
    ctx.changed('partners');
    ctx.changed('cards');
    return result;
  },

  // The reports read a month of purchases (and a year for the trend): they run on the read worker.
  'cardReports.month': (input, ctx) => ctx.reads.run('cardReports.month', input, ctx.clock.now()),

  'cardReports.purchases': (input, ctx) => ctx.reads.run('cardReports.purchases', input, ctx.clock.now()),

  'cardReports.export': async (input, ctx) => {
    const file = await ctx.reads.run('cardReports.export', input, ctx.clock.now());
    auditCardReportExport(ctx.db, requireUser(ctx), ctx.clock.now(), input, file.rows);
    return file;
  },

  'system.setupPartner': async (input, ctx) => setupPartnerPc(ctx, input.fileBase64),
});
