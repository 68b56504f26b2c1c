import dayjs, { type Dayjs } from 'dayjs';
import type { Input, Resident } from '../../../../shared/contract';

export interface ResidentFormValues {
  name: string;
  idNumber?: string;
  gender?: 'M' | 'F';
  birthDate?: Dayjs | null;
  phone?: string;
  buildingId?: string | null;
  unit?: string;
  room?: string;
  tags: string[];
  notes?: string;
  clearIdNumber?: boolean;
  clearPhone?: boolean;
}

export const RESIDENT_FORM_FIELDS = ['name', 'idNumber', 'gender', 'birthDate', 'phone', 'buildingId', 'unit', 'room', 'tags', 'notes'];

/** The form's start: empty for a new resident; for an edit everything but the ID number and phone, which the form only knows masked. */
export function initialValues(r: Resident | null): Partial<ResidentFormValues> {
  if (!r) return { tags: [] };
  return {
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate ? dayjs(r.birthDate) : null,
    buildingId: r.buildingId,
    unit: r.unit ?? undefined,
    room: r.room ?? undefined,
    tags: r.tags,
    notes: r.notes ?? undefined,
  };
}

/** Typed text replaces; on an edit an empty box keeps what is on file and a cleared one sends null. */
function maskedField(typed: string | undefined, cleared: boolean | undefined, editing: boolean): string | null | undefined {
  const v = typed?.trim();
  if (v) return v;
  return editing && cleared ? null : undefined;
}

export function toCreateInput(v: ResidentFormValues, genderFromId: boolean, confirmDuplicate: boolean): Input<'residents.create'> {
  return {
    name: v.name,
    idNumber: v.idNumber?.trim() || undefined,
    gender: genderFromId ? undefined : v.gender,
    birthDate: genderFromId ? undefined : v.birthDate?.format('YYYY-MM-DD'),
    phone: v.phone?.trim() || undefined,
    buildingId: v.buildingId ?? null,
    unit: v.unit?.trim() || undefined,
    room: v.room?.trim() || undefined,
    tags: v.tags ?? [],
    notes: v.notes?.trim() || undefined,
    confirmDuplicate,
  };
}

export function toUpdateInput(id: string, v: ResidentFormValues, genderFromId: boolean, confirmDuplicate: boolean): Input<'residents.update'> {
  return {
    ...toCreateInput(v, genderFromId, confirmDuplicate),
    id,
    idNumber: maskedField(v.idNumber, v.clearIdNumber, true),
    phone: maskedField(v.phone, v.clearPhone, true),
  };
}
