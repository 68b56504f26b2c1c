import { z } from 'zod';
import { call } from './define';
import { ADMIN, OFFICE } from './roles';
import { epochMs, id, ok } from './common';

/**
 * County sync (SPEC §7). Only the admin sees or changes the settings; the credential goes in and
 * never comes back out (`hasCredential` only). The desk sees the header badge and, when reviewing a
 * card application, what the county's roster says.
 */

/** Plain reasons the engine or 测试连接 can give; the UI maps each to a sentence (sync.error.*). */
export const SYNC_ERRORS = [
  'unreachable', // DNS, refused, reset, dropped
  'timeout',
  'bad_credential',
  'credential_expired',
  'unknown_centre',
  'clock_skew',
  'untrusted_certificate',
  'certificate_mismatch', // the name on the certificate is not the endpoint's
  'not_county', // HTML back, a redirect, no or wrong response signature
  'bad_response', // not JSON, wrong shape, too big
  'server_error', // 5xx
  'cursor_unknown',
  'http_refused', // http:// to a host that is not loopback
  'not_configured',
] as const;
export type SyncError = (typeof SYNC_ERRORS)[number];

const endpoint = z.string().trim().min(1, 'sync.endpoint.required').max(300, 'validation.tooBig');
const centreCode = z.string().trim().regex(/^[A-Za-z0-9-]{2,32}$/, 'sync.centreCode.format');
/** Empty keeps the saved one. */
const credential = z.string().max(200, 'validation.tooBig');

export const syncSettings = z.object({
  enabled: z.boolean(),
  endpoint: z.string(),
  centreCode: z.string(),
  hasCredential: z.boolean(),
  /** How the credential is kept: Electron's safeStorage, or a file only the app's user can read. */
  credentialStorage: z.enum(['safeStorage', 'file']),
  ca: z.object({ subject: z.string(), validTo: z.string(), fingerprint: z.string() }).nullable(),
});
export type SyncSettings = z.infer<typeof syncSettings>;

export const syncBadge = z.enum(['off', 'synced', 'pending', 'offline']);
export const syncStatus = z.object({
  badge: syncBadge,
  pending: z.number().int(),
  parked: z.number().int(),
  lastSuccessAt: epochMs.nullable(),
  lastError: z.object({ code: z.enum(SYNC_ERRORS), at: epochMs, detail: z.string().nullable() }).nullable(),
  nextAttemptAt: epochMs.nullable(),
  running: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const connectionTest = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), county: z.string(), centreName: z.string(), skewSeconds: z.number() }),
  z.object({ ok: z.literal(false), error: z.enum(SYNC_ERRORS), skewMinutes: z.number().optional(), detail: z.string().nullable() }),
]);
export type ConnectionTest = z.infer<typeof connectionTest>;

export const syncLogEntry = z.object({
  id: z.number(),
  at: epochMs,
  direction: z.enum(['up', 'down', 'error']),
  stream: z.string().nullable(),
  count: z.number(),
  detail: z.string().nullable(),
});
export const parkedItem = z.object({
  direction: z.enum(['up', 'down']),
  /** The outbox entry's id (up) or the parked row's id (down), as text. */
  id: z.string(),
  stream: z.string(),
  kind: z.string(),
  recordRef: z.string().nullable(),
  code: z.string(),
  reason: z.string(),
  at: epochMs,
});
export type ParkedItem = z.infer<typeof parkedItem>;

export const rosterCheck = z.object({
  /** False when sync has never pulled the roster: the UI says so instead of "not on the roster". */
  rosterKnown: z.boolean(),
  onRoster: z.object({ householdSize: z.number(), validFrom: z.string(), validTo: z.string() }).nullable(),
  otherCards: z.array(z.object({ centreName: z.string(), cardNoMasked: z.string(), status: z.string() })),
});
export type RosterCheck = z.infer<typeof rosterCheck>;

export const syncContract = {
  'sync.settings.get': call({ input: z.object({}), output: syncSettings, access: ADMIN, summary: '县级平台同步设置（不含凭据）' }),
  'sync.settings.save': call({
    input: z.object({ enabled: z.boolean(), endpoint, centreCode, credential }),
    output: ok,
    access: ADMIN,
    summary: '保存同步设置（审计）',
  }),
  'sync.settings.importCa': call({
    input: z.object({ pem: z.string().max(100_000, 'sync.ca.invalid') }),
    output: ok,
    access: ADMIN,
    summary: '导入县级平台的 CA 证书（审计）',
  }),
  'sync.settings.removeCa': call({ input: z.object({}), output: ok, access: ADMIN, summary: '移除 CA 证书（审计）' }),
  'sync.testConnection': call({
    input: z.object({ endpoint, centreCode, credential }),
    output: connectionTest,
    access: ADMIN,
    summary: '测试连接（不保存）',
  }),
  'sync.status': call({ input: z.object({}), output: syncStatus, access: OFFICE, summary: '同步状态（页头徽标）' }),
  'sync.activity': call({
    input: z.object({}),
    output: z.object({ log: z.array(syncLogEntry), parked: z.array(parkedItem), cursors: z.array(z.object({ stream: z.string(), recordsApplied: z.number(), updatedAt: epochMs })) }),
    access: ADMIN,
    summary: '同步记录与搁置项',
  }),
  'sync.now': call({ input: z.object({}), output: ok, access: ADMIN, summary: '立即同步（不等待网络）' }),
  'sync.retryParked': call({
    input: z.object({ direction: z.enum(['up', 'down']), id: z.string().max(64) }),
    output: ok,
    access: ADMIN,
    summary: '重试搁置项',
  }),
  'sync.rosterCheck': call({ input: z.object({ householdId: id }), output: rosterCheck, access: OFFICE, summary: '低保名单与他处持卡（审核用）' }),
};
