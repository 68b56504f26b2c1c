import { z } from 'zod';
import { call } from './define';
import { ADMIN, OFFICE } from './roles';
import { exportedFile, id, isoDate, ok, optionalText, page, text } from './common';

/*
 * The caring-supermarket card registry (爱心超市 · 爱心卡, SPEC §4.1–4.4): households, the application
 * with its committee review (民主评议), public notice (公示) and approval, and the cards. Every step is
 * kept (append-only step and event logs); nothing is deleted.
 */

export const HARDSHIP_TYPES = ['低保', '特困', '低收入', '残疾', '孤寡'] as const;
export const hardshipType = z.enum(HARDSHIP_TYPES, 'household.hardship.invalid');

/** Money crossing the boundary is integer fen (分). 0 ≤ fen ≤ 10,000,000 (十万元) for any single field. */
export const fen = z
  .number('validation.invalidType')
  .int('money.fen.integer')
  .min(0, 'money.negative')
  .max(10_000_000, 'money.tooLarge');

/** percent: `value` % off (1–99, e.g. 10 → 九折); cost: sold at cost price (成本价), `value` is 0. */
export const BENEFIT_KINDS = ['percent', 'cost'] as const;
export const benefit = z
  .object({
    kind: z.enum(BENEFIT_KINDS, 'card.benefit.kind'),
    value: z.number('validation.invalidType').int('validation.integer').min(0).max(99, 'card.benefit.percentRange'),
  })
  .refine((b) => (b.kind === 'percent' ? b.value >= 1 : b.value === 0), { message: 'card.benefit.percentRange', path: ['value'] });
export type Benefit = z.infer<typeof benefit>;

// ---- households ------------------------------------------------------------------------------

export const householdMemberInput = z.object({ residentId: id, relation: text(10) });

export const householdInput = z.object({
  id: id.optional(),
  headResidentId: id,
  /** The other members (the head is a member implicitly, relation 户主). */
  members: z.array(householdMemberInput).max(20, 'household.members.tooMany').default([]),
  address: text(120),
  hardshipTypes: z.array(hardshipType).min(1, 'household.hardship.required').max(5),
  /** 低保证号 */
  allowanceCertNo: optionalText(40),
  notes: optionalText(500),
});
export type HouseholdInput = z.input<typeof householdInput>;

