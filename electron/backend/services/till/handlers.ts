import { shanghaiDate } from '../../../../shared/rules/time';
import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { getCardRules } from '../cards/rules';
import { deliveryAddress, requestDelivery, setDeliveryStatus } from './deliveries';
import { dayPurchases, partnerDeliveries } from './lists';
import { recordPurchase, voidPurchase } from './purchases';
import { findDelivery, findPurchase, toDelivery, toPurchase } from './rows';
import { tillStatus } from './status';
import { tillUser } from './tillUser';
import { verifyCode } from './verify';

/** The till (SPEC §4.6–4.7). till.importPackage and till.exportPurchases are added here by the exchange. */
export const tillHandlers = defineHandlers({
  'till.status': (_input, ctx) => tillStatus(ctx.db, requireUser(ctx).partnerId),

  'till.verify': (input, ctx) => verifyCode(ctx.db, input.code, ctx.clock.now()),

  'till.purchase': (input, ctx) => {
    const user = tillUser(ctx);
    const now = ctx.clock.now();
    const id = recordPurchase(ctx.db, input, user, now);
    ctx.changed('cards');
    return toPurchase(findPurchase(ctx.db, id)!, now, getCardRules(ctx.db).voidWindowMinutes);
  },

  'till.void': (input, ctx) => {
    const user = tillUser(ctx);
    const now = ctx.clock.now();
    voidPurchase(ctx.db, input.id, input.reason, user, now);
    ctx.changed('cards');
    return toPurchase(findPurchase(ctx.db, input.id)!, now, getCardRules(ctx.db).voidWindowMinutes);
  },

  'till.purchases': (input, ctx) => {
    const now = ctx.clock.now();
    return dayPurchases(ctx.db, tillUser(ctx).partnerId, input.date ?? shanghaiDate(now), now);
  },

  'till.deliveries': (input, ctx) => partnerDeliveries(ctx.db, tillUser(ctx).partnerId, input.status),

  'till.requestDelivery': (input, ctx) => {
    const id = requestDelivery(ctx.db, input, tillUser(ctx), ctx.clock.now());
    ctx.changed('cards');
    return toDelivery(findDelivery(ctx.db, id)!);
  },

  'till.setDeliveryStatus': (input, ctx) => {
    setDeliveryStatus(ctx.db, input.id, input.status, tillUser(ctx), ctx.clock.now());
    ctx.changed('cards');
    return toDelivery(findDelivery(ctx.db, input.id)!);
  },

  'till.deliveryAddress': (input, ctx) => {
    tillUser(ctx);
    return { address: deliveryAddress(ctx.db, input.cardNo) };
  },
});
