import type { APPLICATION_STATUSES, ApplicationSummary, Benefit, CARD_STATUSES, CardSummary } from '../../../../shared/contract/cards';

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type CardStatus = (typeof CARD_STATUSES)[number];

/** Statuses an application can still move on from; a household has at most one at a time. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'reviewed', 'notice'];
export const OPEN_APPLICATION_SQL = `status IN ('submitted', 'reviewed', 'notice')`;

/** A household's current card: one that is neither revoked nor replaced. */
export const CURRENT_CARD_SQL = `status IN ('active', 'suspended')`;

/** A row of `card_applications` with the names a list shows. */
export interface ApplicationRow {
  id: string;
  number: string;
  household_id: string;
  holder_resident_id: string;
  status: ApplicationStatus;
  benefit_kind: Benefit['kind'];
  benefit_value: number;
  monthly_cap_fen: number | null;
  delivery: number;
  reason: string;
  submitted_at: number;
  submitted_by: string;
  review: string | null;
  notice_start: string | null;
  notice_end: string | null;
  notice_place: string | null;
  card_id: string | null;
  decided_at: number | null;
  updated_at: number;
  head_name: string;
  holder_name: string;
  open_objections: number;
}

export const APPLICATION_SELECT = `
  SELECT a.*, hr.name head_name, cr.name holder_name,
    (SELECT count(*) FROM application_objections o WHERE o.application_id = a.id AND o.settled_at IS NULL) open_objections
  FROM card_applications a
  JOIN households h ON h.id = a.household_id
  JOIN residents hr ON hr.id = h.head_resident_id
  JOIN residents cr ON cr.id = a.holder_resident_id`;

export function toApplicationSummary(r: ApplicationRow): ApplicationSummary {
  return {
    id: r.id,
    number: r.number,
    householdId: r.household_id,
    headName: r.head_name,
    holderName: r.holder_name,
    status: r.status,
    submittedAt: r.submitted_at,
    noticeEnd: r.notice_end,
    openObjections: r.open_objections,
    cardId: r.card_id,
  };
}

/** A row of `cards` with its holder's name. */
export interface CardRow {
  id: string;
  card_no: string;
  household_id: string;
  holder_resident_id: string;
  application_id: string | null;
  benefit_kind: Benefit['kind'];
  benefit_value: number;
  monthly_cap_fen: number | null;
  delivery: number;
  valid_from: string;
  valid_to: string;
  status: CardStatus;
  status_reason: string | null;
  replaced_by_card_id: string | null;
  key_id: number;
  issued_at: number;
  updated_at: number;
  holder_name: string;
}

export const CARD_SELECT = `SELECT c.*, r.name holder_name FROM cards c JOIN residents r ON r.id = c.holder_resident_id`;

/** An active card past its last valid day shows as expired; the stored status stays active. */
export function effectiveStatus(r: Pick<CardRow, 'status' | 'valid_to'>, today: string): CardSummary['status'] {
  return r.status === 'active' && r.valid_to < today ? 'expired' : r.status;
}

export function toCardSummary(r: CardRow, today: string): CardSummary {
  return {
    id: r.id,
    cardNo: r.card_no,
    householdId: r.household_id,
    holderName: r.holder_name,
    benefit: { kind: r.benefit_kind, value: r.benefit_value },
    monthlyCapFen: r.monthly_cap_fen,
    delivery: r.delivery === 1,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: effectiveStatus(r, today),
    statusReason: r.status_reason,
  };
}
