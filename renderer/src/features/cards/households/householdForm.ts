import type { HouseholdInput, HARDSHIP_TYPES } from '../../../../../shared/contract/cards';
import type { Output } from '../../../../../shared/contract';
import type { FieldTarget } from '../../../components/apiErrors';
import type { Person } from './PersonField';

export interface MemberValues {
  person?: Person;
  relation?: string;
}

export interface HouseholdFormValues {
  head?: Person;
  members?: MemberValues[];
  address?: string;
  hardshipTypes?: (typeof HARDSHIP_TYPES)[number][];
  allowanceCertNo?: string;
  notes?: string;
}

type HouseholdDetail = Output<'households.get'>;

export const RELATIONS = ['配偶', '子女', '父母', '孙子女', '兄弟姐妹', '儿媳', '女婿', '其他亲属'];

/** The stored household as form values; the head shows apart from the other members. */
export function formValuesOf(h: HouseholdDetail): HouseholdFormValues {
  const personOfMember = (m: HouseholdDetail['members'][number]) => ({
    id: m.residentId,
    name: m.name,
    meta: [m.idNumberMasked, m.phoneMasked].filter(Boolean).join(' · '),
    address: '',
  });
  const head = h.members.find((m) => m.residentId === h.headResidentId);
  return {
    head: head ? personOfMember(head) : { id: h.headResidentId, name: h.headName, meta: h.headIdNumberMasked ?? '', address: '' },
    members: h.members.filter((m) => m.residentId !== h.headResidentId).map((m) => ({ person: personOfMember(m), relation: m.relation })),
    address: h.address,
    hardshipTypes: h.hardshipTypes as HouseholdFormValues['hardshipTypes'],
    allowanceCertNo: h.allowanceCertNo ?? undefined,
    notes: h.notes ?? undefined,
  };
}

export function toHouseholdInput(id: string | null, v: HouseholdFormValues): HouseholdInput {
  return {
    id: id ?? undefined,
    headResidentId: v.head?.id ?? '',
    members: (v.members ?? []).map((m) => ({ residentId: m.person?.id ?? '', relation: (m.relation ?? '').trim() })),
    address: (v.address ?? '').trim(),
    hardshipTypes: v.hardshipTypes ?? [],
    allowanceCertNo: v.allowanceCertNo?.trim() || undefined,
    notes: v.notes?.trim() || undefined,
  };
}

/** Where a backend error about a field shows in this form. */
export const householdFields: FieldTarget = (field) => {
  if (field === 'headResidentId') return ['head'];
  const member = /^members\.(\d+)\.(residentId|relation)$/.exec(field);
  if (member) return ['members', Number(member[1]), member[2] === 'residentId' ? 'person' : 'relation'];
  return ['address', 'hardshipTypes', 'allowanceCertNo', 'notes'].includes(field.split('.')[0]!) ? [field.split('.')[0]!] : null;
};
