import type { z } from 'zod';
import type { Role } from './roles';

/** Who may make a call: roles, or `public` (no session needed: setup, login, the hall display). */
export type Access = readonly Role[] | 'public';

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Sensitive calls are written to the audit log by the dispatcher's caller (the handler). */
  summary: string;
}

export function call<I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>): CallDef<I, O> {
  return def;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  access: Access;
}

export function event<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}
