import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { tillStatus } from '../till/status';
import { importPartnerPackage } from './importPackage';
import { exportPurchaseLog } from './purchaseLogExport';

/** The till's side of the exchange without sync (SPEC §4.7): the centre's package in, the purchase log out. */
export const tillExchangeHandlers = defineHandlers({
  'till.importPackage': (input, ctx) => {
    importPartnerPackage(ctx, input.fileBase64);
    ctx.changed('cards');
    return tillStatus(ctx.db, requireUser(ctx).partnerId);
  },

  'till.exportPurchases': (_input, ctx) => exportPurchaseLog(ctx.db, requireUser(ctx), ctx.clock.now()),
});
