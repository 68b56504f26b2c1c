import { newId } from '../../../electron/backend/db/ids';
import type { Db } from '../../../electron/backend/db/open';
import { outboxPayload } from '../../../electron/backend/services/requests/steps';
import type { RequestRow, RequestStatus, StepAction } from '../../../electron/backend/services/requests/rows';
import type { DatasetGenerator } from './types';

const DAY_MS = 86_400_000;
/** A centre that was offline this long has every change of these days still to send. */
const OFFLINE_DAYS = 120;

/**
 * The outbox as after four months offline (issue 7's budgets: ≥ 200,000 entries to drain): every
 * status change of the requests received in the last 120 days and every purchase of those days,
 * with the payloads their producers write (requests/steps.ts outboxPayload; the till's purchase
 * entry), still waiting to go up. About 200,000 request changes and 100,000 purchases on the bench.
 */
function run(db: Db, now: number): Record<string, number> {
  const since = now - OFFLINE_DAYS * DAY_MS;
  const insert = db.prepare(`INSERT INTO outbox (id, stream, kind, record_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const counts = { requestChanges: 0, purchases: 0 };

  const serviceNames = new Map((db.prepare('SELECT id, name FROM services').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const steps = db
    .prepare(
      `SELECT r.*, s.at step_at, s.action step_action, s.status step_status FROM requests r JOIN request_steps s ON s.request_id = r.id
        WHERE r.received_at >= ? ORDER BY r.id, s.seq`,
    )
    .all(since) as (RequestRow & { step_at: number; step_action: StepAction; step_status: RequestStatus })[];
  let current: string | null = null;
  let status: RequestStatus | null = null;
  for (const row of steps) {
    if (row.id !== current) {
      current = row.id;
      status = null;
    }
    // As recordSteps does: one entry per change of status or routing.
    if (row.step_status !== status || row.step_action === 'rerouted') {
      const payload = outboxPayload(row, { action: row.step_action, status: row.step_status }, row.step_at, serviceNames.get(row.service_id));
      insert.run(newId(), 'requests', 'request.status', row.id, JSON.stringify(payload), row.step_at);
      counts.requestChanges++;
    }
    status = row.step_status;
  }

  const purchases = db
    .prepare(
      `SELECT id, card_no, partner_id, at, month, amount_fen, eligible_fen, discount_fen, pay_fen, voided_at FROM purchases WHERE at >= ? ORDER BY at`,
    )
    .all(since) as {
    id: string;
    card_no: string;
    partner_id: string;
    at: number;
    month: string;
    amount_fen: number;
    eligible_fen: number;
    discount_fen: number;
    pay_fen: number;
    voided_at: number | null;
  }[];
  for (const p of purchases) {
    const payload = {
      cardNo: p.card_no,
      partnerId: p.partner_id,
      at: p.at,
      month: p.month,
      amountFen: p.amount_fen,
      eligibleFen: p.eligible_fen,
      discountFen: p.discount_fen,
      payFen: p.pay_fen,
      voidedAt: p.voided_at,
    };
    insert.run(newId(), 'purchases', 'purchase', p.id, JSON.stringify(payload), p.at);
    counts.purchases++;
  }
  return counts;
}

export const syncBacklogGenerator: DatasetGenerator = { name: 'syncBacklog', version: 1, run };
