import { z } from 'zod';

/**
 * The county sync protocol, version 1, as code: the sync engine and the reference county endpoint
 * (tests/county) both validate with these schemas, and docs/sync-protocol.md describes them for a
 * county's IT. Change one, change the other.
 */
export const PROTOCOL_VERSION = 1;
export const API_PREFIX = '/v1';

export const LIMITS = {
  /** Entries in one push. */
  pushBatchMax: 500,
  /** Bytes of a request or response body. */
  bodyMaxBytes: 2 * 1024 * 1024,
  /** Records in one pull page. */
  pullPageMax: 500,
  /** How far the client's clock may be from the county's. */
  clockSkewMs: 5 * 60_000,
  /** How long the county remembers a nonce (at least twice the skew). */
  nonceWindowMs: 10 * 60_000,
} as const;

export const HEADERS = {
  protocol: 'x-lx-protocol',
  centre: 'x-lx-centre',
  timestamp: 'x-lx-timestamp',
  nonce: 'x-lx-nonce',
  signature: 'x-lx-signature',
} as const;

/** Error codes in `{ error: { code, message } }` bodies; `message` is for logs, clients map the code. */
export const ERROR_CODES = [
  'bad_request', // body not JSON, wrong shape, too many entries (400)
  'unknown_centre', // 401
  'bad_signature', // 401
  'credential_expired', // 401
  'clock_skew', // 401, with serverTime
  'replayed', // 401: nonce seen before
  'unsupported_protocol', // 400
  'unknown_stream', // 404
  'cursor_unknown', // 410: start the stream again from no cursor
  'too_large', // 413
  'rate_limited', // 429, Retry-After
  'unavailable', // 503, Retry-After
  'internal', // 500
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string().optional(), serverTime: z.number().optional() }) });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const epochMs = z.number().int().nonnegative();
const fen = z.number().int();
const text = (max: number) => z.string().max(max);
/** HMAC-SHA256 of the ID number (upper-case X) with the county's key, hex. */
export const idHash = z.string().regex(/^[0-9a-f]{64}$/);

// ---- up: what the centre pushes (stream, kind, payload) ----

const requestStatus = z.enum(['received', 'assigned', 'in_progress', 'resolved', 'closed', 'void']);
export const upPayloads = {
  requests: {
    'request.status': z.object({
      number: text(32),
      status: requestStatus,
      action: text(32),
      at: epochMs,
      serviceId: text(64),
      serviceName: text(100).optional(),
      mode: z.enum(['immediate', 'onsite', 'homevisit', 'assigned', 'escalated']),
      channel: z.enum(['window', 'phone', 'grid', 'station', 'county']),
      department: text(100).nullable(),
      dueDate: day,
      satisfaction: z.enum(['satisfied', 'basic', 'unsatisfied']).nullable().optional(),
      description: text(2000).optional(),
      /** The county's id of a request it dispatched (channel county). */
      originRef: text(64).nullable().optional(),
    }),
  },
  appointments: {
    'appointment.status': z.object({
      number: text(32),
      stationId: text(64),
      serviceId: text(64),
      day,
      startMinute: z.number().int().min(0).max(1440),
      action: text(32),
      status: text(32),
      at: epochMs,
    }),
  },
  cards: Object.fromEntries(
    ['issued', 'suspended', 'resumed', 'revoked', 'replaced', 'renewed'].map((k) => [
      k,
      z.object({
        cardNo: text(32),
        householdId: text(64),
        status: z.enum(['active', 'suspended', 'revoked', 'replaced']),
        validTo: day,
        at: epochMs,
        replacedByCardNo: text(32).optional(),
        /** Added by the sync engine when pushing; the ID number itself never leaves the centre. */
        holderIdHash: idHash,
        idHashKeyId: text(32),
      }),
    ]),
  ) as Record<string, z.ZodTypeAny>,
  purchases: Object.fromEntries(
    ['purchase', 'void'].map((k) => [
      k,
      z.object({
        cardNo: text(32),
        partnerId: text(64),
        at: epochMs,
        month,
        amountFen: fen,
        eligibleFen: fen,
        discountFen: fen,
        payFen: fen,
        voidedAt: epochMs.nullable(),
      }),
    ]),
  ) as Record<string, z.ZodTypeAny>,
  figures: {
    'figures.daily': z.object({
      date: day,
      ticketsIssued: z.number().int().nonnegative(),
      ticketsServed: z.number().int().nonnegative(),
      avgWaitMinutes: z.number().nonnegative().nullable(),
      requestsReceived: z.number().int().nonnegative(),
      requestsResolved: z.number().int().nonnegative(),
      appointmentsCompleted: z.number().int().nonnegative(),
      purchases: z.number().int().nonnegative(),
      discountFen: fen,
    }),
  },
  attendance: {
    'attendance.monthly': z.object({
      month,
      staffId: text(64),
      staffName: text(50),
      plannedShifts: z.number().int().nonnegative(),
      attendedMinutes: z.number().int().nonnegative(),
      lateCount: z.number().int().nonnegative(),
      earlyCount: z.number().int().nonnegative(),
      absentCount: z.number().int().nonnegative(),
    }),
  },
} as const satisfies Record<string, Record<string, z.ZodTypeAny>>;
export type UpStream = keyof typeof upPayloads;
export const UP_STREAMS = Object.keys(upPayloads) as UpStream[];

