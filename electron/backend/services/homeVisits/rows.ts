import type { HomeVisit } from '../../../../shared/contract';
import { maskPhone } from '../../../../shared/rules/mask';

export type HomeVisitStatus = HomeVisit['status'];

/** A row of `home_visits` as stored. */
export interface HomeVisitRow {
  id: string;
  request_id: string | null;
  resident_id: string | null;
  staff_id: string;
  day: string;
  start_minute: number;
  duration_minutes: number;
  address: string;
  purpose: string;
  status: HomeVisitStatus;
  outcome: string | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: number;
  completed_at: number | null;
  updated_at: number;
}

interface ViewRow extends HomeVisitRow {
  request_number: string | null;
  request_status: HomeVisit['requestStatus'];
  resident_name: string | null;
  resident_phone: string | null;
  staff_name: string;
  created_by_name: string | null;
}

/** The visit with the names a day plan shows; `v` is the alias of home_visits in the WHERE that follows. */
export const VIEW_SELECT = `
  SELECT v.*, q.number request_number, q.status request_status, r.name resident_name, r.phone resident_phone,
         st.name staff_name, u.display_name created_by_name
  FROM home_visits v
  JOIN staff st ON st.id = v.staff_id
  LEFT JOIN requests q ON q.id = v.request_id
  LEFT JOIN residents r ON r.id = v.resident_id
  LEFT JOIN users u ON u.id = v.created_by`;

/** The phone leaves the backend masked only (SPEC §8): a day plan is printed and carried around. */
export function toHomeVisit(r: ViewRow): HomeVisit {
  return {
    id: r.id,
    requestId: r.request_id,
    requestNumber: r.request_number,
    requestStatus: r.request_status,
    residentId: r.resident_id,
    residentName: r.resident_name,
    residentPhoneMasked: r.resident_phone ? maskPhone(r.resident_phone) : null,
    staffId: r.staff_id,
    staffName: r.staff_name,
    day: r.day,
    startMinute: r.start_minute,
    durationMinutes: r.duration_minutes,
    address: r.address,
    purpose: r.purpose,
    status: r.status,
    outcome: r.outcome,
    cancelReason: r.cancel_reason,
    createdByName: r.created_by_name ?? '',
    createdAt: r.created_at,
    completedAt: r.completed_at,
  };
}

export type { ViewRow as HomeVisitViewRow };
