import type { CallDef } from './define';

/** Station appointments (SPEC §5.1, 5.2, 5.4–5.6): what stations offer by appointment, free slots, bookings, check-in, the call list, day and week views. */
export const appointmentsContract = {} satisfies Record<string, CallDef>;
