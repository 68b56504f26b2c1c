import type { CallDef } from './define';

/** Check-in and check-out at the station (SPEC §6.4) and monthly attendance (SPEC §6.5). */
export const dutyContract = {} satisfies Record<string, CallDef>;
