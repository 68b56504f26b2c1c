import { Select } from 'antd';
import { useApiQuery } from '../../api/hooks';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}

/** Optional link from a login account to a staff member (工作人员). */
export default function StaffSelect({ value, onChange, id }: Props) {
  const staff = useApiQuery('staff.list', {});
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={staff.isPending}
      placeholder="不关联（可不选）"
      options={(staff.data ?? []).map((s) => ({
        value: s.id,
        label: s.roles.length ? `${s.name}（${s.roles.join('、')}）` : s.name,
      }))}
      notFoundContent="还没有工作人员，可先在“工作人员”页添加"
    />
  );
}