export const householdMember = z.object({
  residentId: z.string(),
  name: z.string(),
  relation: z.string(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
});

export const householdSummary = z.object({
  id: z.string(),
  headName: z.string(),
  headIdNumberMasked: z.string().nullable(),
  memberCount: z.number(),
  address: z.string(),
  hardshipTypes: z.array(z.string()),
  allowanceCertNo: z.string().nullable(),
  /** The household's current card (active or suspended), if any. */
  cardNo: z.string().nullable(),
  /** The latest application's status, if any. */
  applicationStatus: z.string().nullable(),
});
export type HouseholdSummary = z.infer<typeof householdSummary>;

// ---- applications: submitted → reviewed (民主评议) → notice (公示) → approved (card issued) -------

/**
 * submitted: recorded at the desk; reviewed: the committee agreed, waiting for the notice to be posted;
 * notice: posted, objections may be lodged until `noticeEnd`; approved: the admin approved and the card
 * was issued; rejected: by the committee, by an upheld objection or by the admin; withdrawn.
 */
export const APPLICATION_STATUSES = ['submitted', 'reviewed', 'notice', 'approved', 'rejected', 'withdrawn'] as const;
export const applicationStatus = z.enum(APPLICATION_STATUSES);
export const APPLICATION_STEP_ACTIONS = ['submitted', 'reviewed', 'noticePosted', 'objection', 'objectionSettled', 'approved', 'rejected', 'withdrawn'] as const;

export const applicationCreate = z.object({
  householdId: id,
  /** The cardholder, a member of the household; the head when left out. */
  holderResidentId: id.optional(),
  benefit,
  monthlyCapFen: fen.nullable().default(null),
  delivery: z.boolean().default(false),
  reason: text(500),
});

export const reviewInput = z.object({
  id,
  meetingDate: isoDate,
  /** Who was present (names, free text). */
  present: text(300),
  votesFor: z.number('validation.invalidType').int().min(0).max(999),
  votesAgainst: z.number('validation.invalidType').int().min(0).max(999),
  votesAbstain: z.number('validation.invalidType').int().min(0).max(999),
  decision: z.enum(['approve', 'reject'], 'application.review.decision'),
  note: optionalText(500),
});

export const noticeInput = z.object({
  id,
  startDate: isoDate,
  /** 公示期, default 7 days. */
  days: z.number('validation.invalidType').int().min(1, 'validation.tooSmall').max(30, 'validation.tooBig').default(7),
  place: text(100),
});

export const objection = z.object({
  id: z.string(),
  lodgedAt: z.number(),
  lodgedByName: z.string(),
  objector: z.string().nullable(),
  content: z.string(),
  settledAt: z.number().nullable(),
  settledByName: z.string().nullable(),
  settlement: z.string().nullable(),
  /** Upheld: the objection was right and the application is rejected. */
  upheld: z.boolean().nullable(),
});

export const applicationStep = z.object({ at: z.number(), action: z.enum(APPLICATION_STEP_ACTIONS), userName: z.string(), note: z.string().nullable() });

export const applicationSummary = z.object({
  id: z.string(),
  number: z.string(),
  householdId: z.string(),
  headName: z.string(),
  holderName: z.string(),
  status: applicationStatus,
  submittedAt: z.number(),
  noticeEnd: z.string().nullable(),
  openObjections: z.number(),
  cardId: z.string().nullable(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const applicationDetail = applicationSummary.extend({
  holderResidentId: z.string(),
  benefit,
  monthlyCapFen: z.number().nullable(),
  delivery: z.boolean(),
  reason: z.string(),
  review: z
    .object({
      meetingDate: z.string(),
      present: z.string(),
      votesFor: z.number(),
      votesAgainst: z.number(),
      votesAbstain: z.number(),
      decision: z.enum(['approve', 'reject']),
      note: z.string().nullable(),
    })
    .nullable(),
  notice: z.object({ startDate: z.string(), endDate: z.string(), place: z.string() }).nullable(),
  objections: z.array(objection),
  steps: z.array(applicationStep),
  /** Why approval is not possible yet (a message key), or null when the admin can approve now. */
  approvalBlockedBy: z.string().nullable(),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

// ---- cards ----------------------------------------------------------------------------------

/** Stored statuses; `expired` is derived from `validTo` for an active card. */
export const CARD_STATUSES = ['active', 'suspended', 'revoked', 'replaced'] as const;
export const EFFECTIVE_CARD_STATUSES = [...CARD_STATUSES, 'expired'] as const;
export const effectiveCardStatus = z.enum(EFFECTIVE_CARD_STATUSES);
export const CARD_EVENT_ACTIONS = ['issued', 'suspended', 'resumed', 'revoked', 'replaced', 'renewed', 'printed'] as const;

export const cardSummary = z.object({
  id: z.string(),
  cardNo: z.string(),
  householdId: z.string(),
  holderName: z.string(),
  benefit,
  monthlyCapFen: z.number().nullable(),
  delivery: z.boolean(),
  validFrom: z.string(),
  validTo: z.string(),
  status: effectiveCardStatus,
  statusReason: z.string().nullable(),
});
export type CardSummary = z.infer<typeof cardSummary>;

export const cardDetail = cardSummary.extend({
  holderResidentId: z.string(),
  applicationId: z.string().nullable(),
  replacedByCardNo: z.string().nullable(),
  keyId: z.number(),
  /** Discounted spending counted against the cap this month (Asia/Shanghai), in fen. */
  monthUsedFen: z.number(),
  events: z.array(z.object({ at: z.number(), action: z.enum(CARD_EVENT_ACTIONS), userName: z.string(), note: z.string().nullable() })),
});
export type CardDetail = z.infer<typeof cardDetail>;

/** What the printed card face shows (CR80, 85.6 × 54 mm). */
export const cardFace = z.object({
  centreName: z.string(),
  cardNo: z.string(),
  maskedName: z.string(),
  benefit,
  validFrom: z.string(),
  validTo: z.string(),
  delivery: z.boolean(),
  /** The signed payload as text, to be drawn as a QR code (alphanumeric mode). */
  qrText: z.string(),
});
export type CardFace = z.infer<typeof cardFace>;

export const CARD_LISTS = ['all', 'active', 'suspended', 'revoked', 'expired', 'replaced', 'reviewDue'] as const;

export const signingKey = z.object({ keyId: z.number(), createdAt: z.number(), fingerprint: z.string(), current: z.boolean() });

export const cardsContract = {
  'households.list': call({
    summary: '困难家庭列表',
    access: OFFICE,
    input: z.object({ q: optionalText(40), hardship: hardshipType.optional(), ...page }),
    output: z.object({ rows: z.array(householdSummary), total: z.number() }),
  }),
  'households.get': call({
    summary: '困难家庭详情',
    access: OFFICE,
    input: z.object({ id }),
    output: householdSummary.extend({
      headResidentId: z.string(),
      notes: z.string().nullable(),
      members: z.array(householdMember),
      applications: z.array(applicationSummary),
      cards: z.array(cardSummary),
    }),
  }),
  'households.save': call({ summary: '登记或修改困难家庭', access: OFFICE, input: householdInput, output: z.object({ id: z.string() }) }),

  'cardApplications.list': call({
    summary: '爱心卡申请列表',
    access: OFFICE,
    input: z.object({ status: applicationStatus.optional(), q: optionalText(40), ...page }),
    output: z.object({ rows: z.array(applicationSummary), total: z.number() }),
  }),
  'cardApplications.get': call({ summary: '申请详情（评议、公示、异议、审批记录）', access: OFFICE, input: z.object({ id }), output: applicationDetail }),
  'cardApplications.create': call({ summary: '登记爱心卡申请', access: OFFICE, input: applicationCreate, output: applicationDetail }),
  'cardApplications.review': call({ summary: '记录民主评议', access: OFFICE, input: reviewInput, output: applicationDetail }),
  'cardApplications.postNotice': call({ summary: '张贴公示', access: OFFICE, input: noticeInput, output: applicationDetail }),
  'cardApplications.lodgeObjection': call({
    summary: '登记公示期异议',
    access: OFFICE,
    input: z.object({ id, objector: optionalText(30), content: text(500) }),
    output: applicationDetail,
  }),
  'cardApplications.settleObjection': call({
    summary: '处理异议（成立则不予发卡）',
    access: ADMIN,
    input: z.object({ objectionId: id, settlement: text(500), upheld: z.boolean('validation.required') }),
    output: applicationDetail,
  }),
  'cardApplications.approve': call({
    summary: '审批通过并发卡',
    access: ADMIN,
    input: z.object({ id, validFrom: isoDate.optional() }),
    output: applicationDetail,
  }),
  'cardApplications.reject': call({ summary: '不予通过（须写原因）', access: ADMIN, input: z.object({ id, reason: text(300) }), output: applicationDetail }),
  'cardApplications.withdraw': call({ summary: '撤回申请', access: OFFICE, input: z.object({ id, reason: text(300) }), output: applicationDetail }),

  'cards.list': call({
    summary: '爱心卡列表',
    access: OFFICE,
    input: z.object({ list: z.enum(CARD_LISTS).default('all'), q: optionalText(40), ...page }),
    output: z.object({ rows: z.array(cardSummary), total: z.number() }),
  }),
  'cards.get': call({ summary: '爱心卡详情', access: OFFICE, input: z.object({ id }), output: cardDetail }),
  'cards.face': call({ summary: '打印卡面（写入审计）', access: OFFICE, input: z.object({ id }), output: cardFace }),
  'cards.suspend': call({ summary: '暂停爱心卡', access: ADMIN, input: z.object({ id, reason: text(200) }), output: cardDetail }),
  'cards.resume': call({ summary: '恢复爱心卡', access: ADMIN, input: z.object({ id, note: optionalText(200) }), output: cardDetail }),
  'cards.revoke': call({ summary: '注销爱心卡（写入审计）', access: ADMIN, input: z.object({ id, reason: text(200) }), output: cardDetail }),
  /** Lost card: a new number is issued, the old one is revoked; returns the new card. */
  'cards.replace': call({ summary: '挂失补卡', access: ADMIN, input: z.object({ id, reason: text(200) }), output: cardDetail }),
  /** Yearly review passed: valid one more year from the old end (or from today if it already lapsed). */
  'cards.renew': call({ summary: '年审续期', access: ADMIN, input: z.object({ id, note: optionalText(200) }), output: cardDetail }),
  'cards.export': call({
    summary: '导出爱心卡列表',
    access: OFFICE,
    input: z.object({ list: z.enum(CARD_LISTS).default('all'), q: optionalText(40) }),
    output: exportedFile,
  }),
  'cards.keys': call({ summary: '中心签名密钥', access: ADMIN, input: z.object({}), output: z.array(signingKey) }),
  'cards.rotateKey': call({ summary: '更换签名密钥（写入审计）', access: ADMIN, input: z.object({}), output: z.array(signingKey) }),
  'cards.settings': call({
    summary: '爱心卡规则',
    access: OFFICE,
    input: z.object({}),
    output: z.object({ reviewAheadDays: z.number(), voidWindowMinutes: z.number(), maxPurchaseFen: z.number() }),
  }),
  'cards.saveSettings': call({
    summary: '修改爱心卡规则',
    access: ADMIN,
    input: z.object({
      reviewAheadDays: z.number('validation.invalidType').int().min(1, 'validation.tooSmall').max(180, 'validation.tooBig'),
      voidWindowMinutes: z.number('validation.invalidType').int().min(1, 'validation.tooSmall').max(1440, 'validation.tooBig'),
      maxPurchaseFen: z.number('validation.invalidType').int().min(100, 'validation.tooSmall').max(10_000_000, 'validation.tooBig'),
    }),
    output: ok,
  }),
};
