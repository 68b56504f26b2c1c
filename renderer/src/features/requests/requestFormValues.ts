import type { Dayjs } from 'dayjs';
import type { Input, Resident } from '../../../../shared/contract';
import { fullAddress } from '../residents/residentFormat';
import type { QuickResidentValues } from './QuickResidentFields';
import type { Channel } from './requestLabels';
import { toRouting, type RoutingValues } from './RoutingFields';

export interface RequestFormValues extends RoutingValues {
  residentId?: string | null;
  newResident?: QuickResidentValues;
  serviceId?: string;
  channel?: Channel;
  originRef?: string;
  stationId?: string;
  description: string;
  resolvedNow?: string;
  dueDate?: Dayjs | null;
}

/** Fields of requests.create the form shows (the backend names them in its errors). */
export const REQUEST_FORM_FIELDS = [
  'residentId',
  'serviceId',
  'channel',
  'originRef',
  'stationId',
  'description',
  'mode',
  'assigneeStaffId',
  'visitAddress',
  'department',
  'dueDate',
  'resolvedNow',
];

/** The address a visit goes to: the resident's home as the register has it. */
export function residentAddress(r: Resident | null): string {
  return r ? fullAddress(r) : '';
}

export function toCreateInput(
  v: RequestFormValues,
  residentId: string | null,
  ticketId: string | null,
  counter: number | null,
  dueDateChanged: boolean,
): Input<'requests.create'> {
  return {
    ...toRouting(v),
    residentId,
    ticketId,
    counter,
    serviceId: v.serviceId ?? '',
    channel: v.channel ?? 'window',
    description: v.description,
    originRef: v.channel === 'county' ? v.originRef?.trim() || null : null,
    stationId: v.channel === 'station' ? (v.stationId ?? null) : null,
    dueDate: dueDateChanged && v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
    resolvedNow: v.mode === 'immediate' ? v.resolvedNow?.trim() || null : null,
  };
}

export function toResidentInput(v: QuickResidentValues, confirmDuplicate: boolean): Input<'residents.create'> {
  const idNumber = v.idNumber?.trim() || undefined;
  return {
    name: v.name,
    idNumber,
    gender: idNumber ? undefined : v.gender,
    phone: v.phone?.trim() || undefined,
    buildingId: v.buildingId ?? null,
    unit: v.unit?.trim() || undefined,
    room: v.room?.trim() || undefined,
    tags: [],
    confirmDuplicate,
  };
}
