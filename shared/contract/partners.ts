import { z } from 'zod';
import { call } from './define';
import { ADMIN, OFFICE } from './roles';
import { exportedFile, fileBase64, id, optionalText, text } from './common';
import { password, user, username } from './accounts';
import { fen } from './cards';

/*
 * Partners (爱心商户, SPEC §4.5), the exchange with their tills without sync (§4.4, §4.7), and the card
 * reports (§4.8). All of this is the centre's side; the till's side is in `till.ts`.
 */

export const partnerInput = z.object({
  id: id.optional(),
  name: text(60),
  address: text(120),
  contactName: text(30),
  contactPhone: text(20),
  /** What they offer (商品/折扣说明). */
  offer: optionalText(300),
  active: z.boolean().default(true),
});

export const partner = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  offer: z.string().nullable(),
  active: z.boolean(),
  verifierCount: z.number(),
  /** When the last partner package was exported for this partner, and the last purchase log imported. */
  lastPackageAt: z.number().nullable(),
  lastImportAt: z.number().nullable(),
});
export type Partner = z.infer<typeof partner>;

export const purchaseImportResult = z.object({
  partnerName: z.string(),
  added: z.number(),
  alreadyHad: z.number(),
  voidsApplied: z.number(),
  deliveries: z.number(),
  /** Purchases of card numbers this centre does not know (kept, listed in the reconciliation). */
  unknownCards: z.number(),
});

/** A month as `YYYY-MM` (Asia/Shanghai). */
export const month = z.string('validation.required').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.badMonth');

export const partnerMonthRow = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  purchases: z.number(),
  voided: z.number(),
  cards: z.number(),
  amountFen: z.number(),
  discountFen: z.number(),
  payFen: z.number(),
});

export const householdMonthRow = z.object({
  householdId: z.string().nullable(),
  headName: z.string(),
  cardNo: z.string(),
  purchases: z.number(),
  amountFen: z.number(),
  discountFen: z.number(),
  capFen: z.number().nullable(),
});

export const cardReport = z.object({
  month: z.string(),
  activeCards: z.number(),
  reviewsDue: z.number(),
  byPartner: z.array(partnerMonthRow),
  totals: partnerMonthRow.omit({ partnerId: true, partnerName: true }),
  /** The twelve months ending at `month`: purchases and discounts, for the trend. */
  trend: z.array(z.object({ month: z.string(), purchases: z.number(), amountFen: z.number(), discountFen: z.number() })),
  /** Households with spending this month, biggest discount first (first 200; the export has all). */
  byHousehold: z.array(householdMonthRow),
});
export type CardReport = z.infer<typeof cardReport>;

export const partnersContract = {
  'partners.list': call({ summary: '爱心商户列表', access: OFFICE, input: z.object({}), output: z.array(partner) }),
  'partners.save': call({ summary: '登记或修改爱心商户', access: ADMIN, input: partnerInput, output: partner }),
  'partners.verifiers': call({ summary: '商户的收银账号', access: ADMIN, input: z.object({ partnerId: id }), output: z.array(user) }),
  'partners.addVerifier': call({
    summary: '新建商户收银账号',
    access: ADMIN,
    input: z.object({ partnerId: id, username, displayName: text(30), password }),
    output: user,
  }),
  /** The signed package for one partner's till: public keys, revocations, card rules, its verifier accounts. */
  'partners.exportPackage': call({ summary: '导出商户数据包（签名，写入审计）', access: ADMIN, input: z.object({ partnerId: id }), output: exportedFile }),
  'partners.importPurchases': call({
    summary: '导入商户消费记录（重复导入不重复记账，写入审计）',
    access: OFFICE,
    input: z.object({ fileBase64 }),
    output: purchaseImportResult,
  }),
  'cardReports.month': call({ summary: '爱心卡月报', access: OFFICE, input: z.object({ month }), output: cardReport }),
  'cardReports.export': call({
    summary: '导出爱心卡月报（补贴核对，写入审计）',
    access: OFFICE,
    input: z.object({ month, partnerId: id.optional() }),
    output: exportedFile,
  }),
  'cardReports.purchases': call({
    summary: '消费明细',
    access: OFFICE,
    input: z.object({
      month,
      partnerId: id.optional(),
      cardNo: optionalText(20),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output: z.object({
      rows: z.array(
        z.object({
          id: z.string(),
          at: z.number(),
          partnerName: z.string(),
          cardNo: z.string(),
          holderName: z.string().nullable(),
          amountFen: fen,
          discountFen: fen,
          payFen: fen,
          voided: z.boolean(),
          voidReason: z.string().nullable(),
        }),
      ),
      total: z.number(),
    }),
  }),
};
