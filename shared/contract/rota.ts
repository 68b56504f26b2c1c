import type { CallDef } from './define';

/** The duty rota (SPEC §6.1–6.3): shifts, templates, weekly plans with gaps and conflicts, publication, swaps. */
export const rotaContract = {} satisfies Record<string, CallDef>;
