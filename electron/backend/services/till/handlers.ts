import type { Handlers } from '../../api/types';

/** Filled in as the till handlers land. */
export const tillHandlers = {} satisfies Partial<Handlers>;
