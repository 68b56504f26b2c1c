import type { Db } from '../../db/open';
import type { PushEntry } from './protocol';
import { idNumberHash } from './signing';

const DESCRIPTION_MAX = 2000;

/** A row of table outbox, as `SELECT *` gives it. */
export interface OutboxRow {
  seq: number;
  id: string;
  stream: string;
  kind: string;
  record_id: string;
  payload: string;
  created_at: number;
}

export interface IdHashKey {
  idHashKey: string;
  idHashKeyId: string;
}

export interface Unencodable {
  id: string;
  code: string;
  reason: string;
}

/**
 * Outbox rows as push entries. Producers write what they know inside their own transaction; what
 * only matters to the county is added here, at push time: a card's holder as the keyed hash of the
 * ID number (never the number), a request's service name and the county's reference of a request it
 * dispatched. A row that cannot be made whole (the holder has no ID number, the payload is not JSON)
 * is returned as unencodable with a plain reason; the engine parks it.
 */
export function encodeForPush(db: Db, rows: OutboxRow[], key: IdHashKey): { entries: PushEntry[]; unencodable: Unencodable[] } {
  const holderOf = db.prepare(`SELECT r.id_number FROM cards c JOIN residents r ON r.id = c.holder_resident_id WHERE c.id = ?`).pluck();
  const requestOf = db.prepare(`SELECT s.name service_name, q.origin_ref FROM requests q JOIN services s ON s.id = q.service_id WHERE q.id = ?`);
  const hashes = new Map<string, string | null>();
  const entries: PushEntry[] = [];
  const unencodable: Unencodable[] = [];

  for (const row of rows) {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      unencodable.push({ id: row.id, code: 'bad_payload', reason: '待上传的记录已损坏（不是有效的 JSON）' });
      continue;
    }
    if (row.stream === 'cards') {
      let hash = hashes.get(row.record_id);
      if (hash === undefined) {
        const idNumber = holderOf.get(row.record_id) as string | null | undefined;
        hash = idNumber ? idNumberHash(key.idHashKey, idNumber) : null;
        hashes.set(row.record_id, hash);
      }
      if (!hash) {
        unencodable.push({ id: row.id, code: 'no_id_number', reason: '持卡人没有登记身份证号，县级平台无法查重；补登身份证号后重试' });
        continue;
      }
      payload = { ...payload, holderIdHash: hash, idHashKeyId: key.idHashKeyId };
    } else if (row.stream === 'requests' && (payload.serviceName === undefined || payload.originRef === undefined)) {
      const q = requestOf.get(row.record_id) as { service_name: string; origin_ref: string | null } | undefined;
      if (q) payload = { ...payload, serviceName: payload.serviceName ?? q.service_name, originRef: payload.originRef ?? q.origin_ref };
      // A dispatched request's title and text together may pass the protocol's 2,000 characters.
      if (typeof payload.description === 'string' && payload.description.length > DESCRIPTION_MAX) {
        payload = { ...payload, description: payload.description.slice(0, DESCRIPTION_MAX) };
      }
    }
    entries.push({ id: row.id, stream: row.stream, kind: row.kind, recordId: row.record_id, createdAt: row.created_at, payload });
  }
  return { entries, unencodable };
}
