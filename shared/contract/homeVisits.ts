import type { CallDef } from './define';

/** Home visits (上门办, SPEC §5.3): planned from a 上门办 request or directly, on a staff member's day plan. */
export const homeVisitsContract = {} satisfies Record<string, CallDef>;
