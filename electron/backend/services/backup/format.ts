import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { writeDurably } from './durableWrite';
import { backupError } from './errors';

/**
 * Backup file format, version 1:
 *
 *   bytes 0..4   magic "LXBK1" (ASCII)
 *   byte  5      0 = plain, 1 = encrypted
 *   bytes 6..9   manifest length N (uint32, big-endian)
 *   next N bytes manifest, UTF-8 JSON (appVersion, schemaVersion, createdAt, counts, dbBytes, sha256)
 *   rest         plain:     the SQLite database bytes
 *                encrypted: salt(16) | iv(12) | key check(16) | AES-256-GCM ciphertext of the database | tag(16)
 *
 * Encrypted: key = scrypt(passphrase, salt, 32, N=2^17, r=8, p=1); the header bytes (magic to
 * manifest end) are the GCM additional data, so the manifest cannot be altered either. The key check
 * (HMAC-SHA256(key, "LXBK1 key check"), first 16 bytes) tells a wrong passphrase at once, before
 * gigabytes are decrypted; the GCM tag still guards every byte.
 * The manifest holds no personal data (only counts per table), so it stays readable without the passphrase.
 * Everything streams: a ten-year database of several gigabytes never sits in memory.
 */
export const MAGIC = Buffer.from('LXBK1', 'ascii');
const HEADER_FIXED = MAGIC.length + 1 + 4;
const SALT = 16;
const IV = 12;
const CHECK = 16;
const TAG = 16;
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const CHUNK = 1024 * 1024;
const MAX_MANIFEST = 1024 * 1024;

export interface Manifest {
  format: 1;
  appVersion: string;
  schemaVersion: number;
  createdAt: number;
  counts: Record<string, number>;
  dbBytes: number;
  sha256: string;
  encrypted: boolean;
  /** The audit log's hash chain held in the copy (absent in files from before the check). */
  auditChainOk?: boolean | null;
}

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

const keyCheck = (key: Buffer) => crypto.createHmac('sha256', key).update('LXBK1 key check').digest().subarray(0, CHECK);

export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: CHUNK }), hash);
  return hash.digest('hex');
}

function headerOf(manifest: Manifest, encrypted: boolean): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const fixed = Buffer.alloc(HEADER_FIXED);
  MAGIC.copy(fixed, 0);
  fixed[MAGIC.length] = encrypted ? 1 : 0;
  fixed.writeUInt32BE(json.length, MAGIC.length + 1);
  return Buffer.concat([fixed, json]);
}

/** The backup file's bytes, chunk by chunk: header, then the database (encrypted with a passphrase). */
export async function* encodeStream(manifest: Manifest, dbFile: string, passphrase?: string): AsyncGenerator<Buffer> {
  const head = headerOf(manifest, Boolean(passphrase));
  yield head;
  const source = fs.createReadStream(dbFile, { highWaterMark: CHUNK });
  if (!passphrase) {
    for await (const chunk of source) yield chunk as Buffer;
    return;
  }
  const salt = crypto.randomBytes(SALT);
  const iv = crypto.randomBytes(IV);
  const key = await scrypt(passphrase, salt, 32, SCRYPT);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(head);
  yield Buffer.concat([salt, iv, keyCheck(key)]);
  for await (const chunk of source) yield cipher.update(chunk as Buffer);
  yield cipher.final();
  yield cipher.getAuthTag();
}

export interface Header {
  manifest: Manifest;
  encrypted: boolean;
  /** Bytes from the start of the file to the end of the manifest (the GCM additional data). */
  headLength: number;
  fileBytes: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** Reads and checks the header without reading the database: what it is, and whether it is whole. */
export function readHeader(fd: number): Header {
  const fileBytes = fs.fstatSync(fd).size;
  const fixed = readAt(fd, 0, HEADER_FIXED);
  if (fixed.length < MAGIC.length || !fixed.subarray(0, MAGIC.length).equals(MAGIC)) throw backupError('notBackup');
  if (fixed.length < HEADER_FIXED) throw backupError('truncated');
  const encrypted = fixed[MAGIC.length] === 1;
  const jsonLength = fixed.readUInt32BE(MAGIC.length + 1);
  if (jsonLength > MAX_MANIFEST) throw backupError('damaged');
  const headLength = HEADER_FIXED + jsonLength;
  const json = readAt(fd, HEADER_FIXED, jsonLength);
  if (json.length < jsonLength) throw backupError('truncated');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(json.toString('utf8')) as Manifest;
  } catch {
    throw backupError('damaged');
  }
  if (typeof manifest.dbBytes !== 'number' || typeof manifest.sha256 !== 'string' || typeof manifest.schemaVersion !== 'number') {
    throw backupError('damaged');
  }
  const expected = headLength + manifest.dbBytes + (encrypted ? SALT + IV + CHECK + TAG : 0);
  if (fileBytes < expected) throw backupError('truncated');
  if (fileBytes > expected) throw backupError('damaged');
  return { manifest, encrypted, headLength, fileBytes };
}

/** Derives the key and checks the passphrase against the key check; null for a plain backup. */
async function unlock(fd: number, h: Header, passphrase?: string): Promise<{ key: Buffer; iv: Buffer } | null> {
  if (!h.encrypted) return null;
  if (!passphrase) throw backupError('needPassphrase');
  const block = readAt(fd, h.headLength, SALT + IV + CHECK);
  const key = await scrypt(passphrase, block.subarray(0, SALT), 32, SCRYPT);
  if (!crypto.timingSafeEqual(keyCheck(key), block.subarray(SALT + IV))) throw backupError('wrongPassphrase');
  return { key, iv: block.subarray(SALT, SALT + IV) };
}

/** Checks the header and the passphrase (quick: no database bytes read). */
export async function inspectFile(fd: number, passphrase?: string): Promise<Header> {
  const h = readHeader(fd);
  await unlock(fd, h, passphrase);
  return h;
}

/**
 * Writes the database inside the backup to the file `dest` (streamed, durably), checking the GCM tag and
 * the checksum; on any failure `dest` is left for the caller to remove.
 */
export async function extractDatabase(fd: number, dest: string, passphrase?: string): Promise<Header> {
  const h = readHeader(fd);
  const keys = await unlock(fd, h, passphrase);
  const start = h.headLength + (keys ? SALT + IV + CHECK : 0);
  const end = start + h.manifest.dbBytes; // exclusive
  const source = fs.createReadStream('', { fd, start, end: end - 1, highWaterMark: CHUNK, autoClose: false });
  const hash = crypto.createHash('sha256');
  async function* plainChunks(): AsyncGenerator<Buffer> {
    if (!keys) {
      for await (const chunk of source) {
        hash.update(chunk as Buffer);
        yield chunk as Buffer;
      }
      return;
    }
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.key, keys.iv);
    decipher.setAAD(readAt(fd, 0, h.headLength));
    decipher.setAuthTag(readAt(fd, end, TAG));
    for await (const chunk of source) {
      const plain = decipher.update(chunk as Buffer);
      hash.update(plain);
      yield plain;
    }
    try {
      decipher.final();
    } catch {
      throw backupError('checksum'); // the key was right (key check), so the bytes were altered
    }
  }
  if (h.manifest.dbBytes === 0) throw backupError('damaged');
  await writeDurably(dest, plainChunks());
  if (hash.digest('hex') !== h.manifest.sha256) throw backupError('checksum');
  return h;
}
