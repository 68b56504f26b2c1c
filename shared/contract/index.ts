import { z } from 'zod';
import { accountsContract } from './accounts';
import { catalogueContract } from './catalogue';
import { event, type CallDef } from './define';
import { gridContract } from './grid';
import { residentsContract } from './residents';
import { queueContract } from './queue';
import { requestsContract } from './requests';
import { figuresContract } from './figures';
import { cardsContract } from './cards';
import { partnersContract } from './partners';
import { tillContract } from './till';
import { appointmentsContract } from './appointments';
import { homeVisitsContract } from './homeVisits';
import { rotaContract } from './rota';
import { dutyContract } from './duty';
import { syncContract } from './sync';
import { backupContract } from './backup';
import { STAFF } from './roles';

/** Every call the renderer can make. Adding a call: one entry here, one handler in the backend. */
export const contract = {
  ...accountsContract,
  ...gridContract,
  ...residentsContract,
  ...catalogueContract,
  ...queueContract,
  ...requestsContract,
  ...figuresContract,
  ...cardsContract,
  ...partnersContract,
  ...tillContract,
  ...appointmentsContract,
  ...homeVisitsContract,
  ...rotaContract,
  ...dutyContract,
  ...syncContract,
  ...backupContract,
} satisfies Record<string, CallDef>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const TOPICS = ['residents', 'grid', 'users', 'staff', 'services', 'stations', 'calendar', 'settings', 'queue', 'requests', 'cards', 'partners', 'appointments', 'homeVisits', 'rota', 'duty', 'sync', 'backup'] as const;
export type Topic = (typeof TOPICS)[number];

/** Events the backend pushes to connected clients. */
export const events = {
  'data.changed': event({ access: STAFF, payload: z.object({ topic: z.enum(TOPICS) }) }),
  /** The hall display and kiosk refresh on this: no names, only that the queue moved. */
  'queue.changed': event({ access: 'public', payload: z.object({}) }),
  /** A call (or recall) to speak in the hall. `callId` lets a display speak each call once. */
  'queue.called': event({
    access: 'public',
    payload: z.object({ callId: z.string(), ticketNumber: z.string(), counter: z.number(), at: z.number() }),
  }),
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './roles';
export * from './transport';
export * from './common';
export * from './accounts';
export * from './grid';
export * from './residents';
export * from './catalogue';
export * from './queue';
export * from './requests';
export * from './figures';
export * from './cards';
export * from './partners';
export * from './till';
export * from './appointments';
export * from './homeVisits';
export * from './rota';
export * from './duty';
export * from './sync';
export * from './backup';
