import type { AppErrorValue, Input, Method, Output } from '../../../shared/contract';
import { httpTransport } from './httpTransport';
import { ipcTransport } from './ipcTransport';
import type { Transport } from './transport';

export class ApiError extends Error {
  constructor(readonly value: AppErrorValue) {
    super(`${value.code} ${value.key}`);
    this.name = 'ApiError';
  }
}

export const transport: Transport = window.lianxin ? ipcTransport(window.lianxin) : httpTransport;

/** Calls the backend; resolves with the call's typed output or rejects with an ApiError. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await transport.call(method, input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value as Output<M>;
}
