import type { Handlers } from '../../api/types';

/** Filled in as the cards handlers land. */
export const cardsHandlers = {} satisfies Partial<Handlers>;
