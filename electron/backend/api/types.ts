import type { Method, Output, ParsedInput } from '../../../shared/contract';
import type { Ctx } from '../context';

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: Ctx) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };

/** Each domain exports its handlers through this, so their inputs are typed from the contract. */
export function defineHandlers<K extends Method>(h: { [M in K]: Handler<M> }): { [M in K]: Handler<M> } {
  return h;
}
