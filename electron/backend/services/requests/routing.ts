import { fail } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { HandlingMode } from './rows';

export interface RoutingInput {
  mode: HandlingMode;
  assigneeStaffId?: string | null | undefined;
  visitAddress?: string | null | undefined;
  department?: string | null | undefined;
}

export interface Routing {
  mode: HandlingMode;
  assigneeStaffId: string | null;
  visitAddress: string | null;
  department: string | null;
}

/**
 * Checks that the handling mode has what it needs (SPEC §3.4) and that a named staff member is
 * there and active. 马上办 needs nothing; the others need their place, person or department.
 */
export function checkRouting(db: Db, input: RoutingInput): Routing {
  const r: Routing = {
    mode: input.mode,
    assigneeStaffId: input.assigneeStaffId ?? null,
    visitAddress: input.visitAddress?.trim() || null,
    department: input.department?.trim() || null,
  };
  if ((r.mode === 'onsite' || r.mode === 'homevisit') && !r.visitAddress) {
    throw fail.validation(r.mode === 'onsite' ? 'request.visitAddress.requiredOnsite' : 'request.visitAddress.requiredHomevisit', 'visitAddress');
  }
  if (r.mode === 'assigned' && !r.assigneeStaffId) throw fail.validation('request.assignee.required', 'assigneeStaffId');
  if (r.mode === 'escalated' && !r.department) throw fail.validation('request.department.required', 'department');
  if (r.assigneeStaffId) {
    const staff = db.prepare('SELECT active FROM staff WHERE id = ?').get(r.assigneeStaffId) as { active: number } | undefined;
    if (!staff) throw fail.validation('staff.notFound', 'assigneeStaffId');
    if (staff.active !== 1) throw fail.validation('request.assignee.inactive', 'assigneeStaffId');
  }
  return r;
}

/** Someone or some department has been named to handle it: the request counts as assigned. */
export const isRouted = (r: Routing): boolean =>
  r.assigneeStaffId !== null || r.department !== null || r.mode === 'assigned' || r.mode === 'escalated';
