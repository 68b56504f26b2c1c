import { z } from 'zod';
import { DELIVERY_STATUSES } from '../../../../shared/contract/till';
import { shanghaiDate } from '../../../../shared/rules/time';

/**
 * The purchase log a partner's till hands to the centre (消费记录文件, SPEC §4.7): all of its purchases
 * and delivery requests, by id, so importing a file again — or a later file that repeats them — adds
 * nothing twice. Each row is checked on its own, so a bad one can be named.
 */

export const PURCHASE_LOG_FORMAT = 'lianxin-purchase-log';
export const PURCHASE_LOG_VERSION = 1;

const uuid = z.string().regex(/^[0-9a-f-]{36}$/);
const fen = z.number().int().min(0).max(10_000_000);
const ms = z.number().int().positive();

export const purchaseLogFile = z.object({
  format: z.literal(PURCHASE_LOG_FORMAT),
  version: z.literal(PURCHASE_LOG_VERSION),
  centreCode: z.string().min(1).max(40),
  partnerId: z.string().min(1).max(64),
  partnerName: z.string().max(120),
  exportedAt: ms,
  purchases: z.array(z.unknown()).max(2_000_000),
  deliveries: z.array(z.unknown()).max(200_000),
});

export const purchaseLogRow = z
  .object({
    id: uuid,
    cardNo: z.string().regex(/^\d{10}$/),
    at: ms,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    amountFen: fen.refine((v) => v > 0),
    costFen: fen.nullable(),
    eligibleFen: fen,
    discountFen: fen,
    payFen: fen,
    tillUserName: z.string().min(1).max(64),
    voidedAt: ms.nullable(),
    voidReason: z.string().max(200).nullable(),
  })
  .refine(
    (p) =>
      p.eligibleFen <= p.amountFen &&
      p.discountFen <= p.eligibleFen &&
      p.payFen === p.amountFen - p.discountFen &&
      shanghaiDate(p.at).slice(0, 7) === p.month &&
      (p.voidedAt === null) === (p.voidReason === null) &&
      (p.voidedAt === null || p.voidedAt >= p.at),
  );
export type PurchaseLogRow = z.infer<typeof purchaseLogRow>;

export const deliveryLogRow = z.object({
  id: uuid,
  cardNo: z.string().regex(/^\d{10}$/),
  purchaseId: uuid.nullable(),
  address: z.string().min(1).max(200),
  note: z.string().max(200).nullable(),
  status: z.enum(DELIVERY_STATUSES),
  requestedAt: ms,
  requestedBy: z.string().min(1).max(64),
  updatedAt: ms,
});
export type DeliveryLogRow = z.infer<typeof deliveryLogRow>;
