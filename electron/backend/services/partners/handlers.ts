import type { Handlers } from '../../api/types';

/** Filled in as the partners handlers land. */
export const partnersHandlers = {} satisfies Partial<Handlers>;
