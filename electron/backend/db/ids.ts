import { uuidv7 } from 'uuidv7';

/** Globally unique, time-ordered ids: records from ~50 centres meet at the county. */
export const newId = (): string => uuidv7();
