import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { HEADERS, LIMITS, PROTOCOL_VERSION } from './protocol';

/**
 * Request authentication (docs/sync-protocol.md §Authentication): HMAC-SHA256 with the shared
 * credential over the method, path with query, centre code, timestamp, nonce and the body's SHA-256.
 * The county checks the timestamp window and refuses a nonce it has seen, so a captured request
 * cannot be replayed. Responses are signed too, over the status, the request's nonce and the body,
 * so the centre knows it talks to its county and not to whatever answers at that address.
 */
export const sha256Hex = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

export function requestCanonical(method: string, pathWithQuery: string, centre: string, timestamp: string, nonce: string, bodyHash: string): string {
  return ['LX-SYNC-1', method.toUpperCase(), pathWithQuery, centre, timestamp, nonce, bodyHash].join('\n');
}

export function responseCanonical(status: number, nonce: string, bodyHash: string): string {
  return ['LX-SYNC-1-RESPONSE', String(status), nonce, bodyHash].join('\n');
}

const mac = (credential: string, canonical: string) => createHmac('sha256', Buffer.from(credential, 'utf8')).update(canonical).digest('hex');

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The headers a signed request carries. */
export function signRequest(opts: {
  credential: string;
  centre: string;
  method: string;
  pathWithQuery: string;
  body: Buffer | string;
  now: number;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(opts.now);
  const nonce = opts.nonce ?? newNonce();
  const sig = mac(opts.credential, requestCanonical(opts.method, opts.pathWithQuery, opts.centre, timestamp, nonce, sha256Hex(opts.body)));
  return {
    [HEADERS.protocol]: String(PROTOCOL_VERSION),
    [HEADERS.centre]: opts.centre,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.signature]: `v1=${sig}`,
  };
}

export type VerifyFailure = 'missing_headers' | 'bad_signature' | 'clock_skew' | 'replayed';

/**
 * The county's check of a request. `seenNonce` records the nonce and says whether it was already
 * there (the county keeps them for LIMITS.nonceWindowMs). The signature is checked before the nonce
 * is recorded, so a forged request cannot burn a real client's nonce.
 */
export function verifyRequest(opts: {
  credential: string;
  method: string;
  pathWithQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
  now: number;
  seenNonce: (centre: string, nonce: string, at: number) => boolean;
}): { ok: true; centre: string } | { ok: false; failure: VerifyFailure } {
  const h = (name: string) => {
    const v = opts.headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const centre = h(HEADERS.centre);
  const timestamp = h(HEADERS.timestamp);
  const nonce = h(HEADERS.nonce);
  const signature = h(HEADERS.signature);
  if (!centre || !timestamp || !nonce || !signature || !/^\d{1,16}$/.test(timestamp) || nonce.length > 64) return { ok: false, failure: 'missing_headers' };
  const expected = `v1=${mac(opts.credential, requestCanonical(opts.method, opts.pathWithQuery, centre, timestamp, nonce, sha256Hex(opts.body)))}`;
  if (!safeEqual(signature, expected)) return { ok: false, failure: 'bad_signature' };
  if (Math.abs(opts.now - Number(timestamp)) > LIMITS.clockSkewMs) return { ok: false, failure: 'clock_skew' };
  if (opts.seenNonce(centre, nonce, opts.now)) return { ok: false, failure: 'replayed' };
  return { ok: true, centre };
}

export function signResponse(credential: string, status: number, requestNonce: string, body: Buffer | string): string {
  return `v1=${mac(credential, responseCanonical(status, requestNonce, sha256Hex(body)))}`;
}

export function verifyResponse(credential: string, status: number, requestNonce: string, body: Buffer | string, signature: string | undefined): boolean {
  if (!signature) return false;
  return safeEqual(signature, signResponse(credential, status, requestNonce, body));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The keyed hash of an ID number the county gets instead of the number (protocol §Record types). */
export function idNumberHash(idHashKeyBase64: string, idNumber: string): string {
  return createHmac('sha256', Buffer.from(idHashKeyBase64, 'base64')).update(idNumber.trim().toUpperCase()).digest('hex');
}