export const pushEntry = z.object({
  /** The outbox entry's id: its idempotency key. */
  id: z.string().min(1).max(64),
  stream: z.string().max(32),
  kind: z.string().max(64),
  recordId: z.string().min(1).max(64),
  createdAt: epochMs,
  payload: z.unknown(),
});
export type PushEntry = z.infer<typeof pushEntry>;

export const pushRequest = z.object({ entries: z.array(pushEntry).min(1).max(LIMITS.pushBatchMax) });
export const pushResult = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted') }),
  z.object({ id: z.string(), status: z.literal('duplicate') }),
  z.object({ id: z.string(), status: z.literal('rejected'), code: z.string().max(64), reason: z.string().max(500) }),
]);
export type PushResult = z.infer<typeof pushResult>;
export const pushResponse = z.object({ results: z.array(pushResult) });

/** Validates one entry's payload against its stream and kind; null when fine, else the reason. */
export function checkUpPayload(e: PushEntry): { code: string; reason: string } | null {
  const kinds = (upPayloads as Record<string, Record<string, z.ZodTypeAny>>)[e.stream];
  if (!kinds) return { code: 'unknown_stream', reason: `unknown stream ${e.stream}` };
  const schema = kinds[e.kind];
  if (!schema) return { code: 'unknown_kind', reason: `unknown kind ${e.kind} in ${e.stream}` };
  const r = schema.safeParse(e.payload);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { code: 'invalid_payload', reason: `${i.path.join('.') || 'payload'}: ${i.message}` };
  }
  return null;
}

// ---- down: what the centre pulls (stream → record) ----

const rec = { id: z.string().min(1).max(64), rev: z.number().int().positive(), version: z.literal(1) };

export const downRecords = {
  /** Requests the county sends to this centre; they become local requests (channel county). */
  dispatch: z.object({
    ...rec,
    ref: text(64),
    title: text(100),
    description: text(2000),
    department: text(100).nullable(),
    serviceCode: text(32).nullable(),
    dueDate: day,
    dispatchedAt: epochMs,
    /** withdrawn: the county took it back. */
    state: z.enum(['active', 'withdrawn']),
  }),
  /** The minimum-allowance (低保) roster: keyed hashes only. */
  roster: z.object({
    ...rec,
    idHash,
    householdSize: z.number().int().min(1).max(30),
    validFrom: day,
    validTo: day,
    removed: z.boolean(),
  }),
  /** Cards held in other centres, for the duplicate warning. */
  otherCards: z.object({
    ...rec,
    idHash,
    centreCode: text(32),
    centreName: text(100),
    cardNo: text(32),
    status: z.enum(['active', 'suspended', 'revoked', 'replaced']),
  }),
  /** The holiday and 调休 calendar. */
  calendar: z.object({
    ...rec,
    date: day,
    kind: z.enum(['holiday', 'workday', 'normal']),
    name: text(50),
  }),
  /** Revoked cards (any centre's) that partner tills must refuse. */
  revocations: z.object({
    ...rec,
    cardNo: text(32),
    centreCode: text(32),
    revokedAt: epochMs,
    reason: text(200),
  }),
} as const;
export type DownStream = keyof typeof downRecords;
export const DOWN_STREAMS = Object.keys(downRecords) as DownStream[];
export type DownRecord<S extends DownStream> = z.infer<(typeof downRecords)[S]>;

export const pullResponse = z.object({
  stream: z.string(),
  /** Records of any shape: each is validated on its own so one bad record is parked, not the page. */
  records: z.array(z.unknown()).max(LIMITS.pullPageMax),
  /** Opaque: send it back as is; null only when the stream is empty. */
  cursor: z.string().max(512).nullable(),
  more: z.boolean(),
});

export const helloResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  county: text(100),
  centreCode: text(32),
  centreName: text(100),
  serverTime: epochMs,
  /** The key for ID-number hashes (base64, 32 bytes) and its id; it changes rarely. */
  idHashKey: z.string().min(40).max(100),
  idHashKeyId: text(32),
  streams: z.array(z.string()),
});
export type Hello = z.infer<typeof helloResponse>;
