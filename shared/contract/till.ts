import { z } from 'zod';
import { call } from './define';
import { exportedFile, fileBase64, id, isoDate, optionalText, text } from './common';
import { benefit, fen } from './cards';
import type { Role } from './roles';

/*
 * The partner's till (核验, SPEC §4.6–4.7). These calls are all a partner verifier can make besides
 * the session: they return card numbers, masked names, amounts and — for delivery only — a delivery
 * address; never an ID number, a phone or any other address. The same calls run at the centre (on its
 * live card table) and on a partner's own PC (on the imported partner package).
 */

export const PARTNER: Role[] = ['partner'];
/** Staff at the centre may check a card too (核验), but only a partner logs purchases. */
export const VERIFIERS: Role[] = ['partner', 'admin', 'desk'];

/**
 * Why a card is refused, one message each:
 * unreadable — not a card code at all (e.g. a truncated QR, a burst that was not a scan);
 * badCheckDigit — a typed number whose check digit is wrong; forged — the signature does not match
 * (a copied or edited code); unknownKey — signed with a key this till does not hold (update the
 * package); wrongCentre — a card of another centre; unknown — a number nobody issued; revoked,
 * replaced, suspended, expired, notYetValid; capReached — nothing left of this month's cap;
 * countyRevoked — the county reported the card revoked (county sync, table county_revocations).
 */
export const REFUSALS = [
  'unreadable',
  'badCheckDigit',
  'forged',
  'unknownKey',
  'wrongCentre',
  'unknown',
  'revoked',
  'replaced',
  'suspended',
  'expired',
  'notYetValid',
  'capReached',
  'countyRevoked',
] as const;
export const refusal = z.enum(REFUSALS);
export type Refusal = z.infer<typeof refusal>;

/** The scanned text (a QR payload, `LX1:…`) or a typed card number. */
export const cardCode = z.string('validation.required').trim().min(1, 'till.code.required').max(400, 'till.code.tooLong');

export const verdict = z.object({
  ok: z.boolean(),
  reason: refusal.nullable(),
  cardNo: z.string().nullable(),
  maskedName: z.string().nullable(),
  benefit: benefit.nullable(),
  monthlyCapFen: z.number().nullable(),
  /** What is left of this month's cap, null when the card has no cap. */
  capLeftFen: z.number().nullable(),
  delivery: z.boolean(),
  validTo: z.string().nullable(),
  /** Use as the purchase's id: submitting the same purchase twice logs it once. */
  purchaseId: z.string().nullable(),
});
export type Verdict = z.infer<typeof verdict>;

export const purchase = z.object({
  id: z.string(),
  at: z.number(),
  cardNo: z.string(),
  maskedName: z.string(),
  /** Shelf price of the goods. */
  amountFen: fen,
  /** For a cost-price card: what the goods cost the shop (the customer pays this for the capped part). */
  costFen: fen.nullable(),
  /** The part of the amount that got the benefit (the rest was over the monthly cap). */
  eligibleFen: fen,
  discountFen: fen,
  payFen: fen,
  tillUserName: z.string(),
  voidedAt: z.number().nullable(),
  voidReason: z.string().nullable(),
  /** Still inside the void window. */
  voidable: z.boolean(),
});
export type Purchase = z.infer<typeof purchase>;

export const DELIVERY_STATUSES = ['requested', 'delivered', 'cancelled'] as const;
export const deliveryStatus = z.enum(DELIVERY_STATUSES);

export const delivery = z.object({
  id: z.string(),
  requestedAt: z.number(),
  cardNo: z.string(),
  maskedName: z.string(),
  address: z.string(),
  note: z.string().nullable(),
  status: deliveryStatus,
  purchaseId: z.string().nullable(),
  updatedAt: z.number(),
});
export type Delivery = z.infer<typeof delivery>;

export const tillStatus = z.object({
  /** 'centre': this PC is the centre (live cards); 'partner': a partner's till on a package. */
  mode: z.enum(['centre', 'partner']),
  partnerName: z.string().nullable(),
  centreName: z.string(),
  centreCode: z.string(),
  /** When the package in use was made at the centre (null at the centre itself). */
  packageIssuedAt: z.number().nullable(),
  cardsKnown: z.number(),
  refusedCards: z.number(),
  /** Purchases not yet exported to the centre (partner mode). */
  unexportedPurchases: z.number(),
  voidWindowMinutes: z.number(),
  maxPurchaseFen: z.number(),
});
export type TillStatus = z.infer<typeof tillStatus>;

export const tillContract = {
  'till.status': call({ summary: '收银台状态（数据包日期等）', access: VERIFIERS, input: z.object({}), output: tillStatus }),
  'till.verify': call({ summary: '核验爱心卡', access: VERIFIERS, input: z.object({ code: cardCode }), output: verdict }),
  'till.purchase': call({
    summary: '登记消费（同一笔提交两次只记一次）',
    access: PARTNER,
    input: z.object({
      purchaseId: id,
      code: cardCode,
      amountFen: fen.refine((v) => v > 0, 'money.zero'),
      costFen: fen.nullable().default(null),
      /** The discount the screen showed; if the cap moved meanwhile (another till), nothing is logged. */
      expectedDiscountFen: fen,
      delivery: z.object({ address: text(120), note: optionalText(200) }).nullable().default(null),
    }),
    output: purchase,
  }),
  'till.void': call({ summary: '撤销消费（限时，须写原因）', access: PARTNER, input: z.object({ id, reason: text(200) }), output: purchase }),
  'till.purchases': call({
    summary: '本店消费记录',
    access: PARTNER,
    input: z.object({ date: isoDate.optional() }),
    output: z.object({ rows: z.array(purchase), count: z.number(), amountFen: z.number(), discountFen: z.number(), payFen: z.number() }),
  }),
  'till.deliveries': call({
    summary: '本店送货上门',
    access: PARTNER,
    input: z.object({ status: deliveryStatus.optional() }),
    output: z.array(delivery),
  }),
  'till.requestDelivery': call({
    summary: '登记送货上门',
    access: PARTNER,
    input: z.object({ cardNo: z.string().trim().regex(/^\d{10}$/, 'card.number.format'), address: text(120), note: optionalText(200), purchaseId: id.nullable().default(null) }),
    output: delivery,
  }),
  'till.setDeliveryStatus': call({
    summary: '送货状态',
    access: PARTNER,
    input: z.object({ id, status: deliveryStatus }),
    output: delivery,
  }),
  /** The delivery address the centre holds for a delivery-eligible card (null otherwise). */
  'till.deliveryAddress': call({
    summary: '送货地址',
    access: PARTNER,
    input: z.object({ cardNo: z.string().trim().regex(/^\d{10}$/, 'card.number.format') }),
    output: z.object({ address: z.string().nullable() }),
  }),
  'till.importPackage': call({ summary: '导入中心数据包', access: PARTNER, input: z.object({ fileBase64 }), output: tillStatus }),
  'till.exportPurchases': call({ summary: '导出本店消费记录（交中心）', access: PARTNER, input: z.object({}), output: exportedFile }),
};
