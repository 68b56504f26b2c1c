import { z } from 'zod';

/** Text typed by a person: trimmed, required, bounded (and no control characters). */
export const text = (max: number) =>
  z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'validation.controlChars');

export const optionalText = (max: number) =>
  z
    .string('validation.invalidType')
    .trim()
    .max(max, 'validation.tooLong')
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'validation.controlChars')
    .optional()
    .transform((s) => (s === '' || s === undefined ? undefined : s));

/**
 * A field the UI only ever sees masked (ID number, phone), on update: left out (or empty) keeps the
 * stored value, `null` clears it, text replaces it. The form never needs the full value back.
 */
export const maskedFieldUpdate = (max: number) => optionalText(max).nullable();

export const id = z.string('validation.required').regex(/^[0-9a-f-]{36}$/, 'validation.badId');

/**
 * A real calendar day, YYYY-MM-DD: the same round trip the date arithmetic does (shared/rules/workdays),
 * so 2026-02-30 or 0000-01-01 is refused here instead of throwing deep in a handler. Years 1900–2199:
 * nothing at a front desk is older, and 9999-12-31 plus a few working days would leave the format.
 */
export const isoDate = z
  .string('validation.required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.badDate')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const t = Date.UTC(y, m - 1, day);
    return y >= 1900 && y < 2200 && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'validation.badDate');

export const epochMs = z.number().int().nonnegative();

export const page = {
  limit: z.number('validation.invalidType').int().min(1).max(500).default(50),
  offset: z.number('validation.invalidType').int().min(0).max(10_000_000).default(0),
};

export const ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof ok>;

/** A binary file crossing the boundary (Excel import/export): base64, at most ~15 MB of data. */
export const fileBase64 = z.string('validation.required').max(20_000_000, 'file.tooLarge');
export const exportedFile = z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() });
