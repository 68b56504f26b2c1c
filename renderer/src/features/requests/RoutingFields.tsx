import { AutoComplete, Form, Input, Select } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import type { HandlingMode } from './requestLabels';

/** Form fields of the routing part (the contract's `routing`): the names the backend's errors use. */
export const ROUTING_FIELDS = ['mode', 'assigneeStaffId', 'visitAddress', 'department'];

export interface RoutingValues {
  mode: HandlingMode;
  assigneeStaffId?: string | null;
  visitAddress?: string;
  department?: string;
}

export function toRouting(v: RoutingValues) {
  const needsPlace = v.mode === 'onsite' || v.mode === 'homevisit';
  return {
    mode: v.mode,
    assigneeStaffId: v.mode === 'assigned' ? (v.assigneeStaffId ?? null) : null,
    visitAddress: needsPlace ? v.visitAddress?.trim() || null : null,
    department: v.mode === 'escalated' ? v.department?.trim() || null : null,
  };
}

function StaffPicker({ value, onChange, id }: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const staff = useApiQuery('staff.list', {});
  return (
    <Select<string>
      id={id}
      size="large"
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={staff.isPending}
      placeholder={t('requestForm.assigneePlaceholder')}
      notFoundContent={t('requestForm.assigneeNone')}
      options={(staff.data ?? [])
        .filter((s) => s.active || s.id === value)
        .map((s) => ({ value: s.id, label: s.roles.length ? `${s.name}（${s.roles.join('、')}）` : s.name }))}
    />
  );
}

/** Only the field the chosen mode needs: a place, the visit address, a staff member or a department. */
export function RoutingFields({ mode }: { mode: HandlingMode | undefined }) {
  if (mode === 'onsite' || mode === 'homevisit') {
    const label = mode === 'homevisit' ? t('requestForm.visitAddress') : t('requestForm.place');
    return (
      <Form.Item
        name="visitAddress"
        label={label}
        rules={[{ required: true, whitespace: true, message: t(mode === 'homevisit' ? 'requestForm.visitAddressRequired' : 'requestForm.placeRequired') }]}
        extra={t('requestForm.addressFromResident')}
      >
        <Input size="large" maxLength={120} />
      </Form.Item>
    );
  }
  if (mode === 'assigned') {
    return (
      <Form.Item name="assigneeStaffId" label={t('requestForm.assignee')} rules={[{ required: true, message: t('requestForm.assigneeRequired') }]}>
        <StaffPicker />
      </Form.Item>
    );
  }
  if (mode === 'escalated') {
    return (
      <Form.Item name="department" label={t('requestForm.department')} rules={[{ required: true, whitespace: true, message: t('requestForm.departmentRequired') }]}>
        <AutoComplete
          size="large"
          maxLength={60}
          placeholder={t('requestForm.departmentPlaceholder')}
          options={t('requestForm.departmentSuggestions')
            .split('|')
            .map((d) => ({ value: d }))}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
        />
      </Form.Item>
    );
  }
  return null;
}
