import type { z } from 'zod';
import type { CHANNELS, HANDLING_MODES, REQUEST_STATUSES, RequestSummary, SATISFACTIONS, STEP_ACTIONS, requestStep } from '../../../../shared/contract';

export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type HandlingMode = (typeof HANDLING_MODES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Satisfaction = (typeof SATISFACTIONS)[number];
export type StepAction = (typeof STEP_ACTIONS)[number];
export type RequestStep = z.infer<typeof requestStep>;

/** A row of `requests` as stored. */
export interface RequestRow {
  id: string;
  number: string;
  resident_id: string | null;
  grid_id: string | null;
  ticket_id: string | null;
  counter: number | null;
  station_id: string | null;
  service_id: string;
  channel: Channel;
  description: string;
  mode: HandlingMode;
  assignee_staff_id: string | null;
  visit_address: string | null;
  department: string | null;
  origin_ref: string | null;
  status: RequestStatus;
  received_at: number;
  received_day: string;
  received_by: string;
  due_date: string;
  resolved_at: number | null;
  resolved_day: string | null;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback_note: string | null;
  feedback_at: number | null;
  closed_at: number | null;
  reopen_count: number;
  void_reason: string | null;
  voided_at: number | null;
  home_visit_id: string | null;
  updated_at: number;
}

/** A request with the names a list shows. */
export interface SummaryRow extends RequestRow {
  resident_name: string | null;
  service_name: string;
  assignee_name: string | null;
}

/** Open requests, written exactly as the partial indexes' WHERE in 003 so that SQLite uses them. */
export const OPEN_SQL = `q.status IN ('received', 'assigned', 'in_progress')`;

/** The lists' FROM clause: the request with its service, resident and assignee. */
export const SUMMARY_FROM = `
  FROM requests q
  JOIN services s ON s.id = q.service_id
  LEFT JOIN residents r ON r.id = q.resident_id
  LEFT JOIN staff st ON st.id = q.assignee_staff_id`;

export const SUMMARY_SELECT = `SELECT q.*, r.name resident_name, s.name service_name, st.name assignee_name ${SUMMARY_FROM}`;

export const isOpen = (status: RequestStatus): boolean =>
  status === 'received' || status === 'assigned' || status === 'in_progress';

/** Overdue: still open after its due date (a request due today is not overdue yet). */
export const isOverdue = (r: Pick<RequestRow, 'status' | 'due_date'>, today: string): boolean =>
  isOpen(r.status) && r.due_date < today;

export function toSummary(r: SummaryRow, today: string): RequestSummary {
  return {
    id: r.id,
    number: r.number,
    receivedAt: r.received_at,
    residentName: r.resident_name,
    serviceName: r.service_name,
    channel: r.channel,
    mode: r.mode,
    status: r.status,
    dueDate: r.due_date,
    overdue: isOverdue(r, today),
    assigneeName: r.assignee_name,
    department: r.department,
    description: r.description,
    satisfaction: r.satisfaction,
  };
}
