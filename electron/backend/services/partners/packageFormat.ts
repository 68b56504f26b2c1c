import { z } from 'zod';
import { BENEFIT_KINDS, CARD_STATUSES } from '../../../../shared/contract/cards';

/**
 * The partner package (商户数据包, SPEC §4.4/§4.7): what a partner's till needs to work offline —
 * the centre's public keys, every card as the till may see it (revocations included), this month's
 * spending at other partners, the card rules and its verifier accounts. The file carries the body as
 * base64 of its exact UTF-8 bytes and an Ed25519 signature over those bytes, so a changed byte is
 * caught before anything in it is believed.
 */

export const PACKAGE_FORMAT = 'lianxin-partner-package';
export const PACKAGE_VERSION = 1;

const base64 = z.string().max(200).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fenValue = z.number().int().min(0).max(1_000_000_000);

export const packageFile = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  keyId: z.number().int().min(1).max(255),
  body: z.string().min(2),
  signature: base64,
});
export type PackageFile = z.infer<typeof packageFile>;

export const packageKey = z.object({ keyId: z.number().int().min(1).max(255), publicKey: base64, endorsement: base64.nullable() });
export type PackageKey = z.infer<typeof packageKey>;

/** Just the keys: read before the signature is checked (the signer's key is among them). */
export const packageKeys = z.object({ keys: z.array(packageKey).min(1).max(255) });

export const packageCard = z.object({
  cardNo: z.string().regex(/^\d{10}$/),
  maskedName: z.string().max(40),
  benefit: z.object({ kind: z.enum(BENEFIT_KINDS), value: z.number().int().min(0).max(99) }),
  monthlyCapFen: fenValue.nullable(),
  delivery: z.boolean(),
  validFrom: isoDate,
  validTo: isoDate,
  status: z.enum(CARD_STATUSES),
  deliveryAddress: z.string().max(200).nullable(),
});
export type PackageCard = z.infer<typeof packageCard>;

/** A card the county reported revoked (county sync): the till refuses it whatever its card row or QR says. */
export const packageRevocation = z.object({
  cardNo: z.string().min(1).max(32),
  centreCode: z.string().max(32),
  revokedAt: z.number().int().nonnegative(),
  reason: z.string().max(200),
});

export const packageVerifier = z.object({
  username: z.string().min(1).max(64),
  displayName: z.string().max(60),
  passwordHash: z.string().min(1).max(500),
  disabled: z.boolean(),
});

export const packageBody = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  centreCode: z.string().min(1).max(40),
  centreName: z.string().max(120),
  issuedAt: z.number().int().positive(),
  partner: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(120) }),
  verifiers: z.array(packageVerifier).max(500),
  keys: z
    .array(packageKey)
    .min(1)
    .max(255)
    .refine((keys) => new Set(keys.map((k) => k.keyId)).size === keys.length),
  cards: z
    .array(packageCard)
    .max(200_000)
    .refine((cards) => new Set(cards.map((c) => c.cardNo)).size === cards.length),
  usage: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), byCard: z.record(z.string().regex(/^\d{10}$/), fenValue) }),
  /** Absent in packages made before county sync; an empty list when sync is off. */
  countyRevocations: z.array(packageRevocation).max(200_000).optional(),
  rules: z.object({
    reviewAheadDays: z.number().int().min(1).max(366),
    voidWindowMinutes: z.number().int().min(1).max(1440),
    maxPurchaseFen: z.number().int().min(1).max(10_000_000),
  }),
});
export type PackageBody = z.infer<typeof packageBody>;
