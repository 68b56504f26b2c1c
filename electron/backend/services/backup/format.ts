import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { backupError } from './errors';

/**
 * Backup file format, version 1:
 *
 *   bytes 0..4   magic "LXBK1" (ASCII)
 *   byte  5      0 = plain, 1 = encrypted
 *   bytes 6..9   manifest length N (uint32, big-endian)
 *   next N bytes manifest, UTF-8 JSON (appVersion, schemaVersion, createdAt, counts, dbBytes, sha256)
 *   rest         plain:     the SQLite database bytes
 *                encrypted: salt(16) | iv(12) | AES-256-GCM ciphertext of the database | tag(16)
 *
 * Encrypted: key = scrypt(passphrase, salt, 32, N=2^17, r=8, p=1); the header bytes (magic to
 * manifest end) are the GCM additional data, so the manifest cannot be altered either.
 * The manifest holds no personal data (only counts per table), so it stays readable without the passphrase.
 */
export const MAGIC = Buffer.from('LXBK1', 'ascii');
const HEADER_FIXED = MAGIC.length + 1 + 4;
const SALT = 16;
const IV = 12;
const TAG = 16;
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

export interface Manifest {
  format: 1;
  appVersion: string;
  schemaVersion: number;
  createdAt: number;
  counts: Record<string, number>;
  dbBytes: number;
  sha256: string;
  encrypted: boolean;
}

const scrypt = promisify(crypto.scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: crypto.ScryptOptions,
) => Promise<Buffer>;

export function sha256(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export async function encode(manifest: Manifest, db: Buffer, passphrase?: string): Promise<Buffer> {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const header = Buffer.alloc(HEADER_FIXED);
  MAGIC.copy(header, 0);
  header[MAGIC.length] = passphrase ? 1 : 0;
  header.writeUInt32BE(json.length, MAGIC.length + 1);
  const head = Buffer.concat([header, json]);
  if (!passphrase) return Buffer.concat([head, db]);
  const salt = crypto.randomBytes(SALT);
  const iv = crypto.randomBytes(IV);
  const key = await scrypt(passphrase, salt, 32, SCRYPT);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(head);
  const body = Buffer.concat([cipher.update(db), cipher.final()]);
  return Buffer.concat([head, salt, iv, body, cipher.getAuthTag()]);
}

export async function decode(file: Buffer, passphrase?: string): Promise<{ manifest: Manifest; db: Buffer }> {
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw backupError('notBackup');
  if (file.length < HEADER_FIXED) throw backupError('truncated');
  const encrypted = file[MAGIC.length] === 1;
  const jsonLength = file.readUInt32BE(MAGIC.length + 1);
  const headEnd = HEADER_FIXED + jsonLength;
  if (file.length < headEnd) throw backupError('truncated');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(file.subarray(HEADER_FIXED, headEnd).toString('utf8')) as Manifest;
  } catch {
    throw backupError('damaged');
  }
  if (typeof manifest.dbBytes !== 'number' || typeof manifest.sha256 !== 'string') throw backupError('damaged');
  const rest = file.subarray(headEnd);
  let db: Buffer;
  if (!encrypted) {
    if (rest.length < manifest.dbBytes) throw backupError('truncated');
    if (rest.length > manifest.dbBytes) throw backupError('damaged');
    db = rest;
  } else {
    if (rest.length < SALT + IV + manifest.dbBytes + TAG) throw backupError('truncated');
    if (rest.length > SALT + IV + manifest.dbBytes + TAG) throw backupError('damaged');
    if (!passphrase) throw backupError('needPassphrase');
    const salt = rest.subarray(0, SALT);
    const iv = rest.subarray(SALT, SALT + IV);
    const tag = rest.subarray(rest.length - TAG);
    const key = await scrypt(passphrase, salt, 32, SCRYPT);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(file.subarray(0, headEnd));
    decipher.setAuthTag(tag);
    try {
      db = Buffer.concat([decipher.update(rest.subarray(SALT + IV, rest.length - TAG)), decipher.final()]);
    } catch {
      // GCM cannot tell a wrong passphrase from altered bytes; a wrong passphrase is by far the likelier.
      throw backupError('wrongPassphrase');
    }
  }
  if (sha256(db) !== manifest.sha256) throw backupError('checksum');
  return { manifest, db };
}
